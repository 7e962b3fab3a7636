package org.partnersearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnersearch.analysis.Analyzers;
import org.partnersearch.analysis.GermanDecompounder;
import org.partnersearch.index.IndexSchema;
import org.partnersearch.index.SearchableText;
import org.partnersearch.serving.Glossary;
import org.partnersearch.serving.GlossaryFactory;

/** Query building: its size by construction, and the limits that protect the server. */
class QueryFactoryTest {
  static Analyzers analyzers;
  static QueryFactory queries;
  static Glossary noGlossary;
  static Directory dir;

  /**
   * Has one-letter misspellings of the words the tests type, and "Kerntechnik", "Forschung",
   * "Anlage".
   */
  static DirectoryReader reader;

  static final List<String> TYPED =
      List.of(
          "Endlagerung",
          "Strahlenforschung",
          "Beschleuniger",
          "Universitaet",
          "Werkstoffe",
          "Rohstoffe",
          "Tumoren",
          "Kernphysik");

  @BeforeAll
  static void build() throws Exception {
    GermanDecompounder decompounder = new GermanDecompounder();
    analyzers = new Analyzers(decompounder);
    queries = new QueryFactory(analyzers, decompounder);
    noGlossary = new GlossaryFactory(new GlossaryKeys(analyzers)::of).create(List.of());
    dir = new ByteBuffersDirectory();
    try (IndexWriter writer =
        new IndexWriter(dir, new IndexWriterConfig(IndexSchema.indexAnalyzer(analyzers)))) {
      Document doc = new Document();
      String misspelt =
          String.join(" ", TYPED.stream().map(w -> w.substring(0, w.length() - 1) + "x").toList());
      doc.add(new TextField(SearchableText.DESCRIPTION_DE.field(), misspelt, Field.Store.NO));
      doc.add(
          new TextField(
              SearchableText.DESCRIPTION_DE.field(),
              "Forschung zur Kerntechnik an der Anlage",
              Field.Store.NO));
      writer.addDocument(doc);
    }
    reader = DirectoryReader.open(dir);
  }

  @AfterAll
  static void close() throws Exception {
    reader.close();
    dir.close();
    analyzers.close();
  }

  private static Query build(String typed, IndexReader reader) {
    return queries.build(new UserQueryParser().parse(typed), noGlossary, false, reader);
  }

  /** The terms of the query that end in "x": the near spellings it found. */
  private static Set<String> nearSpellings(Query q) {
    Set<String> found = new HashSet<>();
    q.visit(
        new QueryVisitor() {
          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
          }

          @Override
          public void consumeTerms(Query query, Term... terms) {
            for (Term t : terms) {
              if (t.text().endsWith("x")) {
                found.add(t.text());
              }
            }
          }
        });
    return found;
  }

  @Test
  void nearSpellingsAreLookedForInAtMostFiveWords() {
    assertEquals(
        QueryFactory.MAX_TYPO_WORDS, nearSpellings(build(String.join(" ", TYPED), reader)).size());
  }

  @Test
  void aWordIsOneSynonymQueryPerSearchableTextThatHasItsTerms() {
    Set<String> fields = new HashSet<>();
    int[] synonymQueries = {0};
    build("Kernteknik", reader)
        .visit(
            new QueryVisitor() {
              @Override
              public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                if (parent instanceof SynonymQuery synonyms) {
                  synonymQueries[0]++;
                  fields.add(synonyms.getField());
                }
                return this;
              }
            });
    assertEquals(fields.size(), synonymQueries[0], "one per text");
    assertEquals(
        Set.of(SearchableText.DESCRIPTION_DE.field()),
        fields,
        "only texts that have one of its terms");
    assertTrue(
        SearchableText.values().length <= 8,
        "at most eight texts, so at most eight clauses a word");
  }

  @Test
  void shortWordsAcronymsAndKnownWordsGetNoNearSpellings() {
    assertEquals(Set.of(), nearSpellings(build("HZDR DAEF ct.qmat KIT Ulm OncoRay", reader)));
    assertEquals(Set.of(), nearSpellings(build("Kerntechnik", reader)), "known as typed");
    assertEquals(
        Set.of(), nearSpellings(build("Forschungsanlage", reader)), "a compound of known words");
    assertEquals(Set.of("tumorex"), nearSpellings(build("Tumoren", reader)));
  }
}
