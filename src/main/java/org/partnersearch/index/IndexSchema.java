package org.partnersearch.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
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
import org.partnersearch.corpus.Lang;
import org.partnersearch.corpus.Partner;
import org.partnersearch.corpus.ResearchArea;
import org.partnersearch.corpus.ResearchField;
import org.partnersearch.corpus.Vocabulary;

/**
 * The index schema, in one place: every field name, the analysis chain it is indexed with, and the
 * one method that turns a partner into a Lucene document. The indexer and the searcher both read it.
 */
public final class IndexSchema {
  /** The partner id, an exact key for lookups. */
  public static final String ID = "id";
  /** The whole partner record as JSON, so hits and the detail view never go back to the corpus. */
  public static final String SOURCE = "source";
  /** Accent- and case-folded official name: the order when browsing without a query. */
  public static final String NAME_SORT = "name_sort";

  /** Official name, often German. */
  public static final TextFamily NAME = new TextFamily("name", Chain.GERMAN);
  /** English name. */
  public static final TextFamily NAME_EN = new TextFamily("name_en", Chain.ENGLISH);
  /** Acronyms and other names (multi-valued); analysed like English text, which keeps them intact. */
  public static final TextFamily ALIASES = new TextFamily("aliases", Chain.ENGLISH);
  /** German description, stored for snippets. */
  public static final TextFamily DESCRIPTION_DE = new TextFamily("description_de", Chain.GERMAN);
  /** English description, stored for snippets; German words in it are decompounded too. */
  public static final TextFamily DESCRIPTION_EN = new TextFamily("description_en", Chain.ENGLISH);
  public static final List<TextFamily> FAMILIES = List.of(NAME, NAME_EN, ALIASES, DESCRIPTION_DE, DESCRIPTION_EN);

  /** Research area and field labels in German (not stored: the hit lists areas from the source). */
  public static final String AREAS_DE = "areas_de";
  /** Research area and field labels in English. */
  public static final String AREAS_EN = "areas_en";
  /** The partner type's labels in both languages, so "university" or "Klinikum" find partners of that type. */
  public static final String TYPE_LABELS = "type_labels";
  /** HZDR institutes and contact names, so "Krause" or "Resource Ecology" find their partners. */
  public static final String PEOPLE = "people";

  /** Every word of names, aliases, areas and descriptions, lower-cased only: the spell checker's vocabulary. */
  public static final String SPELL = "spell";

  /** Facet dimensions: sorted-set doc values, so one index directory holds everything and swaps atomically. */
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
   * Bump when fields, chains or the generation's layout change, so an index built by an older version
   * is rebuilt. 3: the suggester is built with the generation, into its {@code suggest/} folder.
   * 4: the stored vocabulary holds the cities with their coordinates.
   */
  public static final String SCHEMA_VERSION = "4";

