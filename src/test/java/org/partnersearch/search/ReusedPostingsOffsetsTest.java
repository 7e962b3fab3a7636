package org.partnersearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The highlighter with its enums reused from hit to hit marks exactly what Lucene's own offsets
 * strategy marks: over hits in several segments, hits that lack some of the terms, and a phrase.
 */
class ReusedPostingsOffsetsTest {
  private static final String[] TEXTS = {
    "Cancer research in Dresden. The centre works on radiation.",
    "A clinic for children. Nothing else here.",
    "Radiation research and cancer care. Cancer again.",
    "Research on materials in Freiberg.",
    "Cancer research centre. Radiation therapy research.",
    "Dresden and Leipzig, research in both."
  };

  @TempDir Path dir;

  @Test
  void marksTheSameAsLucenesOwnStrategy() throws IOException {
    Analyzer analyzer = new StandardAnalyzer();
    FieldType withOffsets = new FieldType();
    withOffsets.setTokenized(true);
    withOffsets.setStored(true);
    withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    withOffsets.freeze();
    try (Directory directory = FSDirectory.open(dir)) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
        for (int i = 0; i < TEXTS.length; i++) {
          Document doc = new Document();
          doc.add(new Field("text", TEXTS[i], withOffsets));
          writer.addDocument(doc);
          if (i % 2 == 1) {
            writer.commit(); // several segments
          }
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertTrue(reader.leaves().size() > 1);
        IndexSearcher searcher = new IndexSearcher(reader);
        Query query =
            new BooleanQuery.Builder()
                .add(new TermQuery(new Term("text", "cancer")), Occur.SHOULD)
                .add(new TermQuery(new Term("text", "radiation")), Occur.SHOULD)
                .add(new TermQuery(new Term("text", "dresden")), Occur.SHOULD)
                .add(new PhraseQuery("text", "research", "centre"), Occur.SHOULD)
                .build();
        int[] docs = {0, 1, 2, 3, 4, 5};
        int[] passages = {2};
        UnifiedHighlighter lucene =
            UnifiedHighlighter.builder(searcher, analyzer).withWeightMatches(false).build();
        UnifiedHighlighter reused =
            new UnifiedHighlighter(
                UnifiedHighlighter.builder(searcher, analyzer).withWeightMatches(false)) {
              @Override
              protected FieldOffsetStrategy getOffsetStrategy(
                  OffsetSource offsetSource, UHComponents components) {
                assertEquals(OffsetSource.POSTINGS, offsetSource);
                return new ReusedPostingsOffsets(components);
              }
            };
        String[] expected =
            lucene.highlightFields(new String[] {"text"}, query, docs, passages).get("text");
        String[] marked =
            reused.highlightFields(new String[] {"text"}, query, docs, passages).get("text");
        assertEquals(Arrays.asList(expected), Arrays.asList(marked));
        assertTrue(marked[4].contains("<b>Cancer</b>") && marked[4].contains("<b>research</b>"));
      }
    }
  }
}
