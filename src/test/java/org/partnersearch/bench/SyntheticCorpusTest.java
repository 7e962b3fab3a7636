package org.partnersearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnersearch.corpus.Corpus;
import org.partnersearch.corpus.CorpusLoader;
import org.partnersearch.corpus.Partner;

class SyntheticCorpusTest {
  private static SyntheticCorpus corpus;

  @BeforeAll
  static void generator() throws Exception {
    corpus = SyntheticCorpus.fromRealCorpus(LoadBenchmark.REAL_CORPUS, 42);
  }

  @Test
  void theSameSeedGivesTheSamePartnersInEveryRun() throws Exception {
    SyntheticCorpus again = SyntheticCorpus.fromRealCorpus(LoadBenchmark.REAL_CORPUS, 42);
    assertEquals(list(corpus, 50), list(again, 50));
    assertEquals(corpus.partner(12_345), again.partner(12_345));
    assertEquals(QueryMix.searches(corpus, 1000, 100, 7), QueryMix.searches(again, 1000, 100, 7));
  }

  @Test
  void anotherSeedGivesOtherPartners() throws Exception {
    SyntheticCorpus other = SyntheticCorpus.fromRealCorpus(LoadBenchmark.REAL_CORPUS, 43);
    assertNotEquals(corpus.partner(0), other.partner(0));
  }

  @Test
  void partnersUseTheRealVocabularyWithGermanCompounds() {
    Partner p = corpus.partner(3);
    assertEquals("p0000003", p.id());
    assertTrue(corpus.compounds().contains("Endlagerforschung"), "a real compound is drawn");
    long withCompound =
        list(corpus, 200).stream()
            .filter(
                x -> corpus.compounds().stream().anyMatch(c -> x.description().de().contains(c)))
            .count();
    assertTrue(withCompound > 150, "most German descriptions hold a compound: " + withCompound);
  }

  @Test
  void writtenPartnersLoadAsAValidCorpus(@TempDir Path dir) throws Exception {
    corpus.writeTo(dir, LoadBenchmark.REAL_CORPUS, 40);
    Corpus loaded = new CorpusLoader().load(dir);
    assertEquals(list(corpus, 40), loaded.partners());
  }

  private static List<Partner> list(SyntheticCorpus c, int n) {
    List<Partner> out = new ArrayList<>();
    c.partners(n).forEach(out::add);
    return out;
  }
}
