package org.partnersearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnersearch.corpus.LocalizedText;
import org.partnersearch.corpus.Partner;

/**
 * The partners of recent hits are read once per generation, never across generations, and no more
 * than the bound are kept.
 */
class RecentPartnersTest {
  @TempDir Path dir;

  @Test
  void aHitsPartnerIsReadOncePerGeneration() throws Exception {
    try (Directory directory = FSDirectory.open(dir)) {
      write(directory, 2);
      RecentPartners recent = new RecentPartners();
      AtomicInteger reads = new AtomicInteger();
      try (DirectoryReader first = DirectoryReader.open(directory)) {
        Partner p = recent.get(first, 1, doc -> partner(doc, reads));
        assertSame(p, recent.get(first, 1, doc -> partner(doc, reads)));
        assertEquals(1, reads.get());
      }
      write(directory, 1);
      try (DirectoryReader second = DirectoryReader.open(directory)) {
        recent.get(second, 1, doc -> partner(doc, reads));
        assertEquals(2, reads.get(), "a new generation reads its own partner");
      }
    }
  }

  @Test
  void noMoreThanTheBoundAreKept() throws Exception {
    try (Directory directory = FSDirectory.open(dir)) {
      write(directory, 1);
      RecentPartners recent = new RecentPartners();
      AtomicInteger reads = new AtomicInteger();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        for (int doc = 0; doc < RecentPartners.MAX_PARTNERS + 100; doc++) {
          recent.get(reader, doc, d -> partner(d, reads));
        }
        assertEquals(RecentPartners.MAX_PARTNERS, recent.size());
        recent.get(reader, 0, d -> partner(d, reads));
        assertEquals(RecentPartners.MAX_PARTNERS + 101, reads.get(), "the eldest was dropped");
      }
    }
  }

  private static void write(Directory directory, int docs) throws Exception {
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      List<Document> added = new ArrayList<>();
      for (int i = 0; i < docs; i++) {
        added.add(new Document());
      }
      writer.addDocuments(added);
    }
  }

  private static Partner partner(int doc, AtomicInteger reads) {
    reads.incrementAndGet();
    return new Partner(
        "p" + doc,
        "Partner " + doc,
        null,
        List.of(),
        "university",
        "dresden",
        List.of(),
        List.of(),
        List.of(),
        null,
        new LocalizedText("", ""));
  }
}
