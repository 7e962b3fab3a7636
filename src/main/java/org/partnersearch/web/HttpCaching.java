package org.partnersearch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.partnersearch.search.PartnerSearcher;
import org.partnersearch.serving.IndexStatus;

/**
 * HTTP caching, decided in this one place, so a browser, a reverse proxy or a CDN can take load off
 * the service: every answer of the public API is a pure function of the request and the index
 * generation.
 *
 * <ul>
 *   <li>Search, suggest, partner and research areas: a weak {@code ETag} made of the generation and
 *       the normalised request (the parsed request record, so parameter order and defaults do not
 *       matter), {@code X-Index-Generation}, and {@code 304} without searching when {@code
 *       If-None-Match} names the ETag of the generation served now.
 *   <li>Those, {@code /opensearch.xml} and static files: {@code Cache-Control: public, max-age=…}.
 *   <li>Everything else (admin, health, readiness, metrics, picks) and every error answer: {@code
 *       Cache-Control: no-store}.
 * </ul>
 */
final class HttpCaching {
  static final String GENERATION_HEADER = "X-Index-Generation";
  static final String NO_STORE = "no-store";
  private static final String CACHEABLE = "partnersearch.cacheable";

  /** Writes the request records as JSON: unambiguous, where a record's toString is not. */
  private static final ObjectMapper KEYS = new ObjectMapper();

  private final String publicCacheControl;

  HttpCaching(Duration maxAge) {
    this.publicCacheControl = "public, max-age=" + maxAge.toSeconds();
  }

  String publicCacheControl() {
    return publicCacheControl;
  }

  void install(JavalinConfig config) {
    config.routes.after(this::cacheControl);
  }

  /**
   * Answers with {@code handler} from one index generation, or with {@code 304} if the client
   * already holds that generation's answer to the same request.
   *
   * @param request the request as the search layer sees it (a record: equal requests, equal text)
   */
  void answer(Context ctx, PartnerSearcher searcher, Object request, Runnable handler) {
    searcher.onOneGeneration(
        status -> {
          String etag = etag(status, ctx.path(), request);
          ctx.header(Header.ETAG, etag);
          ctx.header(GENERATION_HEADER, Long.toString(status.generation()));
          ctx.attribute(CACHEABLE, Boolean.TRUE);
          if (matches(ctx.header(Header.IF_NONE_MATCH), etag)) {
            ctx.status(304);
            return null;
          }
          handler.run();
          return null;
        });
  }

  /** The same answer for every request until the jar changes, e.g. a description document. */
  Handler cacheable(Handler handler) {
    return ctx -> {
      ctx.attribute(CACHEABLE, Boolean.TRUE);
      handler.handle(ctx);
    };
  }

  /** This answer must not be kept, e.g. a search cut short by its time budget. */
  static void doNotStore(Context ctx) {
    ctx.attribute(CACHEABLE, Boolean.FALSE);
  }

  /**
   * NOTE: {@code Vary: Accept-Encoding} because Javalin gzips larger answers for clients that
   * accept it without saying so; a shared cache must not hand a gzipped body to a client that did
   * not ask.
   */
  private void cacheControl(Context ctx) {
    int status = ctx.statusCode();
    if ((status == 200 || status == 304) && Boolean.TRUE.equals(ctx.attribute(CACHEABLE))) {
      ctx.header(Header.CACHE_CONTROL, publicCacheControl);
      ctx.res().addHeader(Header.VARY, Header.ACCEPT_ENCODING);
      return;
    }
    if (status == 200 && ctx.res().containsHeader(Header.CACHE_CONTROL)) {
      ctx.res().addHeader(Header.VARY, Header.ACCEPT_ENCODING);
      return; // a static file, with the Cache-Control WebAssets gives it
    }
    ctx.header(Header.CACHE_CONTROL, NO_STORE);
    ctx.res().setHeader(Header.ETAG, null); // nothing kept, nothing to revalidate
    if (status != 200) {
      ctx.res().setHeader(GENERATION_HEADER, null); // an error was not answered from the index
    }
  }

  /**
   * Weak: equal requests in one generation mean the same content, not the same bytes ({@code
   * tookMs} differs). The build time is in it too, so a folder rebuilt from scratch, which starts
   * again at generation 1, does not repeat old ETags.
   */
  static String etag(IndexStatus status, String path, Object request) {
    try {
      String key =
          status.generation()
              + "\n"
              + status.builtAt()
              + "\n"
              + path
              + "\n"
              + KEYS.writeValueAsString(request);
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "W/\"" + status.generation() + "-" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException("SHA-256 and records as JSON are always there", e);
    }
  }

  /**
   * {@code If-None-Match} compares weakly: {@code W/} prefixes do not matter; {@code *} matches
   * any.
   */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    String opaque = stripWeak(etag);
    for (String candidate : List.of(ifNoneMatch.split(","))) {
      String c = candidate.trim();
      if (c.equals("*") || stripWeak(c).equals(opaque)) {
        return true;
      }
    }
    return false;
  }

  private static String stripWeak(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
