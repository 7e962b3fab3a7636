package org.partnersearch.serving;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.partnersearch.corpus.Vocabulary;
import org.partnersearch.index.IndexSchema;
import org.partnersearch.index.JsonCodec;
import org.partnersearch.suggest.Suggester;
import org.partnersearch.suggest.SuggesterStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an index generation folder into a searchable {@link IndexSnapshot}, including its
 * suggester, which was built with the generation and is closed when the snapshot's reader closes.
 */
public final class SnapshotOpener {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotOpener.class);

  private final IndexSchema schema;
  private final JsonCodec json;
  private final GlossaryFactory glossaries;
  private final SuggesterStore suggesters;

  public SnapshotOpener(
      IndexSchema schema, JsonCodec json, GlossaryFactory glossaries, SuggesterStore suggesters) {
    this.schema = schema;
    this.json = json;
    this.glossaries = glossaries;
    this.suggesters = suggesters;
  }

  public IndexSnapshot open(Path generation) throws IOException {
    long start = System.nanoTime();
    DirectoryReader reader = DirectoryReader.open(FSDirectory.open(generation));
    try {
      Map<String, String> meta = reader.getIndexCommit().getUserData();
      if (!IndexSchema.SCHEMA_VERSION.equals(meta.get(IndexSchema.META_SCHEMA))) {
        throw new IOException(
            generation
                + " was built with schema version "
                + meta.get(IndexSchema.META_SCHEMA)
                + ", this version reads "
                + IndexSchema.SCHEMA_VERSION
                + ": run the index command");
      }
      Vocabulary vocabulary = json.read(meta.get(IndexSchema.META_VOCABULARY), Vocabulary.class);
      IndexSearcher searcher = new IndexSearcher(reader);
      var facetState = new DefaultSortedSetDocValuesReaderState(reader, schema.facetsConfig());
      Set<String> dims = new HashSet<>();
      facetState.getDims().forEach(dims::add);
      Set<String> cities = new TreeSet<>();
      if (dims.contains(IndexSchema.FACET_CITY)) {
        for (LabelAndValue city :
            new SortedSetDocValuesFacetCounts(facetState)
                .getAllChildren(IndexSchema.FACET_CITY)
                .labelValues) {
          cities.add(city.label);
        }
      }
      Glossary glossary = glossaries.create(vocabulary.glossary());
      long suggesterStart = System.nanoTime();
      Suggester suggester = suggesters.open(generation, reader, glossary::translations);
      reader.getReaderCacheHelper().addClosedListener(key -> suggester.close());
      long end = System.nanoTime();
      // The load benchmark reads this line (index and suggester open times).
      LOG.info(
          "opened {}: {} documents in {} ms, suggester of {} entries opened in {} ms",
          generation.getFileName(),
          reader.numDocs(),
          (end - start) / 1_000_000,
          suggester.size(),
          (end - suggesterStart) / 1_000_000);
      return new IndexSnapshot(
          generation,
          reader,
          searcher,
          facetState,
          Set.copyOf(dims),
          Set.copyOf(cities),
          vocabulary,
          glossary,
          suggester,
          Instant.parse(meta.get(IndexSchema.META_BUILT_AT)));
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }
}
