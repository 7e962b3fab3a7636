package org.partnersearch.ops;

import org.partnersearch.corpus.CorpusException;
import org.partnersearch.index.BuildReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per index build of the running service (on first start, after a schema change, by
 * the admin API), and one per build refused because the corpus has problems. The fields are
 * key-values too, so the JSON log carries them as numbers.
 */
public final class BuildLog {
  private static final Logger LOG = LoggerFactory.getLogger("index");

  private BuildLog() {}

  /**
   * @param why what started the build: {@code first-start}, {@code schema-change}, {@code
   *     admin-reindex}
   */
  public static void built(String why, BuildReport report) {
    String generation = report.generation().getFileName().toString();
    LOG.atInfo()
        .addKeyValue("event", "index_built")
        .addKeyValue("trigger", why)
        .addKeyValue("generation", generation)
        .addKeyValue("documents", report.documents())
        .addKeyValue("terms", report.terms())
        .addKeyValue("bytes", report.bytes())
        .addKeyValue("ms", report.took().toMillis())
        .log(
            "index built ({}): {} with {} documents in {} ms",
            why,
            generation,
            report.documents(),
            report.took().toMillis());
  }

  public static void rejected(String why, CorpusException e) {
    LOG.atWarn()
        .addKeyValue("event", "index_rejected")
        .addKeyValue("trigger", why)
        .addKeyValue("problems", e.problems().size())
        .log(
            "index not built ({}): the corpus has {} problem(s), the served index is unchanged; first: {}",
            why,
            e.problems().size(),
            e.problems().isEmpty() ? "-" : e.problems().get(0));
  }
}
