package org.partnersearch.analysis;

import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.CATENATE_NUMBERS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.CATENATE_WORDS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.GENERATE_WORD_PARTS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.PRESERVE_ORIGINAL;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.SPLIT_ON_NUMERICS;

import java.io.Reader;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** One {@link Chain} at index or at query time. Built only by {@link Analyzers}. */
final class ChainAnalyzer extends Analyzer {

  /**
   * Whether tokens are indexed or searched for: only the index side adds compound parts and marks.
   */
  enum Side {
    INDEX,
    QUERY
  }

  /**
   * A word is a run of letters, marks and digits; runs joined by one hyphen, dot or apostrophe stay
   * one token ("Öko-Institut", "ct.qmat", "DIGS-BB", "research's") so that the word delimiter
   * filter can emit the whole, its pieces and the closed form.
   */
  private static final Pattern WORD =
      Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:[-\\u2010\\u2011.'\\u2019][\\p{L}\\p{M}\\p{N}]+)*");

  /** Longer "words" are base64, hashes or garbage; StandardTokenizer also stops at 255. */
  private static final int MAX_TOKEN_LENGTH = 255;

  /**
   * Hyphenated and dotted words: the whole as written, each piece, and the pieces joined
   * ("öko-institut", "öko", "institut", "ökoinstitut"). No STEM_ENGLISH_POSSESSIVE: it gives the
   * whole and its piece different end offsets, which the index-side flattening then cuts short; the
   * EnglishPossessiveFilter before it does the job on the whole word.
   */
  private static final int WORD_DELIMITER_FLAGS =
      PRESERVE_ORIGINAL
          | GENERATE_WORD_PARTS
          | GENERATE_NUMBER_PARTS
          | CATENATE_WORDS
          | CATENATE_NUMBERS
          | SPLIT_ON_NUMERICS;

  private final Chain chain;
  private final Side side;
  private final Function<String, List<GermanDecompounder.Part>> compoundParts;
  private final NormalizeCharMap nfc;

  /**
   * @param compoundParts the parts of a compound, added at index time
   */
  ChainAnalyzer(
      Chain chain,
      Side side,
      Function<String, List<GermanDecompounder.Part>> compoundParts,
      NormalizeCharMap nfc) {
    this.chain = chain;
    this.side = side;
    this.compoundParts = compoundParts;
    this.nfc = nfc;
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new ComposingCharFilter(reader, nfc);
  }

  @Override
  protected Reader initReaderForNormalization(String fieldName, Reader reader) {
    return new ComposingCharFilter(reader, nfc);
  }

  /**
   * Every chain starts alike: words, English possessives dropped ("HZDR's" is "HZDR"), lower case.
   * Then each chain adds its own steps.
   */
  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new PatternTokenizer(WORD, 0);
    TokenStream ts = new LengthFilter(source, 1, MAX_TOKEN_LENGTH);
    ts = new EnglishPossessiveFilter(ts);
    ts = new LowerCaseFilter(ts);
    TokenStream chained =
        switch (chain) {
          case WORDS -> hyphenated(ts);
          case GERMAN_VARIANTS -> variants(ts, GermanLightStemFilter::new);
          case ENGLISH_VARIANTS -> variants(ts, KStemFilter::new);
          case FOLDED_WORDS -> new ASCIIFoldingFilter(compoundParts(hyphenated(ts)));
        };
    return new TokenStreamComponents(source, chained);
  }

  /**
   * Index side: each word (hyphenated ones also split and closed) with its variants and compound
   * parts stacked and marked. Query side: a typed word stays whole ("öko-institut" is indexed as
   * such) and its forms come unmarked, typed by variant, for the query builder to weight.
   */
  private TokenStream variants(TokenStream words, UnaryOperator<TokenStream> stemmer) {
    if (side == Side.QUERY) {
      return stemmer.apply(new VariantRepeatFilter(words));
    }
    TokenStream ts = new VariantRepeatFilter(compoundParts(hyphenated(words)));
    return new VariantMarkFilter(stemmer.apply(ts));
  }

  /**
   * Splits hyphenated words into a token graph. The index cannot store graphs, so the index side
   * flattens it; the query side keeps it for Lucene's graph-aware query builder.
   */
  private TokenStream hyphenated(TokenStream in) {
    if (side == Side.QUERY) {
      return wordDelimiters(in);
    }
    // NOTE: only a word with a delimiter or digit goes through the graph and its flattening, which
    // leave a word of letters as it is but cost a fifth of the index-time analysis (JFR, 10,000
    // partners); Lucene's ConditionalTokenFilter was made for this use.
    return new ConditionalTokenFilter(in, words -> new FlattenGraphFilter(wordDelimiters(words))) {
      private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

      @Override
      protected boolean shouldFilter() {
        return !isLetters(term);
      }
    };
  }

  private static TokenStream wordDelimiters(TokenStream in) {
    return new WordDelimiterGraphFilter(
        in, true, WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE, WORD_DELIMITER_FLAGS, null);
  }

  /**
   * Whether every char is a letter, which the word delimiter filter never splits at (it splits at
   * anything else and between letters and digits; case changes are not split, and words are lower
   * case here).
   */
  private static boolean isLetters(CharTermAttribute term) {
    char[] chars = term.buffer();
    for (int i = 0; i < term.length(); i++) {
      if (!Character.isLetter(chars[i])) {
        return false;
      }
    }
    return true;
  }

  /** Index side only: the query builder decompounds query words itself. */
  private TokenStream compoundParts(TokenStream in) {
    return side == Side.INDEX ? new DecompoundFilter(in, compoundParts) : in;
  }

  /** For prefix and fuzzy terms: lower case, and the suggester's folding. */
  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    TokenStream ts = new LowerCaseFilter(in);
    return chain == Chain.FOLDED_WORDS ? new ASCIIFoldingFilter(ts) : ts;
  }
}
