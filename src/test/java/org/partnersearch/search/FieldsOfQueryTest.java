package org.partnersearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The highlighter's per-family query keeps exactly the clauses that can match in the family's fields. */
class FieldsOfQueryTest {
  private static final Set<String> NAME = Set.of("name", "name_folded");
  private static Directory dir;
  private static DirectoryReader reader;
  private FieldsOfQuery parts;

  /** An index that has every term the tests use except name:absent. */
  @BeforeAll
  static void index() throws Exception {
    dir = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
      Document doc = new Document();
      for (String field : List.of("name", "name_folded", "description", "areas")) {
        doc.add(new TextField(field, "krebs forschung dresden x", Field.Store.NO));
      }
      writer.addDocument(doc);
    }
    reader = DirectoryReader.open(dir);
  }

  @AfterAll
  static void close() throws Exception {
    reader.close();
    dir.close();
  }

  @BeforeEach
  void parts() {
    parts = new FieldsOfQuery(reader);
  }

  private static Query term(String field, String text) {
    return new TermQuery(new Term(field, text));
  }

  private static Query allOf(Query... queries) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query q : queries) {
      b.add(q, Occur.MUST);
    }
    return b.build();
  }

  @Test
  void topLevelWordsBecomeOptionalAndOtherFieldsGo() {
    Query word1 = new DisjunctionMaxQuery(List.of(term("name", "krebs"), term("description", "krebs")), 0.1f);
    Query word2 = new BoostQuery(new DisjunctionMaxQuery(List.of(term("areas", "dresden")), 0f), 2f);
    BooleanQuery.Builder top = new BooleanQuery.Builder()
        .add(word1, Occur.MUST).add(word2, Occur.MUST).add(term("name", "x"), Occur.MUST_NOT);

    Query expected = new BooleanQuery.Builder()
        .add(new DisjunctionMaxQuery(List.of(term("name", "krebs")), 0.1f), Occur.SHOULD).build();
    assertEquals(expected, parts.of(top.build(), NAME));
  }

  @Test
  void termsTheIndexLacksGo() {
    Query top = new BooleanQuery.Builder()
        .add(new DisjunctionMaxQuery(List.of(term("name", "absent"), term("name", "krebs")), 0f), Occur.MUST)
        .add(allOf(term("name", "absent"), term("name", "forschung")), Occur.SHOULD).build();

    Query expected = new BooleanQuery.Builder()
        .add(new DisjunctionMaxQuery(List.of(term("name", "krebs")), 0f), Occur.SHOULD).build();
    assertEquals(expected, parts.of(top, NAME));
  }

  @Test
  void aCompoundsPartsAreKeptOnlyIfAllCanMatchInTheFamily() {
    Query spread = allOf(term("name", "krebs"), term("description", "forschung"));
    Query together = allOf(term("name", "krebs"), term("name_folded", "forschung"));
    Query top = new BooleanQuery.Builder()
        .add(new DisjunctionMaxQuery(List.of(spread, together), 0f), Occur.MUST).build();

    Query expected = new BooleanQuery.Builder()
        .add(new DisjunctionMaxQuery(List.of(together), 0f), Occur.SHOULD).build();
    assertEquals(expected, parts.of(top, NAME));
    assertNull(parts.of(top, Set.of("people")));
  }
}
