package org.partnersearch.analysis;

import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.junit.AfterClass;
import org.junit.BeforeClass;

/**
 * Lucene's analyzer torture test over every chain, index and query side: random text, random char
 * filters, reuse across threads, offsets within bounds and never going backwards.
 *
 * <p>Only the flattened EXACT index side is held to Lucene's graph-offset check (every token
 * leaving a position starts at the same offset). The query sides keep WordDelimiterGraphFilter's
 * graph, whose adjusted part offsets Lucene's own WDGF tests exempt the same way; the other index
 * sides add compound parts with their own offsets on purpose (see {@link DecompoundFilter}).
 * Offsets within bounds and never going backwards are checked everywhere.
 */
public class TestChainsRandomly extends BaseTokenStreamTestCase {

  // Static so the dictionary loads once per class; nulled afterwards for LuceneTestCase's
  // static-leak rule.
  private static Analyzers analyzers;

  @BeforeClass
  public static void buildAnalyzers() {
    analyzers = new Analyzers(new GermanDecompounder());
  }

  @AfterClass
  public static void closeAnalyzers() {
    analyzers.close();
    analyzers = null;
  }

  public void testExactIndexRandomStrings() throws Exception {
    checkRandomData(random(), analyzers.index(Chain.WORDS), 200 * RANDOM_MULTIPLIER);
  }

  public void testExactIndexRandomLongStrings() throws Exception {
    checkRandomData(random(), analyzers.index(Chain.WORDS), 20 * RANDOM_MULTIPLIER, 8192);
  }

  public void testExactQueryRandomStrings() throws Exception {
    checkRandomData(
        random(), analyzers.query(Chain.WORDS), 200 * RANDOM_MULTIPLIER, 20, false, false);
  }

  public void testExactQueryRandomLongStrings() throws Exception {
    checkRandomData(
        random(), analyzers.query(Chain.WORDS), 20 * RANDOM_MULTIPLIER, 8192, false, false);
  }

  public void testGermanIndexRandomStrings() throws Exception {
    checkRandomData(
        random(),
        analyzers.index(Chain.GERMAN_VARIANTS),
        200 * RANDOM_MULTIPLIER,
        20,
        false,
        false);
  }

  public void testGermanIndexRandomLongStrings() throws Exception {
    checkRandomData(
        random(),
        analyzers.index(Chain.GERMAN_VARIANTS),
        20 * RANDOM_MULTIPLIER,
        8192,
        false,
        false);
  }

  public void testGermanQueryRandomStrings() throws Exception {
    checkRandomData(
        random(),
        analyzers.query(Chain.GERMAN_VARIANTS),
        200 * RANDOM_MULTIPLIER,
        20,
        false,
        false);
  }

  public void testGermanQueryRandomLongStrings() throws Exception {
    checkRandomData(
        random(),
        analyzers.query(Chain.GERMAN_VARIANTS),
        20 * RANDOM_MULTIPLIER,
        8192,
        false,
        false);
  }

  public void testEnglishIndexRandomStrings() throws Exception {
    checkRandomData(
        random(),
        analyzers.index(Chain.ENGLISH_VARIANTS),
        200 * RANDOM_MULTIPLIER,
        20,
        false,
        false);
  }

  public void testEnglishIndexRandomLongStrings() throws Exception {
    checkRandomData(
        random(),
        analyzers.index(Chain.ENGLISH_VARIANTS),
        20 * RANDOM_MULTIPLIER,
        8192,
        false,
        false);
  }

  public void testEnglishQueryRandomStrings() throws Exception {
    checkRandomData(
        random(),
        analyzers.query(Chain.ENGLISH_VARIANTS),
        200 * RANDOM_MULTIPLIER,
        20,
        false,
        false);
  }

  public void testEnglishQueryRandomLongStrings() throws Exception {
    checkRandomData(
        random(),
        analyzers.query(Chain.ENGLISH_VARIANTS),
        20 * RANDOM_MULTIPLIER,
        8192,
        false,
        false);
  }

  public void testFoldedIndexRandomStrings() throws Exception {
    checkRandomData(
        random(), analyzers.index(Chain.FOLDED_WORDS), 200 * RANDOM_MULTIPLIER, 20, false, false);
  }

  public void testFoldedIndexRandomLongStrings() throws Exception {
    checkRandomData(
        random(), analyzers.index(Chain.FOLDED_WORDS), 20 * RANDOM_MULTIPLIER, 8192, false, false);
  }

  public void testFoldedQueryRandomStrings() throws Exception {
    checkRandomData(
        random(), analyzers.query(Chain.FOLDED_WORDS), 200 * RANDOM_MULTIPLIER, 20, false, false);
  }

  public void testFoldedQueryRandomLongStrings() throws Exception {
    checkRandomData(
        random(), analyzers.query(Chain.FOLDED_WORDS), 20 * RANDOM_MULTIPLIER, 8192, false, false);
  }

  public void testRandomMixesOfCorpusWordsInEveryChain() throws Exception {
    // Random strings hardly ever contain German compounds or umlauts; these always do.
    CorpusText corpus = CorpusText.load();
    for (Chain chain : Chain.values()) {
      for (int i = 0; i < 20 * RANDOM_MULTIPLIER; i++) {
        String text = corpus.randomMix(random());
        checkAnalysisConsistency(
            random(), analyzers.index(chain), random().nextBoolean(), text, false);
        checkAnalysisConsistency(
            random(), analyzers.query(chain), random().nextBoolean(), text, false);
      }
    }
  }
}
