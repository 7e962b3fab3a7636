package org.partnersearch.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.partnersearch.analysis.Analyzers;
import org.partnersearch.analysis.Chain;
import org.partnersearch.analysis.Folding;
import org.partnersearch.corpus.Partner;
import org.partnersearch.corpus.ResearchArea;
import org.partnersearch.corpus.Vocabulary;

/**
 * The index schema, in one place: every field name (the searchable texts are the table {@link
 * SearchableText}), and the one method that turns a partner into a Lucene document. The indexer and
 * the searcher both read it.
 */
public final class IndexSchema {
  /** The partner id, an exact key for lookups. */
  public static final String ID = "id";

  /** The whole partner record as JSON, so hits and the detail view never go back to the corpus. */
  public static final String SOURCE = "source";

  /** Accent- and case-folded official name: the order when browsing without a query. */
  public static final String NAME_SORT = "name_sort";

  /**
   * Every word of names, aliases, areas and descriptions, lower-cased only: the spell checker's
   * vocabulary.
   */
  public static final String SPELL = "spell";

  /**
   * Facet dimensions: sorted-set doc values, so one index directory holds everything and swaps
   * atomically.
   */
  public static final String FACET_AREA = "area";

  public static final String FACET_TYPE = "type";
  public static final String FACET_CITY = "city";

  /** Commit user-data keys written by the indexer, read by the searcher and health checks. */
  public static final String META_BUILT_AT = "builtAt";

  public static final String META_DOCUMENTS = "documents";
  public static final String META_SCHEMA = "schemaVersion";

  /** The taxonomy, partner types, glossary and cities the generation was built with, as JSON. */
  public static final String META_VOCABULARY = "vocabulary";

  /**
   * Bump when fields, chains or the generation's layout change, so an index built by an older
   * version is rebuilt. 3: the suggester is built with the generation, into its {@code suggest/}
   * folder. 4: one field per {@link SearchableText}, every variant of a word stacked in it. 5: the
   * stored vocabulary also holds the cities with their coordinates. 6: the suggester's entries
   * carry kind and language as contexts and the partner id as payload; no typo FST. 7: a compound's
   * head and its modifiers are marked apart ({@code +} and {@code <}). 8: the id is no longer
   * stored (the stored record has it). 9: the suggester's short prefixes are marked grams among its
   * words, not a field of their own. 10: the suggester's weights carry each entry's ordinal below
   * its length. 11: no ordinal in the suggester's weights; the id is a context, not a payload. 12:
   * partners' and areas' bonus in the suggester's weights is 2^40, not a million.
   */
  public static final String SCHEMA_VERSION = "12";

  /**
   * The schema version {@code generation} was built with ("none" if its commit names none), or
   * empty if its commit cannot be read: a damaged generation is left to the opener, which falls
   * back to the previous one and reports it.
   */
  public static Optional<String> versionOf(Path generation) {
    try (Directory dir = FSDirectory.open(generation)) {
      return Optional.of(
          SegmentInfos.readLatestCommit(dir).getUserData().getOrDefault(META_SCHEMA, "none"));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Offsets in the postings: the highlighter and explain read a match's place in the text from
   * them, without analysing the text again. Not stored: the text is in {@link #SOURCE}.
   */
  private static final FieldType WITH_OFFSETS = withOffsets(TextField.TYPE_NOT_STORED);

  /** The spell checker needs document frequencies only. */
  private static final FieldType SPELLING = docsOnly();

  /**
   * The texts whose words the spell checker knows, besides the research areas' labels (the labels
   * texts also hold the fields' and types' labels, which it does not).
   */
  private static final Set<SearchableText> SPELLED =
      EnumSet.of(
          SearchableText.NAME,
          SearchableText.NAME_EN,
          SearchableText.ALIASES,
          SearchableText.DESCRIPTION_DE,
          SearchableText.DESCRIPTION_EN);

  private final FacetsConfig facetsConfig;
  private final JsonCodec json;

  public IndexSchema(JsonCodec json) {
    this.json = json;
    this.facetsConfig = new FacetsConfig();
    facetsConfig.setHierarchical(FACET_AREA, true);
    facetsConfig.setMultiValued(FACET_AREA, true);
  }

  public FacetsConfig facetsConfig() {
    return facetsConfig;
  }

  /** The analyzer that indexes each field with its chain. */
  public static Analyzer indexAnalyzer(Analyzers analyzers) {
    Map<String, Analyzer> byField = new HashMap<>();
    for (SearchableText text : SearchableText.values()) {
      byField.put(text.field(), analyzers.index(text.chain()));
    }
    byField.put(SPELL, analyzers.query(Chain.WORDS));
    return new PerFieldAnalyzerWrapper(analyzers.query(Chain.WORDS), byField);
  }

  /**
   * Builds the Lucene document of one partner; the caller applies {@code
   * facetsConfig().build(doc)}.
   */
  public Document toDocument(Partner p, Vocabulary vocabulary) {
    Document doc = new Document();
    // Not stored: the record in SOURCE has the id, and only lookups by id need the term.
    doc.add(new StringField(ID, p.id(), Field.Store.NO));
    doc.add(new StoredField(SOURCE, json.write(p)));
    doc.add(new SortedDocValuesField(NAME_SORT, new BytesRef(Folding.sortKey(p.name()))));

    SpellingWords spelling = new SpellingWords();
    for (SearchableText text : SearchableText.values()) {
      for (String value : text.texts(p, vocabulary)) {
        doc.add(
            SPELLED.contains(text)
                ? spelling.collecting(text.field(), value, WITH_OFFSETS)
                : new Field(text.field(), value, WITH_OFFSETS));
      }
    }
    doc.add(spelling.field(SPELL, SPELLING));
    for (String areaId : p.researchAreas()) {
      ResearchArea area = vocabulary.taxonomy().area(areaId).orElseThrow();
      doc.add(new Field(SPELL, area.label().de() + "; " + area.label().en(), SPELLING));
      doc.add(new SortedSetDocValuesFacetField(FACET_AREA, area.fieldId(), area.id()));
    }
    doc.add(new SortedSetDocValuesFacetField(FACET_TYPE, p.type()));
    if (p.city() != null) {
      doc.add(new SortedSetDocValuesFacetField(FACET_CITY, p.city()));
    }
    return doc;
  }

  private static FieldType docsOnly() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS);
    type.setOmitNorms(true);
    type.freeze();
    return type;
  }

  private static FieldType withOffsets(FieldType base) {
    FieldType type = new FieldType(base);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }
}
