package org.partnersearch.ops;

import io.javalin.http.ServiceUnavailableResponse;
import org.partnersearch.search.PartnerSearcher;

/**
 * Whether the service can answer searches: {@code STARTING} while the index is built, opened and
 * warmed up, {@code READY} while it serves, {@code STOPPING} once SIGTERM has arrived (so a load
 * balancer stops sending new requests while the in-flight ones finish).
 */
public final class Readiness {
  /** The phases in order; a service never goes back. */
  public enum Phase {
    STARTING,
    READY,
    STOPPING
  }

  private volatile PartnerSearcher searcher;
  private volatile Phase phase = Phase.STARTING;

  /** Already ready: for servers built around an open index (tests, tools). */
  public static Readiness of(PartnerSearcher searcher) {
    Readiness r = new Readiness();
    r.ready(searcher);
    return r;
  }

  public void ready(PartnerSearcher openAndWarm) {
    this.searcher = openAndWarm;
    this.phase = Phase.READY;
  }

  public void stopping() {
    this.phase = Phase.STOPPING;
  }

  public Phase phase() {
    return phase;
  }

  /**
   * The searcher for a request. Before it is ready the request gets a 503; while stopping it still
   * works, so requests that arrive during the drain are answered.
   */
  public PartnerSearcher searcher() {
    PartnerSearcher s = searcher;
    if (s == null) {
      throw new ServiceUnavailableResponse("the index is not open yet: try again in a few seconds");
    }
    return s;
  }
}
