package org.partnersearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnersearch.RealCorpus;
import org.partnersearch.corpus.Coordinates;
import org.partnersearch.corpus.CorpusLoader;
import org.partnersearch.corpus.Lang;

/**
 * The city facet names a city in the visitor's language and says where it is, while its value (what
 * the {@code city} filter takes) stays the German name partner files write. Over a copy of the
 * corpus whose Rostock partner moved to München, the one listed city whose names differ.
 */
class CityFacetTest {
  @TempDir static Path corpusDir;
  @TempDir static Path indexDir;
  static RealCorpus corpus;

  @BeforeAll
  static void indexACorpusWithAPartnerInMunich() throws Exception {
    RealCorpus.copyTo(corpusDir);
    Path rostock = corpusDir.resolve("partners/rostock.yaml");
    String text = Files.readString(rostock, StandardCharsets.UTF_8);
    Files.writeString(
        rostock, text.replace("city: Rostock", "city: München"), StandardCharsets.UTF_8);
    corpus = RealCorpus.indexInto(indexDir, corpusDir);
  }

  @AfterAll
  static void close() throws Exception {
    corpus.close();
  }

  @Test
  void theLabelIsTheCitysNameInTheRequestedLanguageAndTheValueItsGermanName() throws Exception {
    Coordinates where =
        new CorpusLoader()
            .load(corpusDir).cities().stream()
                .filter(c -> c.key().equals("München"))
                .findFirst()
                .orElseThrow()
                .coordinates();
    assertEquals(
        new FacetResults.FacetValue("München", "Munich", 1, true, List.of(), where),
        munich(Lang.EN));
    assertEquals("München", munich(Lang.DE).label());
  }

  private static FacetResults.FacetValue munich(Lang lang) {
    SearchResponse r =
        corpus.searcher.search(
            new SearchRequest("", 1, 10, List.of(), List.of(), List.of("München"), lang, false));
    assertEquals(
        List.of("rostock"),
        r.hits().stream().map(SearchHit::id).toList(),
        "the filter takes the German name");
    return r.facets().city().stream()
        .filter(v -> v.value().equals("München"))
        .findFirst()
        .orElseThrow();
  }
}
