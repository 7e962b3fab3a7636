package org.partnersearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scored in windows, the best of a word's alternatives finds every document the disjunction-max
 * query finds, in the same order with the same scores, over several windows and segments and with
 * deleted documents; nested in a larger query it is that query.
 */
class BestAlternativeQueryTest {
  private static final List<String> WORDS =
      List.of("krebs", "forschung", "cancer", "research", "zentrum", "klinik", "dresden");

  @TempDir static Path dir;
  static Directory directory;
  static DirectoryReader reader;

  @BeforeAll
  static void index() throws Exception {
    directory = FSDirectory.open(dir);
    Random random = new Random(7);
    try (IndexWriter writer =
        new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (int i = 0; i < 12_000; i++) {
        Document doc = new Document();
        doc.add(new StringField("id", Integer.toString(i), Field.Store.NO));
        doc.add(new TextField("name", words(random, 1 + random.nextInt(3)), Field.Store.NO));
        doc.add(new TextField("text", words(random, 3 + random.nextInt(12)), Field.Store.NO));
        writer.addDocument(doc);
        if (i % 6_000 == 5_999) {
          writer.commit(); // several segments
        }
      }
      for (int i = 0; i < 12_000; i += 7) {
        writer.deleteDocuments(new Term("id", Integer.toString(i)));
      }
    }
    reader = DirectoryReader.open(directory);
  }

  @AfterAll
  static void close() throws Exception {
    reader.close();
    directory.close();
  }

  private static String words(Random random, int n) {
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < n; k++) {
      // skewed: the first four words are in most documents, as "Forschung" is
      int word = random.nextInt(WORDS.size() + 4) % (random.nextBoolean() ? 4 : WORDS.size());
      text.append(WORDS.get(word)).append(' ');
    }
    return text.toString();
  }

  /** As the query factory builds a compound: as typed | its parts together | a translation. */
  private static BestAlternativeQuery compound() {
    Query asTyped =
        or(new BoostQuery(term("name", "krebs"), 10f), new BoostQuery(term("text", "krebs"), 2f));
    Query parts =
        new BooleanQuery.Builder()
            .add(or(term("name", "forschung"), term("text", "forschung")), Occur.MUST)
            .add(or(term("name", "zentrum"), term("text", "zentrum")), Occur.MUST)
            .build();
    Query phrase =
        or(
            new PhraseQuery("name", "cancer", "research"),
            new PhraseQuery("text", "cancer", "research"));
    return new BestAlternativeQuery(
        List.of(asTyped, new BoostQuery(parts, 0.6f), new BoostQuery(phrase, 0.5f)));
  }

  private static Query term(String field, String text) {
    return new TermQuery(new Term(field, text));
  }

  private static Query or(Query... clauses) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Query q : clauses) {
      any.add(q, Occur.SHOULD);
    }
    return any.build();
  }

  private static TopDocs everyMatch(Query query) throws Exception {
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setQueryCache(null);
    return searcher.search(
        query, new TopScoreDocCollectorManager(reader.maxDoc(), null, Integer.MAX_VALUE));
  }

  @Test
  void scoresEveryMatchAsTheDisjunctionMaxQueryDoes() throws Exception {
    BestAlternativeQuery best = compound();
    TopDocs windowed = everyMatch(best);
    TopDocs max = everyMatch(best.alternatives());
    assertTrue(max.scoreDocs.length > 4_096, "matches span several windows");
    assertEquals(max.totalHits, windowed.totalHits);
    assertEquals(render(max), render(windowed));
  }

  @Test
  void nestedInAConjunctionItIsTheDisjunctionMaxQuery() throws Exception {
    Query city = term("text", "dresden");
    BestAlternativeQuery best = compound();
    TopDocs nested =
        everyMatch(new BooleanQuery.Builder().add(best, Occur.MUST).add(city, Occur.MUST).build());
    TopDocs max =
        everyMatch(
            new BooleanQuery.Builder()
                .add(best.alternatives(), Occur.MUST)
                .add(city, Occur.MUST)
                .build());
    assertTrue(max.scoreDocs.length > 100);
    assertEquals(render(max), render(nested));
  }

  @Test
  void iteratedAsAFilteredSearchDoesItFindsTheSameMatchesAndScores() throws Exception {
    IndexSearcher searcher = new IndexSearcher(reader);
    BestAlternativeQuery best = compound();
    Weight windowed = searcher.createWeight(best, ScoreMode.COMPLETE, 1f);
    Weight max = searcher.createWeight(best.alternatives(), ScoreMode.COMPLETE, 1f);
    Random jumps = new Random(3);
    int compared = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      Scorer a = windowed.scorerSupplier(leaf).get(Long.MAX_VALUE);
      Scorer b = max.scorer(leaf);
      int target = 0;
      while (true) {
        // leaps of up to three windows, and single steps
        int doc = a.iterator().advance(target);
        assertEquals(b.iterator().advance(target), doc);
        if (doc == DocIdSetIterator.NO_MORE_DOCS) {
          break;
        }
        assertEquals(b.score(), a.score(), "doc " + doc);
        compared++;
        target = doc + 1 + (jumps.nextInt(100) > 0 ? 0 : jumps.nextInt(3 * 2048));
      }
    }
    assertTrue(compared > 200, compared + " matches compared");
  }

  @Test
  void explainsAsTheDisjunctionMaxQuery() throws Exception {
    IndexSearcher searcher = new IndexSearcher(reader);
    BestAlternativeQuery best = compound();
    int doc = everyMatch(best).scoreDocs[0].doc;
    assertEquals(
        searcher.explain(best.alternatives(), doc).toString(),
        searcher.explain(best, doc).toString());
  }

  /** Every match as doc=score, in rank order (ties by doc id, as the collector breaks them). */
  private static String render(TopDocs hits) {
    StringBuilder s = new StringBuilder();
    for (ScoreDoc d : hits.scoreDocs) {
      s.append(d.doc).append('=').append(d.score).append('\n');
    }
    return s.toString();
  }
}
