package org.partnersearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnersearch.analysis.Analyzers;
import org.partnersearch.analysis.GermanDecompounder;
import org.partnersearch.index.IndexSchema;

/** Query building limits that protect the server, checked on the built Lucene query. */
class QueryFactoryTest {
  static Analyzers analyzers;
  static QueryFactory queries;
  static Glossary noGlossary;
  /** Knows no word, so every eligible word looks for near spellings. */
  static IndexReader emptyIndex;

  @BeforeAll
  static void build() throws Exception {
    GermanDecompounder decompounder = new GermanDecompounder();
    analyzers = new Analyzers(decompounder);
    queries = new QueryFactory(IndexSchema.queryAnalyzer(analyzers), decompounder);
    noGlossary = new GlossaryFactory(analyzers).create(List.of());
    emptyIndex = new MultiReader();
  }

  @AfterAll
  static void close() {
    analyzers.close();
  }

  private static int fuzzyWords(Query q) {
    java.util.Set<String> words = new java.util.HashSet<>();
    q.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
        return this;
      }

      @Override
      public void consumeTermsMatching(Query query, String field, java.util.function.Supplier<ByteRunAutomaton> automaton) {
        if (query instanceof NearSpellingQuery nearSpelling) {
          words.add(nearSpelling.term().text());
        }
      }
    });
    return words.size();
  }

  @Test
  void nearSpellingsAreLookedForInAtMostFiveWords() {
    String many = "Endlagerung Strahlenforschung Kerntechnik Beschleuniger Universitaet Werkstoffe Rohstoffe Tumoren";
    Query q = queries.build(new UserQueryParser().parse(many), noGlossary, false, emptyIndex);
    assertEquals(QueryFactory.MAX_TYPO_WORDS, fuzzyWords(q));
  }

  @Test
  void shortWordsAndAcronymsGetNoNearSpellings() {
    assertEquals(0, fuzzyWords(queries.build(new UserQueryParser().parse("HZDR DAEF ct.qmat KIT Ulm OncoRay"), noGlossary, false, emptyIndex)));
    assertEquals(1, fuzzyWords(queries.build(new UserQueryParser().parse("Kernteknik"), noGlossary, false, emptyIndex)));
  }

  @Test
  void aWordTheIndexHasAsTypedGetsNoNearSpellings() throws Exception {
    try (Directory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(IndexSchema.indexAnalyzer(analyzers)))) {
      Document doc = new Document();
      doc.add(new TextField(IndexSchema.DESCRIPTION_DE.folded(), "Forschung zur Kerntechnik", Field.Store.NO));
      doc.add(new TextField(IndexSchema.DESCRIPTION_DE.parts(), "Forschung an der Anlage", Field.Store.NO));
      writer.addDocument(doc);
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(0, fuzzyWords(queries.build(new UserQueryParser().parse("Kerntechnik"), noGlossary, false, reader)));
        assertEquals(1, fuzzyWords(queries.build(new UserQueryParser().parse("Kernteknik"), noGlossary, false, reader)));
        assertEquals(1, fuzzyWords(queries.build(new UserQueryParser().parse("Kerntechnik Kernteknik"), noGlossary, false,
            reader)));
        assertEquals(0, fuzzyWords(queries.build(new UserQueryParser().parse("Forschungsanlage"), noGlossary, false, reader)),
            "a compound of known words is not misspelt");
        assertEquals(1, fuzzyWords(queries.build(new UserQueryParser().parse("Freiburg"), noGlossary, false, reader)),
            "frei + burg, but the index has no burg");
      }
    }
  }
}
