package org.partnersearch.serving;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.partnersearch.corpus.Vocabulary;
import org.partnersearch.suggest.Suggester;

/**
 * One opened index generation and everything derived from it. Requests acquire a snapshot from
 * {@link LiveIndex}, use it, and release it; a reindex swaps in a new snapshot without waiting.
 *
 * @param facetDims the facet dimensions some document has (Lucene refuses to count others)
 * @param cities every city in the index, the values the city filter accepts
 * @param suggester autocomplete over this generation's partners and vocabulary; closed with the
 *     reader
 */
public record IndexSnapshot(
    Path generation,
    DirectoryReader reader,
    IndexSearcher searcher,
    SortedSetDocValuesReaderState facetState,
    Set<String> facetDims,
    Set<String> cities,
    Vocabulary vocabulary,
    Glossary glossary,
    Suggester suggester,
    Instant builtAt) {

  public long generationNumber() {
    return org.partnersearch.index.IndexGenerations.number(generation);
  }

  public int documents() {
    return reader.numDocs();
  }
}
