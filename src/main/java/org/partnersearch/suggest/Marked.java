package org.partnersearch.suggest;

import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.partnersearch.analysis.Folding;
import org.partnersearch.html.Html;

/**
 * An entry as {@link EntryIndex#highlight} found it: the typed words it matched, which the ranking
 * asks how ({@link #viaPart}) and which are marked only when asked ({@link #html}): a lookup finds
 * up to 256 entries, a list shows at most 50, and marking every hit was a seventh of a suggest at
 * 100,000 partners (JFR).
 *
 * @param typed the typed words matched whole
 * @param prefix the last typed word, matched as a prefix; null: none
 */
record Marked(Entry entry, Set<String> typed, String prefix) {

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
   * An entry's text with its tokens, made once per text ({@link EntryTokens}) for every lookup that
   * finds it.
   *
   * @param words the folded words in order (hyphen pieces apart, no compound parts)
   * @param key the words joined by blanks: entries with equal keys differ only by case or folding
   */
  record Entry(String text, List<Token> tokens, List<String> words, String key) {
    static Entry of(String text, List<Token> tokens) {
      List<String> words =
          tokens.stream().filter(t -> t.preference() == 0).map(Token::term).toList();
      return new Entry(text, tokens, words, String.join(" ", words));
    }

    /** The first token a typed word fits best in; null: none. */
    Token best(String word, boolean isPrefix) {
      Token best = null;
      for (Token t : tokens) {
        if ((isPrefix ? t.term().startsWith(word) : t.term().equals(word))
            && (best == null || t.preference() < best.preference())) {
          best = t;
          if (t.preference() == 0) {
            break; // none can fit better
          }
        }
      }
      return best;
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
  }

  /** Whether some typed word was found only inside a compound. */
  boolean viaPart() {
    boolean viaPart = prefix != null && isPart(entry.best(prefix, true));
    for (String word : typed) {
      viaPart = viaPart || isPart(entry.best(word, false));
    }
    return viaPart;
  }

  private static boolean isPart(Token best) {
    return best != null && best.part();
  }

  /**
   * The text as HTML: each typed word (the last as a prefix) marked in the first token it fits
   * best, each run of marked chars in {@code <mark>}, all else escaped.
   */
  String html() {
    String text = entry.text();
    BitSet marks = new BitSet(text.length());
    for (String word : typed) {
      mark(marks, entry.best(word, false), word);
    }
    if (prefix != null) {
      mark(marks, entry.best(prefix, true), prefix);
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    int upto = 0;
    for (int start = marks.nextSetBit(0); start >= 0; start = marks.nextSetBit(upto)) {
      out.append(Html.escape(text.substring(upto, start))).append("<mark>");
      upto = marks.nextClearBit(start);
      out.append(Html.escape(text.substring(start, upto))).append("</mark>");
    }
    return out.append(Html.escape(text.substring(upto))).toString();
  }

  /**
   * Marks the chars of the token's first letters that the word has: a closed-up word's hyphen is no
   * letter; the whole token where the text has fewer (a char filter changed it).
   */
  private void mark(BitSet marks, Token t, String word) {
    if (t == null) {
      return;
    }
    String text = entry.text();
    int folded = 0;
    int end = t.start();
    while (end < t.end() && folded < word.length()) {
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
    marks.set(t.start(), folded < word.length() ? t.end() : end);
  }
}
