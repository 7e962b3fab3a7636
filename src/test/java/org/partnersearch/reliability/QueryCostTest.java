package org.partnersearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnersearch.RealCorpus;
import org.partnersearch.SharedRealCorpus;
import org.partnersearch.corpus.Lang;
import org.partnersearch.request.InvalidRequestException;
import org.partnersearch.search.PartnerSearcher;
import org.partnersearch.search.SearchRequest;
import org.partnersearch.search.SearchResponse;

/**
 * The costliest searches a visitor can send within the documented limits are answered, never
 * failed, and cost about their time budget, not more: many compounds in one query, and many long
 * misspelt words with explain on a full page.
 */
@ExtendWith(SharedRealCorpus.class)
class QueryCostTest {
  /** A budget no search here reaches: what a search costs when nothing cuts it short. */
  private static final Duration AMPLE = Duration.ofSeconds(30);

  private static final Duration BUDGET = Duration.ofMillis(300);

  /**
   * The CPU a search may use beyond its budget: the steps that cannot stop halfway (building a
   * word's automata, highlighting a page). Generous, so a busy 2-core machine does not decide the
   * test; before explain had a typo budget, the costliest query took over a second of CPU.
   */
  private static final Duration CPU_MARGIN = Duration.ofMillis(500);

  /** Wall time also waits for the other processes of a shared machine: more generous still. */
  private static final Duration WALL_MARGIN = Duration.ofMillis(2700);

  private static final String TWELVE_COMPOUNDS =
      "Krebsforschung Kernforschung Strahlenforschung Endlagerforschung "
          + "Materialforschung Umweltforschung Energieforschung Gesundheitsforschung Sicherheitsforschung "
          + "Klimaforschung Werkstoffforschung Rohstoffforschung";

  /** 21 long words of the corpus, each with one letter changed: all of them typos within reach. */
  private static final String NEAR_MISSES =
      String.join(
          " ",
          List.of(
              "Strahlentxerapie",
              "Forschungxzentrum",
              "Endlagerxorschung",
              "Strahlenxorschung",
              "Ressourcentxchnologie",
              "Radiopxarmazie",
              "Radioxnkologie",
              "Quantenmxterialien",
              "Protonenxherapie",
              "Materialxorschung",
              "Krebsfxrschung",
              "Beschleuxigertechnik",
              "Werkstofxforschung",
              "Verbundxrojekt",
              "Universitxtsklinikum",
              "Tumorerxrankungen",
              "Reaktorxicherheit",
              "Radiodiaxnostika",
              "Partnerxtandort",
              "Lebensmitxelchemie",
              "Kompetexzverbund"));

  static RealCorpus corpus;

  @BeforeAll
  static void index(RealCorpus shared) throws Exception {
    corpus = shared;
    corpus.searcher.warmUp();
  }

  @Test
  void twelveCompoundsInOneQueryAreAnsweredOrRefusedAsTooComplexButNeverFail() {
    try {
      SearchResponse r =
          corpus.app.searcher(corpus.index, BUDGET).search(SearchRequest.of(TWELVE_COMPOUNDS));
      assertTrue(r.total() >= 0);
    } catch (InvalidRequestException e) {
      assertEquals("query_too_complex", e.code());
    }
  }

  @Test
  void explainingEveryHitOfTheCostliestQueryTakesLittleCpuEvenWithAmpleTime() {
    Cost cost = run(corpus.app.searcher(corpus.index, AMPLE));
    assertTrue(
        cost.response().total() > 0,
        "the near misses find partners, so there is something to explain");
    assertFalse(cost.response().partial());
    assertTrue(
        cost.cpu().compareTo(BUDGET.plus(CPU_MARGIN)) < 0, "CPU " + cost.cpu().toMillis() + " ms");
  }

  @Test
  void theCostliestQueryStaysNearItsTimeBudget() {
    Cost cost = run(corpus.app.searcher(corpus.index, BUDGET));
    assertTrue(
        cost.cpu().compareTo(BUDGET.plus(CPU_MARGIN)) < 0, "CPU " + cost.cpu().toMillis() + " ms");
    assertTrue(
        cost.wall().compareTo(BUDGET.plus(WALL_MARGIN)) < 0,
        "wall " + cost.wall().toMillis() + " ms");
  }

  private record Cost(SearchResponse response, Duration cpu, Duration wall) {}

  /**
   * The worst explain query, once to load and compile its code paths, then measured in this thread.
   */
  private static Cost run(PartnerSearcher searcher) {
    SearchRequest worst =
        new SearchRequest(NEAR_MISSES, 1, 50, List.of(), List.of(), List.of(), Lang.DE, true);
    searcher.search(worst);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    SearchResponse r = searcher.search(worst);
    return new Cost(
        r,
        Duration.ofNanos(threads.getCurrentThreadCpuTime() - cpu),
        Duration.ofNanos(System.nanoTime() - wall));
  }
}
