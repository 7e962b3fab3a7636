package org.partnersearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disjunction in a segment smaller than Lucene's bulk-scoring window is scored doc by doc, with
 * the same matches and scores as Lucene's own bulk scorer; a larger segment keeps Lucene's.
 */
class SmallSegmentsTest {
  private static final String[] WORDS = {"krebs", "forschung", "zentrum", "klinik", "dresden"};

  @TempDir Path dir;
  private final List<Directory> directories = new ArrayList<>();

  @AfterEach
  void close() throws IOException {
    IOUtils.close(directories);
  }

  private DirectoryReader index(int docs) throws IOException {
    Directory directory = FSDirectory.open(dir.resolve("index-" + docs));
    directories.add(directory);
    try (IndexWriter writer =
        new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (int i = 0; i < docs; i++) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < WORDS.length; w++) {
          if ((i + 1) % (w + 2) == 0) {
            text.append(WORDS[w]).append(' ');
          }
        }
        Document doc = new Document();
        doc.add(
            new TextField(
                "text", text.append(i % 3 == 0 ? "krebs" : "").toString(), Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.forceMerge(1);
    }
    return DirectoryReader.open(directory);
  }

  private static Query disjunction() {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (int w = 0; w < WORDS.length; w++) {
      any.add(new BoostQuery(new TermQuery(new Term("text", WORDS[w])), w + 1f), Occur.SHOULD);
    }
    return any.build();
  }

  /** Every match of the segment as "doc=score", in the order scored. */
  private static List<String> scored(BulkScorer bulk, LeafReaderContext leaf) throws IOException {
    List<String> matches = new ArrayList<>();
    bulk.score(
        new LeafCollector() {
          private Scorable scorer;

          @Override
          public void setScorer(Scorable scorer) {
            this.scorer = scorer;
          }

          @Override
          public void collect(int doc) throws IOException {
            matches.add(doc + "=" + scorer.score());
          }
        },
        leaf.reader().getLiveDocs());
    return matches;
  }

  @Test
  void aSmallSegmentIsScoredDocByDocWithLucenesScores() throws IOException {
    try (DirectoryReader reader = index(40)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Weight weight =
          searcher.createWeight(searcher.rewrite(disjunction()), ScoreMode.COMPLETE, 1f);
      LeafReaderContext leaf = reader.leaves().get(0);
      BulkScorer lucene = weight.bulkScorer(leaf);
      BulkScorer small = SmallSegments.bulkScorer(weight, leaf);
      assertEquals("BooleanScorer", lucene.getClass().getSimpleName());
      assertNotEquals(lucene.getClass(), small.getClass());
      List<String> expected = scored(lucene, leaf);
      assertTrue(expected.size() > 20, "most documents match");
      assertEquals(expected, scored(SmallSegments.bulkScorer(weight, leaf), leaf));
    }
  }

  @Test
  void aSegmentOfAWholeWindowKeepsLucenesBulkScorer() throws IOException {
    try (DirectoryReader reader = index(SmallSegments.WINDOW)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Weight weight =
          searcher.createWeight(searcher.rewrite(disjunction()), ScoreMode.COMPLETE, 1f);
      LeafReaderContext leaf = reader.leaves().get(0);
      assertEquals(
          "BooleanScorer", SmallSegments.bulkScorer(weight, leaf).getClass().getSimpleName());
    }
  }

  @Test
  void aSegmentWithoutAMatchHasNoScorer() throws IOException {
    try (DirectoryReader reader = index(10)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Query nowhere = new TermQuery(new Term("text", "nirgends"));
      Weight weight = searcher.createWeight(nowhere, ScoreMode.COMPLETE, 1f);
      assertEquals(null, SmallSegments.bulkScorer(weight, reader.leaves().get(0)));
    }
  }
}
