package org.partnersearch.suggest;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * After each token, its first one to {@code max} letters, marked, at the same position: the terms a
 * short typed prefix is looked up by. Lucene's infix suggester indexes such edge n-grams in a field
 * of their own, analysing every entry a second time for it (a fifth of the suggester's build, JFR);
 * here they come with the words, in one analysis. The mark keeps a gram apart from a short word.
 */
final class PrefixGrams extends TokenFilter {
  /** Starts every gram: no word starts with a control character. */
  static final char MARK = '\u0001';

  private final int max;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute increment =
      addAttribute(PositionIncrementAttribute.class);

  /** The current token's word, whose grams follow it. */
  private char[] word = new char[16];

  private int wordLength;

  /** Grams of the current word still to come, and the end (in chars) of the last one. */
  private int gramsLeft;

  private int gramEnd;

  PrefixGrams(TokenStream input, int max) {
    super(input);
    this.max = max;
  }

  /** The term a prefix of fewer than {@code max} letters is looked up by. */
  static String gram(String prefix) {
    return MARK + prefix;
  }

  /**
   * A gram keeps its word's attributes but its term and position increment. NOTE: they are left as
   * the word set them, not captured and restored (a copy of every attribute) per gram: this is the
   * chain's last filter, and the indexer changes no attribute.
   */
  @Override
  public boolean incrementToken() throws IOException {
    if (gramsLeft > 0) {
      gramsLeft--;
      gramEnd += Character.charCount(Character.codePointAt(word, gramEnd, wordLength));
      char[] buffer = term.resizeBuffer(gramEnd + 1);
      buffer[0] = MARK;
      System.arraycopy(word, 0, buffer, 1, gramEnd);
      term.setLength(gramEnd + 1);
      increment.setPositionIncrement(0);
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    wordLength = term.length();
    if (word.length < wordLength) {
      word = new char[term.buffer().length];
    }
    System.arraycopy(term.buffer(), 0, word, 0, wordLength);
    gramsLeft = Math.min(max, Character.codePointCount(word, 0, wordLength));
    gramEnd = 0;
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    gramsLeft = 0;
  }

  /** The entries' analyzer with the {@link PrefixGrams} of every token, up to {@code max}. */
  static Analyzer after(Analyzer entries, int max) {
    return new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        return entries;
      }

      @Override
      protected TokenStreamComponents wrapComponents(
          String fieldName, TokenStreamComponents components) {
        return new TokenStreamComponents(
            components.getSource(), new PrefixGrams(components.getTokenStream(), max));
      }
    };
  }
}
