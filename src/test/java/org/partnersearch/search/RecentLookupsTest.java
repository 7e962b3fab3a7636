package org.partnersearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnersearch.analysis.Analyzers;
import org.partnersearch.analysis.Chain;
import org.partnersearch.analysis.GermanDecompounder;

/**
 * What searches look up is shared with the next ones of the same generation only, and within
 * bounds, whatever is typed: terms in the dictionary, and the analysis of typed words.
 */
class RecentLookupsTest {
  @TempDir Path dir;

  @Test
  void aTermIsSoughtOncePerGenerationAndAgainInTheNext() throws Exception {
    try (Directory directory = FSDirectory.open(dir)) {
      write(directory, "forschung");
      RecentLookups recent = new RecentLookups();
      Term forschung = new Term("name", "forschung");
      try (DirectoryReader first = DirectoryReader.open(directory)) {
        assertTrue(new IndexedTerms(first, recent).has("name", "forschung"));
        assertFalse(new IndexedTerms(first, recent).has("name", "technik"));
        assertTrue(recent.has(first, forschung, () -> false), "answered from the first lookup");
      }
      write(directory, "technik");
      try (DirectoryReader second = DirectoryReader.open(directory)) {
        assertTrue(
            new IndexedTerms(second, recent).has("name", "technik"),
            "the new generation's own dictionary");
      }
    }
  }

  @Test
  void aFloodOfNewTermsStaysWithinTheBound() throws Exception {
    try (Directory directory = FSDirectory.open(dir)) {
      write(directory, "forschung");
      RecentLookups recent = new RecentLookups();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        for (int i = 0; i < RecentLookups.MAX_TERMS + 100; i++) {
          new IndexedTerms(reader, recent).has("name", "w" + i);
        }
        assertEquals(RecentLookups.MAX_TERMS, recent.size());
      }
    }
  }

  @Test
  void aTypedTextIsAnalysedOnceWhileRecentAndLongOnesNever() {
    TypedWords typed = new TypedWords(new Analyzers(new GermanDecompounder()));
    List<WordForms> words = typed.of(Chain.GERMAN_VARIANTS, "Universitäten");
    assertSame(words, typed.of(Chain.GERMAN_VARIANTS, "Universitäten"));
    assertEquals(1, typed.cached());
    String longText = "Forschung ".repeat(20);
    assertEquals(20, typed.of(Chain.GERMAN_VARIANTS, longText).size());
    assertEquals(1, typed.cached(), "a long text is not kept");
    for (int i = 0; i < TypedWords.MAX_TEXTS + 100; i++) {
      typed.of(Chain.ENGLISH_VARIANTS, "word" + i);
    }
    assertEquals(TypedWords.MAX_TEXTS, typed.cached());
  }

  private static void write(Directory directory, String name) throws Exception {
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      Document doc = new Document();
      doc.add(new StringField("name", name, Field.Store.NO));
      writer.addDocument(doc);
    }
  }
}
