package org.partnersearch.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.partnersearch.corpus.Lang;

/**
 * The ranking on hand-made hits of one-word terms: the best first by weight, then the shorter, then
 * by text, one per folded text, and equally good hits in the order they were found (here the same
 * term marked for different typed prefixes, as two lookups of one request can).
 */
class RankingTest {
  private static Hit term(String text, long weight, String prefix) {
    String word = text.toLowerCase(Locale.ROOT);
    Marked.Token token = new Marked.Token(word, 0, text.length(), false, false);
    Marked.Entry entry = new Marked.Entry(text, List.of(token), word);
    return new Hit(
        new Marked(entry, Set.of(), prefix), Suggestion.Kind.TERM, null, weight, null, -1);
  }

  @Test
  void theBestComeFirstOnePerTextAndEquallyGoodHitsInTheOrderFound() {
    Ranking ranking = new Ranking(3, Lang.EN);
    // An order in which a heap without the order found would take the second "Zentral" first.
    List<Hit> hits =
        List.of(
            term("Zentral", 5, "ze"),
            term("Zentral", 5, "zen"),
            term("Zenit", 9, "ze"),
            term("Zetas", 1, "ze"),
            term("Zentral", 5, "zent"),
            term("Zebra", 1, "ze"),
            term("Zentral", 5, "zentr"),
            term("Zentral", 5, "zentra"));
    hits.forEach(hit -> ranking.add(hit, "ze", true, Ranking.Tier.WORD));
    assertEquals(
        List.of("<mark>Ze</mark>nit", "<mark>Ze</mark>ntral", "<mark>Ze</mark>bra"),
        ranking.suggestions().stream().map(Suggestion::highlighted).toList());
  }

  @Test
  void anEntryStartsWithTheTypedWordsTheLastAsAPrefixOrWhole() {
    Marked.Entry entry =
        new Marked.Entry(
            "Dresden University of Technology", List.of(), "dresden university of technology");
    assertTrue(entry.startsWith("dresden univ", true));
    assertFalse(entry.startsWith("dresden univ", false));
    assertTrue(entry.startsWith("dresden", false));
    assertTrue(entry.startsWith("dresd", true));
    assertFalse(entry.startsWith("dresd", false));
    assertTrue(entry.startsWith("dresden university of technology", false));
    assertFalse(entry.startsWith("dresden university of technology x", true));
    assertFalse(entry.startsWith("university", true));
  }
}
