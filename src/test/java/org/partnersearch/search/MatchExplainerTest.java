package org.partnersearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnersearch.RealCorpus;
import org.partnersearch.SharedRealCorpus;
import org.partnersearch.corpus.Lang;

/**
 * Explain names, for each query word, the first text in the table's order where it matches, the
 * best kind of match there, and the matched stretch of the partner's text: the same on every start.
 */
@ExtendWith(SharedRealCorpus.class)
class MatchExplainerTest {
  static RealCorpus corpus;

  @BeforeAll
  static void index(RealCorpus shared) {
    corpus = shared;
  }

  private static List<String> explained(String q, String id) {
    SearchRequest request =
        new SearchRequest(q, 1, 10, List.of(), List.of(), List.of(), Lang.EN, true);
    SearchHit hit =
        corpus.searcher.search(request).hits().stream()
            .filter(h -> h.id().equals(id))
            .findFirst()
            .orElseThrow();
    return hit.explain().stream()
        .map(r -> r.word() + " " + r.field() + " " + r.how() + " " + r.matched())
        .toList();
  }

  @Test
  void namesEachKindOfMatchFromTheMatchedTerm() {
    assertEquals(
        List.of(
            "Endlager name compound modifier Endlager", "Juelich description_de folding Jülich"),
        explained("Endlager Juelich", "daef"));
    assertEquals(
        List.of("Universitat name folding Universität"), explained("Universitat", "tu-chemnitz"));
    assertEquals(List.of("hospitals name_en stem Hospital"), explained("hospitals", "ukd"));
    assertEquals(
        List.of("Kernteknik name typo Kerntechnik"),
        explained("Kernteknik", "kompetenzverbund-kerntechnik"));
    assertEquals(
        List.of("Krankenhaus description_de compound parts Kranken"),
        explained("Krankenhaus", "ukd"));
    assertEquals(List.of("hospital name_en exact Hospital"), explained("hospital", "ukd"));
    assertEquals(
        List.of("Rohstoffe description_de stem Rohstoffen"), explained("Rohstoffe", "tu-freiberg"));
    assertEquals(
        List.of("Hochschule name_en glossary synonym University"),
        explained("Hochschule", "rostock"));
  }

  @Test
  void aWordInSeveralTextsIsNamedByTheFirstTextOfTheTable() {
    assertEquals(List.of("Dresden name exact Dresden"), explained("Dresden", "tu-dresden"));
  }
}
