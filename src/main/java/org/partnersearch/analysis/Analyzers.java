package org.partnersearch.analysis;

import java.io.Closeable;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.util.IOUtils;

/**
 * Owns the analyzers of every {@link Chain}, the one place that defines them for the indexer, the
 * query parser, the highlighter and the suggester. One instance per process; thread-safe (Lucene
 * analyzers keep their token streams per thread); closeable.
 */
public final class Analyzers implements Closeable {

  private final Map<Chain, Analyzer> indexAnalyzers = new EnumMap<>(Chain.class);
  private final Map<Chain, Analyzer> queryAnalyzers = new EnumMap<>(Chain.class);
  private final CompoundSplitter splitter;
  private final NormalizeCharMap nfc = NfcCharMap.build();

  /** Builds all chains around the one shared decompounder. */
  public Analyzers(GermanDecompounder decompounder) {
    Objects.requireNonNull(decompounder, "decompounder");
    this.splitter = new CompoundSplitter(decompounder);
    for (Chain chain : Chain.values()) {
      indexAnalyzers.put(
          chain, new ChainAnalyzer(chain, ChainAnalyzer.Side.INDEX, decompounder::split, nfc));
      queryAnalyzers.put(
          chain, new ChainAnalyzer(chain, ChainAnalyzer.Side.QUERY, decompounder::split, nfc));
    }
  }

  /**
   * {@link Chain#FOLDED_WORDS} at index time, a compound the dictionary leaves whole split into the
   * words {@code corpusWords} knows (a generation's own words): the suggester's entries, by the
   * words of the generation they belong to. The caller closes it.
   */
  public Analyzer index(Chain chain, Predicate<String> corpusWords) {
    return new ChainAnalyzer(chain, ChainAnalyzer.Side.INDEX, splitter.partsBy(corpusWords), nfc);
  }

  /**
   * Index time: compound parts where the chain has them; stacked, marked variants in the *_VARIANTS
   * chains.
   */
  public Analyzer index(Chain chain) {
    return indexAnalyzers.get(Objects.requireNonNull(chain, "chain"));
  }

  /**
   * Query time: the same chain without compound parts (the query builder decompounds explicitly);
   * the *_VARIANTS chains give each typed word's forms unmarked, typed by {@link Variant}.
   */
  public Analyzer query(Chain chain) {
    return queryAnalyzers.get(Objects.requireNonNull(chain, "chain"));
  }

  @Override
  public void close() {
    IOUtils.closeWhileHandlingException(indexAnalyzers.values());
    IOUtils.closeWhileHandlingException(queryAnalyzers.values());
  }
}
