package org.partnersearch.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnersearch.RealCorpus;
import org.partnersearch.SharedRealCorpus;
import org.partnersearch.corpus.Lang;
import org.partnersearch.corpus.Partner;
import org.partnersearch.request.InvalidRequestException;

/** Properties of the suggester over the real corpus: dedup, never empty, bad input, limits. */
@ExtendWith(SharedRealCorpus.class)
class SuggesterTest {
  static RealCorpus corpus;

  @BeforeAll
  static void index(RealCorpus shared) {
    corpus = shared;
  }

  static List<Suggestion> suggest(String q) {
    return corpus.searcher.suggest(SuggestRequest.of(q)).suggestions();
  }

  /** Every prefix (2 to 6 letters) of every word of every partner name, alias and description. */
  static Set<String> corpusPrefixes() throws Exception {
    Set<String> prefixes = new TreeSet<>();
    for (Partner p : corpus.app.loadCorpus(RealCorpus.CORPUS).partners()) {
      List<String> texts =
          new ArrayList<>(
              List.of(p.name(), p.nameEn(), p.description().de(), p.description().en()));
      texts.addAll(p.aliases());
      for (String text : texts) {
        for (String word : text.split("[^\\p{L}\\p{N}]+")) {
          for (int n = 2; n <= Math.min(6, word.length()); n++) {
            prefixes.add(word.substring(0, n));
          }
        }
      }
    }
    return prefixes;
  }

  @Test
  void noPrefixOfACorpusWordGetsAnEmptyList() throws Exception {
    List<String> empty = new ArrayList<>();
    for (String prefix : corpusPrefixes()) {
      if (suggest(prefix).isEmpty()) {
        empty.add(prefix);
      }
    }
    assertTrue(empty.isEmpty(), "no suggestions for " + empty);
  }

  @Test
  void noTwoSuggestionsDifferOnlyByCaseOrFoldingOrOpenTheSamePartner() throws Exception {
    for (String prefix : corpusPrefixes()) {
      Set<String> texts = new HashSet<>();
      Set<String> targets = new HashSet<>();
      for (Suggestion s : suggest(prefix)) {
        String folded =
            java.text.Normalizer.normalize(s.text(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace("ß", "ss")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .toLowerCase(Locale.ROOT);
        assertTrue(texts.add(folded), prefix + ": duplicate " + s.text());
        if (s.id() != null) {
          assertTrue(targets.add(s.kind() + s.id()), prefix + ": twice " + s.kind() + " " + s.id());
        }
      }
    }
  }

  @Test
  void aClosedUpHyphenatedWordIsIndexedButNotSuggested() {
    assertTrue(
        suggest("okoinst").stream().noneMatch(s -> s.text().equalsIgnoreCase("ökoinstitut")),
        suggest("okoinst").toString());
    assertTrue(
        suggest("okoinst").stream().anyMatch(s -> s.text().equals("Öko-Institut")),
        suggest("okoinst").toString());
  }

  @Test
  void stopWordsWithUmlautsComeAfterOtherWords() {
    List<String> texts =
        suggest("fü").stream().map(s -> s.text().toLowerCase(Locale.ROOT)).toList();
    assertTrue(
        texts.size() > 1 && texts.contains("für") && !texts.get(0).equals("für"), texts.toString());
  }

  @Test
  void termsCarryNoIdAndPartnersAndAreasDo() {
    List<Suggestion> all = new ArrayList<>(suggest("Krebs"));
    all.addAll(suggest("tu"));
    for (Suggestion s : all) {
      assertEquals(s.kind() == Suggestion.Kind.TERM, s.id() == null, s.toString());
    }
  }

  @Test
  void fewerThanTwoLettersGetNothing() {
    assertEquals(List.of(), suggest(""));
    assertEquals(List.of(), suggest("k"));
    assertEquals(List.of(), suggest("  ö "));
    assertEquals(List.of(), suggest("--"));
  }

  @Test
  void controlAndInvisibleCharactersAreIgnored() {
    assertEquals(suggest("chemn"), suggest("\u0000ch\u200Bemn\u0007"));
    assertEquals(suggest("dresden conc"), suggest("dresden\tconc"));
  }

  @Test
  void markupIsTextThatNeverReachesTheHighlightUnescaped() {
    for (String q :
        List.of(
            "<script>alert(1)</script>",
            "<mark>chem",
            "\"><img src=x onerror=alert(1)>",
            "tu<",
            "&amp;")) {
      for (Suggestion s : suggest(q)) {
        String withoutMarks = s.highlighted().replace("<mark>", "").replace("</mark>", "");
        assertFalse(
            withoutMarks.contains("<") || withoutMarks.contains(">"), q + " -> " + s.highlighted());
      }
    }
  }

  @Test
  void aTrailingSpaceAsksForTheWholeWord() {
    assertTrue(
        suggest("german ").stream()
            .noneMatch(s -> s.text().toLowerCase(Locale.ROOT).startsWith("germany")));
    assertFalse(suggest("kompetenzverbund ").isEmpty());
  }

  @Test
  void sizeBoundsTheListAndIsChecked() {
    assertEquals(
        3, corpus.searcher.suggest(new SuggestRequest("re", 3, Lang.EN)).suggestions().size());
    assertEquals(
        20, corpus.searcher.suggest(new SuggestRequest("re", 20, Lang.EN)).suggestions().size());
    assertEquals("invalid_size", code(() -> new SuggestRequest("re", 0, Lang.EN)));
    assertEquals("invalid_size", code(() -> new SuggestRequest("re", 21, Lang.EN)));
  }

  @Test
  void moreThan100CharactersAreRefused() {
    assertEquals("query_too_long", code(() -> SuggestRequest.of("a".repeat(101))));
    assertEquals("query_too_long", code(() -> SuggestRequest.of("x".repeat(2000))));
    assertTrue(
        corpus
                .searcher
                .suggest(SuggestRequest.of("chemnitz ".repeat(12).substring(0, 100)))
                .query()
                .length()
            == 100);
  }

  @Test
  void theSuggesterHoldsPartnersAreasAndTerms() throws Exception {
    var snapshot = corpus.index.acquire();
    try {
      assertTrue(snapshot.suggester().size() > 500, "entries: " + snapshot.suggester().size());
    } finally {
      corpus.index.release(snapshot);
    }
  }

  private static String code(Supplier<SuggestRequest> request) {
    try {
      corpus.searcher.suggest(request.get());
      return "accepted";
    } catch (InvalidRequestException e) {
      return e.code();
    }
  }
}
