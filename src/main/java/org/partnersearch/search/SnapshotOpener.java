package org.partnersearch.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.partnersearch.corpus.Partner;
import org.partnersearch.corpus.Vocabulary;
import org.partnersearch.index.IndexSchema;
import org.partnersearch.index.JsonCodec;
import org.partnersearch.suggest.Suggester;
import org.partnersearch.suggest.SuggesterFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an index generation folder into a searchable {@link IndexSnapshot}, including its
 * suggester, which is built in memory from the generation's stored partners and vocabulary and
 * closed when the snapshot's reader closes.
 */
public final class SnapshotOpener {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotOpener.class);

  private final IndexSchema schema;
  private final JsonCodec json;
  private final GlossaryFactory glossaries;
  private final SuggesterFactory suggesters;

  public SnapshotOpener(IndexSchema schema, JsonCodec json, GlossaryFactory glossaries, SuggesterFactory suggesters) {
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
      Glossary glossary = glossaries.create(vocabulary.glossary());
      long suggesterStart = System.nanoTime();
      Suggester suggester = suggesters.create(partners(reader), vocabulary, glossary::translations);
      reader.getReaderCacheHelper().addClosedListener(key -> suggester.close());
      long end = System.nanoTime();
      // The load benchmark reads this line (index open and suggester build times).
      LOG.info("opened {}: {} documents in {} ms, suggester of {} entries built in {} ms", generation.getFileName(),
          reader.numDocs(), (end - start) / 1_000_000, suggester.size(), (end - suggesterStart) / 1_000_000);
      return new IndexSnapshot(generation, reader, searcher, facetState, Set.copyOf(dims), Set.copyOf(cities), vocabulary,
          glossary, suggester, Instant.parse(meta.get(IndexSchema.META_BUILT_AT)));
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** Every partner stored in the generation. */
  private List<Partner> partners(DirectoryReader reader) throws IOException {
    List<Partner> partners = new ArrayList<>(reader.numDocs());
    Bits live = MultiBits.getLiveDocs(reader);
    StoredFields stored = reader.storedFields();
    for (int doc = 0; doc < reader.maxDoc(); doc++) {
      if (live == null || live.get(doc)) {
        partners.add(json.read(stored.document(doc).get(IndexSchema.SOURCE), Partner.class));
      }
    }
    return partners;
  }
}
