package org.partnersearch.bench;

import java.util.ArrayList;
import java.util.List;
import org.partnersearch.PartnerSearch;
import org.partnersearch.analysis.GermanDecompounder;
import org.partnersearch.corpus.Partner;
import org.partnersearch.suggest.Suggester;
import org.partnersearch.suggest.SuggesterFactory;

/** Builds the suggester of a synthetic corpus in process, for JFR. Arguments: {@code size}. */
public final class SuggesterBuildProfile {
  private SuggesterBuildProfile() {}

  public static void main(String[] args) throws Exception {
    int size = Integer.parseInt(args[0]);
    try (PartnerSearch app = new PartnerSearch()) {
      SyntheticCorpus corpus = SyntheticCorpus.fromRealCorpus(LoadBenchmark.REAL_CORPUS, 42);
      List<Partner> partners = new ArrayList<>();
      corpus.partners(size).forEach(partners::add);
      SuggesterFactory factory = new SuggesterFactory(app.analyzers(), new GermanDecompounder());
      long start = System.nanoTime();
      try (Suggester s = factory.create(partners, corpus.vocabulary(), text -> List.of())) {
        System.out.printf("%d entries in %d ms%n", s.size(), (System.nanoTime() - start) / 1_000_000);
      }
    }
  }
}
