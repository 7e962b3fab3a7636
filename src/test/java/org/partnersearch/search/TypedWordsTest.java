package org.partnersearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnersearch.analysis.Analyzers;
import org.partnersearch.analysis.Chain;
import org.partnersearch.analysis.GermanDecompounder;

/** Typed texts are analysed once while recent, within the bound, whatever is typed. */
class TypedWordsTest {
  @Test
  void aTypedTextIsAnalysedOnceWhileRecentAndLongOnesAreNotKept() {
    TypedWords typed = new TypedWords(new Analyzers(new GermanDecompounder()));
    List<WordForms> words = typed.of(Chain.GERMAN_VARIANTS, "Universitäten");
    assertSame(words, typed.of(Chain.GERMAN_VARIANTS, "Universitäten"));
    assertEquals(1, typed.cached());
    String longText = "Forschung ".repeat(20);
    assertEquals(20, typed.of(Chain.GERMAN_VARIANTS, longText).size());
    assertEquals(1, typed.cached(), "a long text is not kept");
  }

  @Test
  void aFloodOfNewWordsStaysWithinTheBound() {
    TypedWords typed = new TypedWords(new Analyzers(new GermanDecompounder()));
    for (int i = 0; i < TypedWords.MAX_TEXTS + 100; i++) {
      typed.of(Chain.ENGLISH_VARIANTS, "word" + i);
    }
    assertEquals(TypedWords.MAX_TEXTS, typed.cached());
  }
}
