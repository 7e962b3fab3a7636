package org.partnersearch.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnersearch.RealCorpus;
import org.partnersearch.SharedRealCorpus;
import org.partnersearch.search.SearchRequest;
import org.partnersearch.search.SearchResponse;

/**
 * The per-request time budget is enforced inside Lucene: past it, a partial answer, never a hang.
 */
@ExtendWith(SharedRealCorpus.class)
class TimeBudgetTest {
  static RealCorpus corpus;

  @BeforeAll
  static void index(RealCorpus shared) {
    corpus = shared;
  }

  @Test
  void anExhaustedBudgetGivesAPartialAnswerInsteadOfAnError() {
    SearchResponse r =
        corpus
            .app
            .searcher(corpus.index, Duration.ZERO)
            .search(SearchRequest.of("Kernteknik Endlager"));
    assertTrue(r.partial());
    assertFalse(r.relaxed(), "no second, relaxed search once the budget is spent");
  }

  @Test
  void theBudgetAlsoHoldsWithFacetFiltersWhereDrillSidewaysScores() {
    SearchResponse r =
        corpus
            .app
            .searcher(corpus.index, Duration.ZERO)
            .search(
                new SearchRequest(
                    "Krebs",
                    1,
                    10,
                    java.util.List.of("cancer-research"),
                    java.util.List.of("hospital"),
                    java.util.List.of(),
                    org.partnersearch.corpus.Lang.EN,
                    false));
    assertTrue(r.partial());
  }

  @Test
  void aSearchWithinItsBudgetIsNotPartial() {
    // a generous budget: the shared test machine must not decide this test
    SearchResponse r =
        corpus
            .app
            .searcher(corpus.index, Duration.ofSeconds(30))
            .search(SearchRequest.of("Kernteknik Endlager"));
    assertFalse(r.partial());
  }
}
