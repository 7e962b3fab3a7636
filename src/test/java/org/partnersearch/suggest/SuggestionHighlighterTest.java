package org.partnersearch.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionHighlighterTest {

  @Test
  void marksTheTypedRunAndEscapesEverythingElse() {
    assertEquals("&lt;b&gt;R&amp;D&lt;&#x2F;b&gt; <mark>Lab</mark>",
        SuggestionHighlighter.highlight("<b>R&D</b> Lab", List.of(new Word.Span(11, 14))));
  }

  @Test
  void escapesMarkupInsideTheMarkedRunToo() {
    assertEquals("<mark>&lt;i&gt;</mark>x", SuggestionHighlighter.highlight("<i>x", List.of(new Word.Span(0, 3))));
  }

  @Test
  void mergesOverlappingAndTouchingRuns() {
    assertEquals("<mark>abcdef</mark>g",
        SuggestionHighlighter.highlight("abcdefg", List.of(new Word.Span(2, 4), new Word.Span(0, 3), new Word.Span(4, 6))));
  }

  @Test
  void ignoresRunsOutsideTheText() {
    assertEquals("abc", SuggestionHighlighter.highlight("abc", List.of(new Word.Span(2, 9), new Word.Span(-1, 1))));
  }

  @Test
  void aTextWithoutRunsIsOnlyEscaped() {
    assertEquals("Science &amp; Society", SuggestionHighlighter.highlight("Science & Society", List.of()));
  }
}
