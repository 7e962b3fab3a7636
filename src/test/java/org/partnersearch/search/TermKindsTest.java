package org.partnersearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A word's terms kept compact: the same map, in the same order, read-only, strings shared. */
class TermKindsTest {
  private static Map<String, MatchKind> linked() {
    Map<String, MatchKind> terms = new LinkedHashMap<>();
    terms.put("forschung", MatchKind.EXACT);
    terms.put("~forsch", MatchKind.STEM);
    terms.put("^forschung", MatchKind.FOLDING);
    terms.put("+forsch", MatchKind.PART);
    return terms;
  }

  @Test
  void isTheSameMapInTheSameOrder() {
    Map<String, MatchKind> linked = linked();
    TermKinds compact = TermKinds.of(linked, new HashMap<>());
    assertEquals(linked, compact);
    assertEquals(compact, linked);
    assertEquals(linked.hashCode(), compact.hashCode());
    assertEquals(List.copyOf(linked.keySet()), List.copyOf(compact.keySet()));
    List<String> visited = new ArrayList<>();
    compact.forEach((term, kind) -> visited.add(term + "=" + kind));
    assertEquals(
        List.of("forschung=EXACT", "~forsch=STEM", "^forschung=FOLDING", "+forsch=PART"), visited);
    assertEquals(MatchKind.PART, compact.get("+forsch"));
    assertTrue(compact.containsKey("~forsch"));
    assertNull(compact.get("forsch"));
    assertFalse(compact.containsKey("forsch"));
    assertEquals(new LinkedHashMap<>(linked), new LinkedHashMap<>(compact));
  }

  @Test
  void isReadOnly() {
    TermKinds compact = TermKinds.of(linked(), new HashMap<>());
    assertThrows(UnsupportedOperationException.class, () -> compact.put("x", MatchKind.EXACT));
    assertThrows(UnsupportedOperationException.class, () -> compact.entrySet().clear());
  }

  @Test
  void twoMapsOfOneWordShareTheirTermStrings() {
    Map<String, String> strings = new HashMap<>();
    TermKinds terms = TermKinds.of(linked(), strings);
    Map<String, MatchKind> translation = new LinkedHashMap<>();
    translation.put(new String("~forsch"), MatchKind.TRANSLATION);
    TermKinds translated = TermKinds.of(translation, strings);
    String fromTerms = terms.keySet().stream().filter("~forsch"::equals).findFirst().orElseThrow();
    assertSame(fromTerms, translated.keySet().iterator().next());
  }

  @Test
  void aWordsFormsKeepTheirTermsInKindOrder() {
    WordForms word = new WordForms("forschung", List.of(), "forsch");
    assertEquals(MatchKind.EXACT, word.terms().values().iterator().next());
    assertEquals("forschung", word.terms().keySet().iterator().next());
    assertTrue(
        word.translationTerms().values().stream()
            .allMatch(k -> k.compareTo(MatchKind.TRANSLATION) >= 0));
  }
}