  /**
   * The schema version {@code generation} was built with ("none" if its commit names none), or empty
   * if its commit cannot be read: a damaged generation is left to the opener, which falls back to the
   * previous one and reports it.
   */
  public static Optional<String> versionOf(Path generation) {
    try (Directory dir = FSDirectory.open(generation)) {
      return Optional.of(SegmentInfos.readLatestCommit(dir).getUserData().getOrDefault(META_SCHEMA, "none"));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Stored text with offsets in the postings, so the UnifiedHighlighter needs no re-analysis. */
  private static final FieldType STORED_WITH_OFFSETS = withOffsets(TextField.TYPE_STORED);
  private static final FieldType WITH_OFFSETS = withOffsets(TextField.TYPE_NOT_STORED);
  /** The spell checker needs document frequencies only. */
  private static final FieldType SPELLING = docsOnly();

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

  public static TextFamily description(Lang lang) {
    return lang == Lang.DE ? DESCRIPTION_DE : DESCRIPTION_EN;
  }

  /** The chain each analysed field is indexed with; the searcher analyses queries the same way. */
  public static Chain chainOf(String field) {
    if (field.equals(AREAS_DE)) {
      return Chain.GERMAN;
    }
    if (field.equals(SPELL)) {
      return Chain.EXACT;
    }
    if (field.equals(AREAS_EN) || field.equals(PEOPLE) || field.equals(TYPE_LABELS)) {
      return Chain.ENGLISH;
    }
    return family(field).map(f -> f.chainOf(field)).orElse(Chain.EXACT);
  }

  public static Optional<TextFamily> family(String field) {
    return FAMILIES.stream().filter(f -> f.fields().contains(field)).findFirst();
  }

  /** Only the {@code parts} fields get the parts of compounds; every other field holds whole words. */
  public static boolean hasCompoundParts(String field) {
    return family(field).map(f -> f.parts().equals(field)).orElse(false);
  }

  /** The analyzer that indexes each field with its chain. */
  public static Analyzer indexAnalyzer(Analyzers analyzers) {
    return perField(analyzers, true);
  }

  /** The same mapping at query time, without compound parts: the query builder splits compounds itself. */
  public static Analyzer queryAnalyzer(Analyzers analyzers) {
    return perField(analyzers, false);
  }

  private static Analyzer perField(Analyzers analyzers, boolean index) {
    Map<String, Analyzer> byField = new HashMap<>();
    Stream.concat(FAMILIES.stream().flatMap(f -> f.fields().stream()), Stream.of(AREAS_DE, AREAS_EN, PEOPLE, TYPE_LABELS, SPELL))
        .forEach(field -> byField.put(field, index && hasCompoundParts(field)
            ? analyzers.index(chainOf(field))
            : analyzers.query(chainOf(field))));
    return new PerFieldAnalyzerWrapper(analyzers.query(Chain.EXACT), byField);
  }

  /** Builds the Lucene document of one partner; the caller applies {@code facetsConfig().build(doc)}. */
  public Document toDocument(Partner p, Vocabulary vocabulary) {
    Document doc = new Document();
    doc.add(new StringField(ID, p.id(), Field.Store.YES));
    doc.add(new StoredField(SOURCE, json.write(p)));
    doc.add(new SortedDocValuesField(NAME_SORT, new BytesRef(sortKey(p.name()))));

    addFamily(doc, NAME, p.name());
    addFamily(doc, NAME_EN, p.nameEn());
    p.aliases().forEach(alias -> addFamily(doc, ALIASES, alias));
    addFamily(doc, DESCRIPTION_DE, p.description().de());
    addFamily(doc, DESCRIPTION_EN, p.description().en());

    for (String areaId : p.researchAreas()) {
      ResearchArea area = vocabulary.taxonomy().area(areaId).orElseThrow(
          () -> new IllegalArgumentException(p.id() + ": unknown research area " + areaId));
      ResearchField field = vocabulary.taxonomy().field(area.fieldId()).orElseThrow();
      doc.add(new TextField(AREAS_DE, area.label().de() + "; " + field.label().de(), Field.Store.NO));
      doc.add(new TextField(AREAS_EN, area.label().en() + "; " + field.label().en(), Field.Store.NO));
      doc.add(new Field(SPELL, area.label().de() + "; " + area.label().en(), SPELLING));
      doc.add(new SortedSetDocValuesFacetField(FACET_AREA, area.fieldId(), area.id()));
    }
    Stream.concat(p.hzdrInstitutes().stream(), p.contacts().stream().map(c -> c.name()))
        .forEach(person -> doc.add(new TextField(PEOPLE, person, Field.Store.NO)));
    vocabulary.type(p.type()).ifPresent(t -> {
      doc.add(new TextField(TYPE_LABELS, t.label().en(), Field.Store.NO));
      doc.add(new TextField(TYPE_LABELS, t.label().de(), Field.Store.NO));
    });
    doc.add(new SortedSetDocValuesFacetField(FACET_TYPE, p.type()));
    if (p.city() != null) {
      doc.add(new SortedSetDocValuesFacetField(FACET_CITY, p.city()));
    }
    return doc;
  }

  private static void addFamily(Document doc, TextFamily family, String text) {
    doc.add(new Field(SPELL, text, SPELLING));
    doc.add(new Field(family.base(), text, STORED_WITH_OFFSETS));
    doc.add(new Field(family.exact(), text, WITH_OFFSETS));
    doc.add(new Field(family.folded(), text, WITH_OFFSETS));
    doc.add(new Field(family.parts(), text, WITH_OFFSETS));
  }

  /** Sort key: case- and accent-insensitive, so "Öko" sorts with "O". */
  public static String sortKey(String name) {
    String decomposed = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD);
    return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
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
