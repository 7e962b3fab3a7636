package org.partnersearch.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.analysis.MockTokenizer;
import org.junit.AfterClass;
import org.junit.BeforeClass;

/** The decompound filter on its own, behind Lucene's lower-casing whitespace mock tokenizer. */
public class TestDecompoundFilter extends BaseTokenStreamTestCase {

  private static final String WORD = "word";
  private static final String PART = DecompoundFilter.PART_TYPE;
  private static final String MODIFIER = DecompoundFilter.MODIFIER_TYPE;

  // Static so the dictionary loads once per class; nulled afterwards for LuceneTestCase's
  // static-leak rule.
  private static GermanDecompounder decompounder;

  private Analyzer analyzer;

  @BeforeClass
  public static void loadDictionary() {
    decompounder = new GermanDecompounder();
  }

  @AfterClass
  public static void releaseDictionary() {
    decompounder = null;
  }

  @Override
  public void setUp() throws Exception {
    super.setUp();
    analyzer =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new MockTokenizer(MockTokenizer.WHITESPACE, true);
            return new TokenStreamComponents(
                tokenizer, new DecompoundFilter(tokenizer, decompounder));
          }
        };
  }

  @Override
  public void tearDown() throws Exception {
    analyzer.close();
    super.tearDown();
  }

  /**
   * assertAnalyzesTo that accepts parts with their own offsets at one position: Lucene's graph
   * offset check would demand that all tokens leaving a position start at the same offset.
   */
  private void assertTokens(
      String input, String[] tokens, int[] starts, int[] ends, String[] types, int[] posIncs)
      throws Exception {
    assertAnalyzesTo(analyzer, input, tokens, starts, ends, types, posIncs, null, false);
  }

  public void testCompoundKeepsWholeWordAndAddsPartsAtSamePositionWithOwnOffsets()
      throws Exception {
    assertTokens(
        "Endlagerforschung",
        new String[] {"endlagerforschung", "endlager", "forschung"},
        new int[] {0, 0, 8},
        new int[] {17, 8, 17},
        new String[] {WORD, MODIFIER, PART},
        new int[] {1, 0, 0});
  }

  public void testEachCompoundOfAPhraseGetsItsParts() throws Exception {
    assertTokens(
        "Kompetenzverbund Strahlenforschung",
        new String[] {
          "kompetenzverbund", "kompetenz", "verbund", "strahlenforschung", "strahlen", "forschung"
        },
        new int[] {0, 0, 9, 17, 17, 25},
        new int[] {16, 9, 16, 34, 25, 34},
        null,
        new int[] {1, 0, 0, 1, 0, 0});
  }

  public void testPartsKeepTheirUmlauts() throws Exception {
    assertTokens(
        "Universitätsklinikum",
        new String[] {"universitätsklinikum", "universität", "klinikum"},
        new int[] {0, 0, 12},
        new int[] {20, 11, 20},
        null,
        new int[] {1, 0, 0});
  }

  public void testInterfixIsNoPartAndLeavesAGapInTheOffsets() throws Exception {
    assertTokens(
        "Forschungszentrum",
        new String[] {"forschungszentrum", "forschung", "zentrum"},
        new int[] {0, 0, 10},
        new int[] {17, 9, 17},
        new String[] {WORD, MODIFIER, PART},
        new int[] {1, 0, 0});
  }

  public void testThreePartCompoundHasTwoModifiersAndAHead() throws Exception {
    assertTokens(
        "Hochfrequenzelektronenquellen",
        new String[] {"hochfrequenzelektronenquellen", "hochfrequenz", "elektronen", "quellen"},
        new int[] {0, 0, 12, 22},
        new int[] {29, 12, 22, 29},
        new String[] {WORD, MODIFIER, MODIFIER, PART},
        new int[] {1, 0, 0, 0});
  }

  public void testWordsThatAreNoCompoundsPassUnchanged() throws Exception {
    assertTokens(
        "research university Dresden Rossendorf Forschung",
        new String[] {"research", "university", "dresden", "rossendorf", "forschung"},
        new int[] {0, 9, 20, 28, 39},
        new int[] {8, 19, 27, 38, 48},
        null,
        new int[] {1, 1, 1, 1, 1});
  }

  public void testHyphenatedTokenIsNotSplitHere() throws Exception {
    // The chains split hyphens with WordDelimiterGraphFilter first; a raw hyphenated token stays.
    assertAnalyzesTo(analyzer, "Öko-Institut", new String[] {"öko-institut"});
  }

  public void testRandomStrings() throws Exception {
    // graphOffsetsAreCorrect=false: parts at the same position have their own offsets on purpose
    // (see DecompoundFilter). Offsets must still never go backwards, which is checked.
    checkRandomData(random(), analyzer, 200 * RANDOM_MULTIPLIER, 20, false, false);
  }

  public void testRandomLongStrings() throws Exception {
    checkRandomData(random(), analyzer, 20 * RANDOM_MULTIPLIER, 8192, false, false);
  }

  public void testRandomMixesOfCorpusWords() throws Exception {
    // Random strings hardly ever contain a German compound; these always do.
    CorpusText corpus = CorpusText.load();
    for (int i = 0; i < 100 * RANDOM_MULTIPLIER; i++) {
      String text = corpus.randomMix(random());
      checkAnalysisConsistency(random(), analyzer, random().nextBoolean(), text, false);
    }
  }
}
