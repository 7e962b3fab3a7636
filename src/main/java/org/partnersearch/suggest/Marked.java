package org.partnersearch.suggest;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.partnersearch.analysis.Folding;
import org.partnersearch.html.Html;

/**
 * An entry as {@link EntryIndex#highlight} found it: the runs of its text the typed words cover,
 * and what the ranking needs to know of the match.
 *
 * @param words the entry's folded words in order (hyphen pieces apart, no compound parts)
 * @param viaPart some typed word was found only inside a compound
 * @param marks the chars to mark
 */
record Marked(String text, List<String> words, boolean viaPart, BitSet marks) {

  /**
   * A token of an entry's text as indexed. {@code joined}: a hyphenated word as a whole or closed
   * up, which stands beside its pieces.
   */
  record Token(String term, int start, int end, boolean part, boolean joined) {
    /**
     * Which token a typed word is marked in: a word before a joined word before a compound part.
     */
    int preference() {
      return part ? 2 : joined ? 1 : 0;
    }
  }

  /**
   * Marks each typed word (the last, {@code prefix}, as a prefix) in the first token it fits best.
   */
  static Marked of(String text, List<Token> tokens, Set<String> typed, String prefix) {
    BitSet marks = new BitSet(text.length());
    boolean viaPart = false;
    List<String> all = new ArrayList<>(typed);
    if (prefix != null) {
      all.add(prefix);
    }
    for (int i = 0; i < all.size(); i++) {
      String word = all.get(i);
      boolean isPrefix = prefix != null && i == all.size() - 1;
      Token best = null;
      for (Token t : tokens) {
        if ((isPrefix ? t.term().startsWith(word) : t.term().equals(word))
            && (best == null || t.preference() < best.preference())) {
          best = t;
        }
      }
      if (best != null) {
        viaPart |= best.part();
        marks.set(best.start(), end(text, best, word.length()));
      }
    }
    List<String> words = tokens.stream().filter(t -> t.preference() == 0).map(Token::term).toList();
    return new Marked(text, words, viaPart, marks);
  }

  /**
   * Where the first {@code letters} folded letters of the token end in the text (a closed-up word's
   * hyphen is no letter); the token's end where the text has fewer (a char filter changed it).
   */
  private static int end(String text, Token t, int letters) {
    int folded = 0;
    int end = t.start();
    while (end < t.end() && folded < letters) {
      int cp = text.codePointAt(end);
      // An ASCII letter folds to itself: folding every char was a twentieth of a suggest (JFR).
      folded +=
          !Character.isLetterOrDigit(cp)
              ? 0
              : cp < 0x80
                  ? 1
                  : Folding.strip(Character.toString(Character.toLowerCase(cp))).length();
      end += Character.charCount(cp);
    }
    return folded < letters ? t.end() : end;
  }

  /** The folded words joined by blanks: entries with equal keys differ only by case or folding. */
  String key() {
    return String.join(" ", words);
  }

  /**
   * Whether the entry starts with the typed words, the last one as a prefix if {@code
   * lastIsPrefix}.
   */
  boolean startsWith(List<String> typed, boolean lastIsPrefix) {
    for (int i = 0; i < typed.size(); i++) {
      boolean prefix = lastIsPrefix && i == typed.size() - 1;
      if (i >= words.size()
          || !(prefix
              ? words.get(i).startsWith(typed.get(i))
              : words.get(i).equals(typed.get(i)))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the typed words are the entry's first words, whole. */
  boolean wholeWords(List<String> typed) {
    return typed.size() <= words.size() && words.subList(0, typed.size()).equals(typed);
  }

  /** The text as HTML: each run of marked chars in {@code <mark>}, all else escaped. */
  String html() {
    StringBuilder out = new StringBuilder(text.length() + 16);
    int upto = 0;
    for (int start = marks.nextSetBit(0); start >= 0; start = marks.nextSetBit(upto)) {
      out.append(Html.escape(text.substring(upto, start))).append("<mark>");
      upto = marks.nextClearBit(start);
      out.append(Html.escape(text.substring(start, upto))).append("</mark>");
    }
    return out.append(Html.escape(text.substring(upto))).toString();
  }
}
