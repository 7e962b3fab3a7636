package org.partnersearch.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.Supplier;
import org.partnersearch.corpus.CorpusException;
import org.partnersearch.corpus.CorpusProblem;
import org.partnersearch.index.BuildReport;
import org.partnersearch.index.IndexGenerations;

/**
 * Admin routes, installed only when an admin token is configured: every {@code /api/admin/*}
 * request needs {@code Authorization: Bearer <token>} ({@link BearerAuth}).
 */
final class AdminRoutes {
  private final BearerAuth auth;
  private final Supplier<Reindexing> reindexer;

  AdminRoutes(BearerAuth auth, Supplier<Reindexing> reindexer) {
    this.auth = auth;
    this.reindexer = reindexer;
  }

  void install(JavalinConfig config) {
    config.routes.before("/api/admin/*", auth::check);
    config.routes.post("/api/admin/reindex", this::reindex);
  }

  private void reindex(Context ctx) throws Exception {
    try {
      Reindexing current = reindexer.get();
      if (current == null) {
        throw new ApiException(
            503, "not_ready", "the index is still being opened; try again shortly", Map.of());
      }
      BuildReport report = current.reindex();
      ctx.json(
          new ReindexResponse(
              report.documents(),
              report.terms(),
              IndexGenerations.number(report.generation()),
              report.took().toMillis()));
    } catch (Reindexing.AlreadyRunningException e) {
      throw new ApiException(409, "reindex_running", e.getMessage(), Map.of());
    } catch (CorpusException e) {
      ctx.status(422)
          .json(
              new CorpusProblemsResponse(
                  new CorpusProblemsResponse.Problems(
                      422,
                      "corpus_invalid",
                      "the corpus has "
                          + e.problems().size()
                          + " problem(s); the served index is unchanged",
                      e.problems().stream().map(CorpusProblem::toString).toList())));
    }
  }
}
