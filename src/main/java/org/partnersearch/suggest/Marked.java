package org.partnersearch.suggest;

import static java.util.stream.Collectors.joining;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.partnersearch.analysis.DecompoundFilter;
import org.partnersearch.analysis.Folding;
import org.partnersearch.html.Html;

/**
 * An entry as {@link EntryIndex#highlight} found it: the typed words it matched, which the ranking
 * asks how ({@link #viaPart}) and which are marked only when asked ({@link #html}): a lookup finds
 * up to 256 entries, a list shows at most 20, and marking every hit was a seventh of a suggest at
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
   * An entry's text with its tokens as the infix index has them, analysed once per text for every
   * lookup that finds it.
   *
   * @param key the folded words in order (hyphen pieces apart, no compound parts) joined by blanks:
   *     entries with equal keys differ only by case or folding
   */
  record Entry(String text, List<Token> tokens, String key) {
    /** Analyses the text as {@code entries} indexed it in {@code field}. */
    static Entry analyse(String text, Analyzer entries, String field) throws IOException {
      List<Token> tokens = new ArrayList<>();
      try (TokenStream ts = entries.tokenStream(field, text)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
        TypeAttribute type = ts.addAttribute(TypeAttribute.class);
        // A hyphenated word as a whole and closed up spans its pieces' positions, as when typed.
        PositionLengthAttribute joined = ts.addAttribute(PositionLengthAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          // A compound's head and its modifiers are both parts of it, typed apart for ranking only.
          boolean part =
              DecompoundFilter.PART_TYPE.equals(type.type())
                  || DecompoundFilter.MODIFIER_TYPE.equals(type.type());
          tokens.add(
              new Token(
                  term.toString(),
                  offset.startOffset(),
                  offset.endOffset(),
                  part,
                  joined.getPositionLength() > 1));
        }
        ts.end();
      }
      return new Entry(
          text,
          List.copyOf(tokens),
          tokens.stream().filter(t -> t.preference() == 0).map(Token::term).collect(joining(" ")));
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
     * Whether the entry starts with the typed words joined by blanks, the last one as a prefix if
     * {@code lastIsPrefix} (words have no blanks, so the key's first words are compared).
     */
    boolean startsWith(String words, boolean lastIsPrefix) {
      return key.startsWith(words)
          && (lastIsPrefix || key.length() == words.length() || key.charAt(words.length()) == ' ');
    }
  }

  /** Whether some typed word was found only inside a compound. */
  boolean viaPart() {
    boolean viaPart = prefix != null && isPart(entry.best(prefix, true));
    for (String word : typed) { // no stream: this runs for most hits
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
    typed.forEach(word -> mark(marks, entry.best(word, false), word));
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
