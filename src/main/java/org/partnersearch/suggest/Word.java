package org.partnersearch.suggest;

import java.util.List;

/**
 * One word of a suggestion's text as the FOLDED chain sees it, with what is needed to mark a typed
 * prefix of it, or of one of its compound parts, in the original spelling.
 *
 * @param position the word's position in the text (hyphenated words count each piece)
 * @param joined true for a whole hyphenated word or its catenation ("öko-institut", "okoinstitut"),
 *     which spans several positions and is marked as a whole
 * @param start offset of the word in the text
 * @param end offset after the word in the text
 * @param folded the word folded (ü→u, ß→ss, lower case)
 * @param ends for each char of {@code folded}, the offset in the word after the original char it
 *     came from; null when the two cannot be aligned (then the whole word is marked)
 * @param parts the word's compound parts
 */
record Word(int position, boolean joined, int start, int end, String folded, int[] ends, List<Part> parts) {

  /** A compound part: its folded text, where it starts in the word's folded text and in the word. */
  record Part(String folded, int foldedStart, int start) {}

  /** The text span that the first {@code n} folded chars from {@code foldedStart} came from. */
  Span span(int foldedStart, int originalStart, int n) {
    if (ends == null || n <= 0) {
      return new Span(start, end);
    }
    int last = Math.min(foldedStart + n, folded.length()) - 1;
    return new Span(start + originalStart, start + ends[last]);
  }

  /** A run of the text to mark, {@code [start, end)}. */
  record Span(int start, int end) {}
}
