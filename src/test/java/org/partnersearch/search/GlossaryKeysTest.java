package org.partnersearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.partnersearch.analysis.Analyzers;
import org.partnersearch.analysis.GermanDecompounder;

/** A text's glossary keys, in their order, kept while recent and within the bound. */
class GlossaryKeysTest {
  private final GlossaryKeys keys = new GlossaryKeys(new Analyzers(new GermanDecompounder()));

  @Test
  void keysAreFoldedThenGermanThenEnglishAndKeptWhileRecent() {
    Set<String> hochschulen = keys.of("Hochschulen");
    assertEquals(
        List.of("FOLDED_WORDS", "GERMAN_VARIANTS", "ENGLISH_VARIANTS"),
        hochschulen.stream().map(k -> k.substring(0, k.indexOf(':'))).toList());
    assertSame(hochschulen, keys.of("Hochschulen"));
  }

  @Test
  void aFloodOfNewTextsStaysWithinTheBound() {
    for (int i = 0; i < TypedWords.MAX_TEXTS + 100; i++) {
      keys.of("word" + i);
    }
    keys.of("a text longer than the cached texts may be, never kept, however often it is typed");
    assertEquals(TypedWords.MAX_TEXTS, keys.cached());
  }
}
