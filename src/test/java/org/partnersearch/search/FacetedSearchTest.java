package org.partnersearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnersearch.RealCorpus;
import org.partnersearch.analysis.GermanDecompounder;
import org.partnersearch.corpus.Lang;
import org.partnersearch.index.IndexSchema;
import org.partnersearch.index.JsonCodec;
import org.partnersearch.serving.IndexSnapshot;

/**
 * One pass that scores every match gives the same hits and scores as Lucene's plain top-k search of
 * the filtered query, and the same total and facet counts as a drill-sideways pass without scores.
 * The probe that stops at the first match agrees with the total on whether anything matches.
 */
class FacetedSearchTest {
  @TempDir static Path indexDir;
  static RealCorpus fixture;
  static QueryFactory queries;
  static final FacetsConfig FACETS =
      new IndexSchema(new JsonCodec(new ObjectMapper())).facetsConfig();

  @BeforeAll
  static void index() throws Exception {
    fixture = RealCorpus.indexInto(indexDir);
    queries = new QueryFactory(fixture.app.analyzers(), new GermanDecompounder());
  }

  @AfterAll
  static void close() throws Exception {
    fixture.close();
  }

  static Stream<SearchRequest> requests() {
    return Stream.of(
        request("Forschung", 1, 10, List.of(), List.of(), List.of()),
        request("Forschung", 2, 3, List.of(), List.of(), List.of()),
        request("Krebsforschung", 1, 10, List.of(), List.of(), List.of()),
        request("\"research centre\"", 1, 10, List.of(), List.of(), List.of()),
        request("Universität Dresden", 1, 10, List.of(), List.of("university"), List.of()),
        request("research", 1, 10, List.of("cancer-research"), List.of(), List.of("Dresden")),
        request("Kernteknik", 1, 10, List.of(), List.of(), List.of()),
        request("Forschung", 1, 10, List.of(), List.of(), List.of("Nirgendwo")),
        request("zzzzqqqq", 1, 10, List.of(), List.of(), List.of()));
  }

  private static SearchRequest request(
      String q, int page, int size, List<String> areas, List<String> types, List<String> cities) {
    return new SearchRequest(q, page, size, areas, types, cities, Lang.EN, false);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void onePassFindsWhatLuceneFindsAndCounts(SearchRequest request) throws Exception {
    IndexSnapshot snapshot = fixture.index.acquire();
    try {
      Query query =
          snapshot
              .searcher()
              .rewrite(
                  queries.build(
                      new UserQueryParser().parse(request.q()),
                      snapshot.glossary(),
                      false,
                      snapshot.reader()));
      FacetedSearch faceted = new FacetedSearch(FACETS);
      FacetedSearch.Result one = faceted.run(snapshot, snapshot.searcher(), query, request, false);
      DrillDownQuery filtered = faceted.drillDown(snapshot, query, request);
      var unscored =
          new DrillSideways(snapshot.searcher(), FACETS, snapshot.facetState())
              .search(filtered, new TotalHitCountCollectorManager());
      TopDocs ranked =
          snapshot
              .searcher()
              .search(
                  filtered,
                  new TopScoreDocCollectorManager(
                      request.page() * request.size(), null, Integer.MAX_VALUE));

      assertEquals(unscored.collectorResult.longValue(), one.total(), "total");
      assertEquals(hits(ranked), hits(one.hits()), "hits and scores");
      FacetCounter counter = new FacetCounter();
      assertEquals(
          counter.count(unscored.facets, snapshot.facetDims(), snapshot.vocabulary(), request),
          counter.count(one.facets(), snapshot.facetDims(), snapshot.vocabulary(), request),
          "facet counts");
      assertEquals(
          one.total() > 0,
          faceted.matchesAny(snapshot, snapshot.searcher(), query, request),
          "matches any, as the total says");
      if (!request.q().startsWith("zzz")
          && request.cities().stream().noneMatch("Nirgendwo"::equals)) {
        assertTrue(one.total() > 0, "a request that finds something: " + request.q());
      }
    } finally {
      fixture.index.release(snapshot);
    }
  }

  private static List<String> hits(TopDocs top) {
    return Arrays.stream(top.scoreDocs).map(sd -> sd.doc + ":" + sd.score).toList();
  }
}
