package org.partnersearch.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.partnersearch.search.Html;

/**
 * An entry as the infix suggester's {@link EntryIndex#highlight} found it: which runs of its text
 * the typed words cover, and what the ranking needs to know of the match.
 *
 * @param words the entry's folded words in order (hyphen pieces apart, no compound parts)
 * @param viaPart some typed word was found only inside a compound
 * @param spans the runs to mark
 */
record Marked(String text, List<String> words, boolean viaPart, List<Span> spans) {

  /** A run of the text to mark, {@code [start, end)}. */
  record Span(int start, int end) {}

  /** The folded words joined by blanks: entries with equal keys differ only by case or folding. */
  String key() {
    return String.join(" ", words);
  }

  /** Whether the entry starts with the typed words, the last one as a prefix if {@code lastIsPrefix}. */
  boolean startsWith(List<String> typed, boolean lastIsPrefix) {
    if (typed.size() > words.size()) {
      return false;
    }
    for (int i = 0; i < typed.size(); i++) {
      boolean prefix = lastIsPrefix && i == typed.size() - 1;
      if (!(prefix ? words.get(i).startsWith(typed.get(i)) : words.get(i).equals(typed.get(i)))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the typed words are the entry's first words, whole. */
  boolean wholeWords(List<String> typed) {
    return typed.size() <= words.size() && words.subList(0, typed.size()).equals(typed);
  }

  /** The text as HTML: the marked runs (merged where they touch) in {@code <mark>}, all else escaped. */
  String html() {
    List<Span> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingInt(Span::start));
    StringBuilder out = new StringBuilder(text.length() + 16);
    int upto = 0;
    for (int i = 0; i < sorted.size(); i++) {
      int start = Math.max(upto, sorted.get(i).start());
      int end = sorted.get(i).end();
      while (i + 1 < sorted.size() && sorted.get(i + 1).start() <= end) {
        end = Math.max(end, sorted.get(++i).end());
      }
      if (start < end) {
        out.append(Html.escape(text.substring(upto, start))).append("<mark>")
            .append(Html.escape(text.substring(start, end))).append("</mark>");
        upto = end;
      }
    }
    return out.append(Html.escape(text.substring(upto))).toString();
  }
}
