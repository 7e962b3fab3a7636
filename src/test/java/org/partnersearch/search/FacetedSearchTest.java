package org.partnersearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.Query;
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
 * A small index is searched in one pass that scores every match, a large one in two (counts without
 * scores, top hits with pruning): both ways give the same hits, scores, total and facet counts.
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
        request("zzzzqqqq", 1, 10, List.of(), List.of(), List.of()));
  }

  private static SearchRequest request(
      String q, int page, int size, List<String> areas, List<String> types, List<String> cities) {
    return new SearchRequest(q, page, size, areas, types, cities, Lang.EN, false);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void onePassFindsWhatTwoPassesFind(SearchRequest request) throws Exception {
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
      FacetedSearch.Result one =
          new FacetedSearch(FACETS, Integer.MAX_VALUE)
              .run(snapshot, snapshot.searcher(), query, request, false);
      FacetedSearch.Result two =
          new FacetedSearch(FACETS, 0).run(snapshot, snapshot.searcher(), query, request, false);

      assertEquals(two.total(), one.total(), "total");
      assertEquals(hits(two), hits(one), "hits and scores");
      FacetCounter counter = new FacetCounter();
      assertEquals(
          counter.count(two.facets(), snapshot.facetDims(), snapshot.vocabulary(), request),
          counter.count(one.facets(), snapshot.facetDims(), snapshot.vocabulary(), request),
          "facet counts");
      if (!request.q().startsWith("zzz")) {
        assertTrue(one.total() > 0, "a request that finds something: " + request.q());
      }
    } finally {
      fixture.index.release(snapshot);
    }
  }

  private static List<String> hits(FacetedSearch.Result r) {
    return Arrays.stream(r.hits().scoreDocs).map(sd -> sd.doc + ":" + sd.score).toList();
  }
}
