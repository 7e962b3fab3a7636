package org.partnersearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

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
import org.apache.lucene.index.TermStates;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terms enums kept from search to search: a later search of the same reader gets them back and
 * finds the same terms; another reader gets its own; no more than a few sets are kept.
 */
class TermsEnumPoolTest {
  @TempDir Path dir;

  private static void index(Directory directory, String... texts) throws IOException {
    try (IndexWriter writer =
        new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (String text : texts) {
        Document doc = new Document();
        doc.add(new TextField("text", text, Field.Store.NO));
        writer.addDocument(doc);
        writer.commit(); // a segment each
      }
    }
  }

  private static String found(IndexedTerms indexed, String text) {
    TermStates states = indexed.states("text", text);
    return states == null ? text + " nowhere" : text + " in " + states.docFreq();
  }

  @Test
  void aLaterSearchOfTheSameReaderFindsTheSameTermsWithTheKeptEnums() throws IOException {
    try (Directory directory = FSDirectory.open(dir)) {
      index(directory, "krebs forschung", "forschung dresden", "zentrum");
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        TermsEnumPool pool = new TermsEnumPool();
        TermsEnumPool.Enums first = pool.borrow(reader);
        List<String> before = new ArrayList<>();
        for (String word : List.of("forschung", "zentrum", "leipzig", "krebs")) {
          before.add(found(new IndexedTerms(reader, first), word));
        }
        assertEquals(
            List.of("forschung in 2", "zentrum in 1", "leipzig nowhere", "krebs in 1"), before);
        pool.giveBack(first);
        TermsEnumPool.Enums second = pool.borrow(reader);
        assertSame(first, second);
        IndexedTerms later = new IndexedTerms(reader, second);
        assertEquals("krebs in 1", found(later, "krebs"));
        assertEquals("dresden in 1", found(later, "dresden"));
        assertEquals("forschung in 2", found(later, "forschung"));
        assertNull(later.states("text", "aaa"));
      }
    }
  }

  @Test
  void anotherReaderGetsItsOwnAndOnlyAFewSetsAreKept() throws IOException {
    try (Directory directory = FSDirectory.open(dir)) {
      index(directory, "krebs");
      try (DirectoryReader older = DirectoryReader.open(directory)) {
        index(directory, "zentrum");
        try (DirectoryReader newer = DirectoryReader.open(directory)) {
          TermsEnumPool pool = new TermsEnumPool();
          TermsEnumPool.Enums ofOlder = pool.borrow(older);
          pool.giveBack(ofOlder);
          TermsEnumPool.Enums ofNewer = pool.borrow(newer);
          assertNotSame(ofOlder, ofNewer);
          assertEquals("zentrum in 1", found(new IndexedTerms(newer, ofNewer), "zentrum"));
          // the older reader's set was dropped when it came up
          assertNotSame(ofOlder, pool.borrow(older));

          List<TermsEnumPool.Enums> lent = new ArrayList<>();
          for (int i = 0; i < TermsEnumPool.KEPT + 3; i++) {
            lent.add(pool.borrow(newer));
          }
          lent.forEach(pool::giveBack);
          List<TermsEnumPool.Enums> again = new ArrayList<>();
          for (int i = 0; i < TermsEnumPool.KEPT + 3; i++) {
            again.add(pool.borrow(newer));
          }
          assertEquals(
              TermsEnumPool.KEPT, again.stream().filter(lent::contains).count(), "kept, no more");
        }
      }
    }
  }
}
