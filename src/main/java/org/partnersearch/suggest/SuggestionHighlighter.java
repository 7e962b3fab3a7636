package org.partnersearch.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Renders a suggestion's text as HTML: the runs the typed text matched inside {@code <mark>}, every
 * other character escaped. Overlapping or touching runs are merged.
 */
final class SuggestionHighlighter {
  private SuggestionHighlighter() {}

  static String highlight(String text, List<Word.Span> spans) {
    List<Word.Span> merged = merge(spans, text.length());
    StringBuilder out = new StringBuilder(text.length() + 16 * merged.size());
    int upto = 0;
    for (Word.Span s : merged) {
      escape(text, upto, s.start(), out);
      out.append("<mark>");
      escape(text, s.start(), s.end(), out);
      out.append("</mark>");
      upto = s.end();
    }
    escape(text, upto, text.length(), out);
    return out.toString();
  }

  private static List<Word.Span> merge(List<Word.Span> spans, int length) {
    List<Word.Span> sorted = new ArrayList<>(spans.stream()
        .filter(s -> s.start() >= 0 && s.end() <= length && s.start() < s.end())
        .sorted(Comparator.comparingInt(Word.Span::start))
        .toList());
    List<Word.Span> merged = new ArrayList<>();
    for (Word.Span s : sorted) {
      Word.Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && s.start() <= last.end()) {
        merged.set(merged.size() - 1, new Word.Span(last.start(), Math.max(last.end(), s.end())));
      } else {
        merged.add(s);
      }
    }
    return merged;
  }

  /** The escapes of the search highlighter ({@code org.partnersearch.search.Html}), so both render alike. */
  private static void escape(String text, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#x27;");
        case '/' -> out.append("&#x2F;");
        default -> out.append(c);
      }
    }
  }
}
