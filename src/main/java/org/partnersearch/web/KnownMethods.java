package org.partnersearch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers {@code 501} to any HTTP method outside a fixed set, before routing, metrics or the access
 * log see the request. A method name is whatever a client writes before the first space, and every
 * new name used to become a new metrics series (a flood of random names grew {@code /metrics} to
 * 1.27 GB) and a verbatim log line. The outermost handler, so Jetty's own request timer never sees
 * such a name either.
 */
final class KnownMethods extends Handler.Wrapper {
  /**
   * The methods a route or the CORS preflight can answer; the rest of RFC 9110's (CONNECT, TRACE)
   * are not served.
   */
  static final Set<String> KNOWN =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

  /** The name metrics and logs use for any other method. */
  static final String OTHER = "OTHER";

  private final Consumer<Long> refused;
  private final byte[] body;

  /**
   * @param refused told the nanoseconds each refused request took, for the metrics
   */
  KnownMethods(Handler inner, Consumer<Long> refused) {
    super(inner);
    this.refused = refused;
    try {
      this.body =
          JsonMappers.api()
              .writeValueAsBytes(
                  ApiError.of(
                      HttpStatus.NOT_IMPLEMENTED_501,
                      "not_implemented",
                      "unknown HTTP method; the API answers "
                          + String.join(", ", new TreeSet<>(KNOWN))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an error record always serialises", e);
    }
  }

  /** The method as metrics and logs may name it: one of {@link #KNOWN}, or {@link #OTHER}. */
  static String label(String method) {
    return KNOWN.contains(method) ? method : OTHER;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (KNOWN.contains(request.getMethod())) {
      return super.handle(request, response, callback);
    }
    // NOTE: written here, as Jetty's error handler writes no body for methods other than GET, POST
    // and HEAD.
    response.setStatus(HttpStatus.NOT_IMPLEMENTED_501);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.write(true, ByteBuffer.wrap(body), callback);
    refused.accept(System.nanoTime() - request.getBeginNanoTime());
    return true;
  }
}
