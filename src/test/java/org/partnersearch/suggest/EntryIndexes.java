package org.partnersearch.suggest;

import java.io.IOException;
import java.util.function.Predicate;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.Directory;
import org.partnersearch.analysis.Analyzers;
import org.partnersearch.analysis.Chain;

/** The suggester's infix index as it is, for benchmarks outside this package. */
public final class EntryIndexes {
  private EntryIndexes() {}

  /**
   * A fresh {@link EntryIndex} in {@code dir} (which it closes), configured as {@link
   * SuggesterStore} configures it: entries are added to it by Lucene's own {@code add}, contexts
   * and weights as read back from a built suggester.
   */
  public static AnalyzingInfixSuggester open(
      Directory dir, Analyzers analyzers, Predicate<String> corpusWords) throws IOException {
    return new EntryIndex(
        dir, analyzers.index(Chain.FOLDED_WORDS, corpusWords), analyzers.query(Chain.FOLDED_WORDS));
  }

  /** {@code config} set as the suggester's infix index is written (its buffer, its closing). */
  public static IndexWriterConfig configure(IndexWriterConfig config) {
    return EntryIndex.configured(config);
  }
}
