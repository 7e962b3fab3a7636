package org.partnersearch.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.partnersearch.Reindexer;
import org.partnersearch.corpus.CorpusException;
import org.partnersearch.corpus.CorpusProblem;
import org.partnersearch.index.BuildReport;
import org.partnersearch.index.IndexGenerations;

/**
 * Admin routes, installed only when an admin token is configured: every {@code /api/admin/*}
 * request needs {@code Authorization: Bearer <token>}, compared in constant time. A client that
 * keeps sending wrong tokens is slowed down (429) before its guesses are even checked.
 */
final class AdminRoutes {
  /** Wrong tokens one client may send per minute before it must wait. */
  static final int FAILURES_PER_MINUTE = 5;

  private final byte[] tokenDigest;
  private final Supplier<Reindexer> reindexer;
  private final ClientAddress clients;
  private final RateLimiter failures = new RateLimiter(FAILURES_PER_MINUTE, Duration.ofMinutes(1));

  AdminRoutes(String token, Supplier<Reindexer> reindexer, ClientAddress clients) {
    this.tokenDigest = sha256(token);
    this.reindexer = reindexer;
    this.clients = clients;
  }

  void install(JavalinConfig config) {
    config.routes.before("/api/admin/*", this::authorize);
    config.routes.post("/api/admin/reindex", this::reindex);
  }

  private void authorize(Context ctx) {
    String client = clients.of(ctx);
    if (!failures.hasToken(client)) {
      throw ApiException.tooManyRequests(Duration.ofSeconds(60 / FAILURES_PER_MINUTE), "too many wrong admin tokens");
    }
    String header = ctx.header("Authorization");
    String given = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : "";
    // Digests have the same length whatever was sent, so the comparison's time says nothing.
    if (!MessageDigest.isEqual(sha256(given), tokenDigest)) {
      failures.take(client);
      throw new ApiException(401, "unauthorized", "admin routes need Authorization: Bearer <admin token>",
          Map.of("WWW-Authenticate", "Bearer"));
    }
  }

  private void reindex(Context ctx) throws Exception {
    try {
      Reindexer current = reindexer.get();
      if (current == null) {
        throw new ApiException(503, "not_ready", "the index is still being opened; try again shortly", Map.of());
      }
      BuildReport report = current.reindex();
      ctx.json(new ReindexResponse(report.documents(), report.terms(),
          IndexGenerations.number(report.generation()), report.took().toMillis()));
    } catch (Reindexer.AlreadyRunningException e) {
      throw new ApiException(409, "reindex_running", e.getMessage(), Map.of());
    } catch (CorpusException e) {
      ctx.status(422).json(new CorpusProblemsResponse(new CorpusProblemsResponse.Problems(422, "corpus_invalid",
          "the corpus has " + e.problems().size() + " problem(s); the served index is unchanged",
          e.problems().stream().map(CorpusProblem::toString).toList())));
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
