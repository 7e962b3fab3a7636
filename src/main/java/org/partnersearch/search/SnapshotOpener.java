package org.partnersearch.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.partnersearch.corpus.Vocabulary;
import org.partnersearch.index.IndexSchema;
import org.partnersearch.index.JsonCodec;

/** Opens an index generation folder into a searchable {@link IndexSnapshot}. */
public final class SnapshotOpener {
  private final IndexSchema schema;
  private final JsonCodec json;
  private final GlossaryFactory glossaries;

  public SnapshotOpener(IndexSchema schema, JsonCodec json, GlossaryFactory glossaries) {
    this.schema = schema;
    this.json = json;
    this.glossaries = glossaries;
  }

  public IndexSnapshot open(Path generation) throws IOException {
    DirectoryReader reader = DirectoryReader.open(FSDirectory.open(generation));
    try {
      Map<String, String> meta = reader.getIndexCommit().getUserData();
      if (!IndexSchema.SCHEMA_VERSION.equals(meta.get(IndexSchema.META_SCHEMA))) {
        throw new IOException(generation + " was built with schema version " + meta.get(IndexSchema.META_SCHEMA)
            + ", this version reads " + IndexSchema.SCHEMA_VERSION + ": run the index command");
      }
      Vocabulary vocabulary = json.read(meta.get(IndexSchema.META_VOCABULARY), Vocabulary.class);
      IndexSearcher searcher = new IndexSearcher(reader);
      var facetState = new DefaultSortedSetDocValuesReaderState(reader, schema.facetsConfig());
      Set<String> dims = new HashSet<>();
      facetState.getDims().forEach(dims::add);
      Set<String> cities = new TreeSet<>();
      if (dims.contains(IndexSchema.FACET_CITY)) {
        for (LabelAndValue city : new SortedSetDocValuesFacetCounts(facetState)
            .getAllChildren(IndexSchema.FACET_CITY).labelValues) {
          cities.add(city.label);
        }
      }
      return new IndexSnapshot(generation, reader, searcher, facetState, Set.copyOf(dims), Set.copyOf(cities), vocabulary,
          glossaries.create(vocabulary.glossary()), Instant.parse(meta.get(IndexSchema.META_BUILT_AT)));
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }
}
