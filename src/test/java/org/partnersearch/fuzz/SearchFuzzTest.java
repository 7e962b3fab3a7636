package org.partnersearch.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.partnersearch.RealCorpus;
import org.partnersearch.corpus.Lang;
import org.partnersearch.request.InvalidRequestException;
import org.partnersearch.search.SearchHit;
import org.partnersearch.search.SearchRequest;
import org.partnersearch.search.SearchResponse;

/**
 * Fuzzes query parsing, query building, highlighting and facets through the search layer: any input
 * either answers or is refused with an InvalidRequestException, and highlights never carry markup
 * but our marks. Saved inputs replay in every build; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class SearchFuzzTest {
  private static RealCorpus corpus;

  private static synchronized RealCorpus corpus() throws Exception {
    if (corpus == null) {
      corpus = RealCorpus.indexInto(Files.createTempDirectory("fuzz-index"));
    }
    return corpus;
  }

  @AfterAll
  static void close() throws Exception {
    if (corpus != null) {
      corpus.close();
      corpus = null;
    }
  }

  @FuzzTest(maxDuration = "10m")
  void searchAnswersOrRefusesAnyInput(FuzzedDataProvider data) throws Exception {
    int page = data.consumeInt(-2, 30);
    int size = data.consumeInt(-2, 60);
    boolean explain = data.consumeBoolean();
    List<String> areas = data.consumeBoolean() ? List.of(data.consumeString(20)) : List.of();
    String q = data.consumeRemainingAsString();
    try {
      SearchResponse r =
          corpus()
              .searcher
              .search(
                  new SearchRequest(q, page, size, areas, List.of(), List.of(), Lang.DE, explain));
      for (SearchHit hit : r.hits()) {
        assertOnlyMarks(hit.highlight().name());
        hit.highlight().snippets().forEach(SearchFuzzTest::assertOnlyMarks);
      }
    } catch (InvalidRequestException refused) {
      assertFalse(refused.getMessage().isBlank());
    }
  }

  private static void assertOnlyMarks(String html) {
    assertFalse(html.replace("<mark>", "").replace("</mark>", "").contains("<"), html);
  }
}
