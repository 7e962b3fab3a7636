package org.partnersearch.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/** Each word is followed by its first letters, marked, at its position and offsets. */
class PrefixGramsTest {
  private static final String M = String.valueOf(PrefixGrams.MARK);

  @Test
  void aWordIsFollowedByItsFirstLettersUpToTheLimitAtItsPositionAndOffsets() throws IOException {
    assertEquals(
        List.of(
            "ab 0-2 +1",
            M + "a 0-2 +0",
            M + "ab 0-2 +0",
            "über 3-7 +1",
            M + "ü 3-7 +0",
            M + "üb 3-7 +0",
            M + "übe 3-7 +0"),
        tokens("ab über", 3));
  }

  @Test
  void aLetterOutsideTheBasicPlaneCountsAsOneLetter() throws IOException {
    String clef = "\uD834\uDD1E"; // one code point, two chars
    assertEquals(
        List.of(
            clef + "x 0-3 +1",
            M + clef + " 0-3 +0",
            M + clef + "x 0-3 +0",
            "y 4-5 +1",
            M + "y 4-5 +0"),
        tokens(clef + "x y", 3));
  }

  @Test
  void aStreamLeftBeforeItsGramsStartsAfreshWithTheNextText() throws IOException {
    try (Analyzer analyzer = grams(2)) {
      try (TokenStream ts = analyzer.tokenStream("text", "abcdef")) {
        ts.reset();
        ts.incrementToken(); // the word; its grams are never asked for
        ts.end();
      }
      assertEquals(List.of("zu 0-2 +1", M + "z 0-2 +0", M + "zu 0-2 +0"), tokens(analyzer, "zu"));
    }
  }

  private static List<String> tokens(String text, int max) throws IOException {
    try (Analyzer analyzer = grams(max)) {
      return tokens(analyzer, text);
    }
  }

  private static Analyzer grams(int max) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new WhitespaceTokenizer();
        return new TokenStreamComponents(source, new PrefixGrams(source, max));
      }
    };
  }

  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(
            term
                + " "
                + offset.startOffset()
                + "-"
                + offset.endOffset()
                + " +"
                + increment.getPositionIncrement());
      }
      ts.end();
    }
    return out;
  }
}
