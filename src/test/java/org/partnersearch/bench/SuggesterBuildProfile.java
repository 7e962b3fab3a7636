package org.partnersearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.lucene.util.IOUtils;
import org.partnersearch.PartnerSearch;
import org.partnersearch.corpus.Partner;
import org.partnersearch.corpus.Vocabulary;
import org.partnersearch.index.BuildProgress;
import org.partnersearch.index.BuildReport;

/**
 * Builds a generation of a synthetic corpus in process, for JFR, and prints the suggester's part of
 * the build: the suggester reads its terms from the written index, so it is not built alone.
 * Arguments: {@code size}.
 */
public final class SuggesterBuildProfile {
  private SuggesterBuildProfile() {}

  public static void main(String[] args) throws Exception {
    int size = Integer.parseInt(args[0]);
    try (PartnerSearch app = new PartnerSearch()) {
      SyntheticCorpus corpus = SyntheticCorpus.fromRealCorpus(LoadBenchmark.REAL_CORPUS, 42);
      Path root = Files.createTempDirectory("suggester-profile");
      try {
        System.out.println(build(app, corpus.vocabulary(), corpus.partners(size), size, root));
      } finally {
        IOUtils.rm(root);
      }
    }
  }

  /**
   * Builds a generation of {@code partners} into {@code root}: "N entries built in … of a … build".
   */
  static String build(
      PartnerSearch app, Vocabulary vocabulary, Iterable<Partner> partners, int count, Path root)
      throws IOException {
    BuildReport report = app.index(vocabulary, partners, count, root, BuildProgress.NONE);
    long suggester = report.suggesterTook().toMillis();
    long whole = report.took().toMillis();
    return String.format(
        Locale.ROOT,
        "%,d partners: %,d suggester entries built in %,d ms of a %,d ms build (%.1f %%; %.0f ms per 10,000 entries)",
        count,
        report.suggesterEntries(),
        suggester,
        whole,
        100.0 * suggester / whole,
        suggester * 10_000.0 / Math.max(1, report.suggesterEntries()));
  }
}
