package org.partnersearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.util.IOUtils;
import org.partnersearch.PartnerSearch;
import org.partnersearch.analysis.GermanDecompounder;
import org.partnersearch.corpus.Partner;
import org.partnersearch.corpus.Vocabulary;
import org.partnersearch.suggest.SuggestIndexWriter;
import org.partnersearch.suggest.Suggester;
import org.partnersearch.suggest.SuggesterStore;

/**
 * Builds the suggester of a synthetic corpus alone (no search index) in process, for JFR, and opens
 * it. Arguments: {@code size}.
 */
public final class SuggesterBuildProfile {
  private SuggesterBuildProfile() {}

  public static void main(String[] args) throws Exception {
    int size = Integer.parseInt(args[0]);
    try (PartnerSearch app = new PartnerSearch()) {
      SyntheticCorpus corpus = SyntheticCorpus.fromRealCorpus(LoadBenchmark.REAL_CORPUS, 42);
      SuggesterStore store = new SuggesterStore(app.analyzers(), new GermanDecompounder());
      Path generation = Files.createTempDirectory("suggester-profile");
      try {
        System.out.println(buildAndOpen(store, corpus.vocabulary(), corpus.partners(size), generation));
      } finally {
        IOUtils.rm(generation);
      }
    }
  }

  /** Writes the suggester of {@code partners} into {@code generation} and opens it: "N entries built in …". */
  static String buildAndOpen(SuggesterStore store, Vocabulary vocabulary, Iterable<Partner> partners, Path generation)
      throws IOException {
    long start = System.nanoTime();
    long entries;
    try (SuggestIndexWriter writer = store.writer(generation, vocabulary)) {
      for (Partner p : partners) {
        writer.add(p);
      }
      entries = writer.finish();
    }
    long built = System.nanoTime();
    try (Suggester s = store.open(generation, text -> List.of())) {
      return String.format(Locale.ROOT, "%,d entries built in %,d ms (%.0f ms per 10,000 entries), opened in %,d ms",
          entries, (built - start) / 1_000_000, (built - start) / 1e6 * 10_000 / entries,
          (System.nanoTime() - built) / 1_000_000);
    }
  }
}
