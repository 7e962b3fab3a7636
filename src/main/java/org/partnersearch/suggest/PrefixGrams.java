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
  private State token;
  private String word;
  private int letters;

  PrefixGrams(TokenStream input, int max) {
    super(input);
    this.max = max;
  }

  /** The term a prefix of fewer than {@code max} letters is looked up by. */
  static String gram(String prefix) {
    return MARK + prefix;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (token != null && letters < Math.min(max, word.codePointCount(0, word.length()))) {
      restoreState(token);
      letters++;
      term.setEmpty().append(gram(word.substring(0, word.offsetByCodePoints(0, letters))));
      increment.setPositionIncrement(0);
      return true;
    }
    if (!input.incrementToken()) {
      token = null;
      return false;
    }
    token = captureState();
    word = term.toString();
    letters = 0;
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    token = null;
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
