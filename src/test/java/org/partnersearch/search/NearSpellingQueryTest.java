package org.partnersearch.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shared-automata near-spelling query finds and scores exactly what Lucene's FuzzyQuery does. */
class NearSpellingQueryTest {
  private static final List<String> DOCS = List.of(
      "kerntechnik kernphysik strahlenforschung", "kerntechnik technik", "chemnitz chemie", "chemnitz",
      "freiberg freiburg", "technetium radiopharmaka", "radiopharmaceutical radiopharmaceuticals",
      "universitat universitaten", "strahlung strahlen strahlenforschung", "krebsforschung krebs");

  @ParameterizedTest
  @CsvSource({"kerntechnk,1", "kernteknik,2", "chemintz,1", "freiburg,1", "tecnetium,1", "tecnetium,2",
      "radiopharmaceutcal,2", "universitat,2", "strahlenforchung,2", "krebsforshung,2", "zzzzzz,1", "chemnitz,1"})
  void findsAndScoresWhatFuzzyQueryDoes(String word, int edits) throws Exception {
    try (Directory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
      for (String text : DOCS) {
        Document doc = new Document();
        doc.add(new TextField("f", text, Field.Store.NO));
        writer.addDocument(doc);
        writer.flush(); // several segments, as a grown index has
      }
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Query fuzzy = new FuzzyQuery(new Term("f", word), edits, 1, FuzzyQuery.defaultMaxExpansions, true);
        Query ours = new NearSpellingQuery("f", NearSpellingQuery.Automata.of(word, edits));
        TopDocs expected = searcher.search(fuzzy, 20);
        TopDocs actual = searcher.search(ours, 20);
        assertEquals(expected.totalHits.value, actual.totalHits.value, word);
        assertArrayEquals(docs(expected), docs(actual), word);
        for (int i = 0; i < expected.scoreDocs.length; i++) {
          assertEquals(expected.scoreDocs[i].score, actual.scoreDocs[i].score, 1e-5f, word);
        }
        if (!word.equals("zzzzzz")) {
          assertTrue(actual.totalHits.value > 0, word);
        }
      }
    }
  }

  private static int[] docs(TopDocs top) {
    return Arrays.stream(top.scoreDocs).mapToInt(sd -> sd.doc).toArray();
  }
}
