package org.partnersearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnersearch.analysis.Analyzers;
import org.partnersearch.analysis.GermanDecompounder;
import org.partnersearch.index.IndexSchema;
import org.partnersearch.index.SearchableText;

/**
 * Near spellings come from the words as written and their folded variants, weighed as FuzzyQuery
 * does.
 */
class NearSpellingsTest {
  static Analyzers analyzers;
  static Directory dir;
  static DirectoryReader reader;
  static final String FIELD = SearchableText.DESCRIPTION_DE.field();

  @BeforeAll
  static void index() throws Exception {
    analyzers = new Analyzers(new GermanDecompounder());
    dir = new ByteBuffersDirectory();
    try (IndexWriter writer =
        new IndexWriter(dir, new IndexWriterConfig(IndexSchema.indexAnalyzer(analyzers)))) {
      for (String text :
          List.of(
              "Kerntechnik und Kernphysik",
              "Forschungszentrum Jülich",
              "Endlagerforschung",
              "Beschleunigern")) {
        Document doc = new Document();
        doc.add(new TextField(FIELD, text, Field.Store.NO));
        writer.addDocument(doc);
        writer.flush(); // several segments, as a grown index has
      }
    }
    reader = DirectoryReader.open(dir);
  }

  @AfterAll
  static void close() throws Exception {
    reader.close();
    dir.close();
    analyzers.close();
  }

  @Test
  void findsWordsAsWrittenWithinTheEditsAndWeighsThemLikeFuzzyQuery() throws Exception {
    assertEquals(
        Map.of("kerntechnik", 1f - 2f / 10), NearSpellings.of("kernteknik", 2).in(reader, FIELD));
    assertEquals(
        Map.of("kernphysik", 1f - 1f / 10), NearSpellings.of("kernphysic", 1).in(reader, FIELD));
  }

  @Test
  void findsTheFoldedVariantOfAWordWithUmlauts() throws Exception {
    assertEquals(Map.of("^julich", 1f - 1f / 6), NearSpellings.of("julcih", 1).in(reader, FIELD));
  }

  @Test
  void leavesStemsAndCompoundPartsOut() throws Exception {
    assertEquals(
        Map.of(), NearSpellings.of("endlagr", 1).in(reader, FIELD), "endlager is only a part here");
    assertEquals(
        Map.of("beschleunigern", 1f - 1f / 13),
        NearSpellings.of("beschleunigen", 1).in(reader, FIELD));
  }

  @Test
  void countsOneEditAsTheAutomataDo() throws Exception {
    assertTrue(NearSpellings.withinOneEdit(cp("kernphysik"), cp("kernphysic")), "a substitution");
    assertTrue(
        NearSpellings.withinOneEdit(cp("kernphysik"), cp("kernphyisk")), "neighbours swapped");
    assertTrue(NearSpellings.withinOneEdit(cp("julich"), cp("jullich")), "an insertion");
    assertTrue(NearSpellings.withinOneEdit(cp("julich"), cp("jlich")), "a deletion");
    assertFalse(NearSpellings.withinOneEdit(cp("kerntechnik"), cp("kernteknik")), "two edits");
    assertFalse(NearSpellings.withinOneEdit(cp("kernphysik"), cp("kernphsyki")), "two swaps");
    assertEquals(
        Map.of("kernphysik", 1f - 1f / 10),
        NearSpellings.of("kernphisik", 2).in(reader, FIELD),
        "one edit weighs as one inside the two-edit automaton");
  }

  private static int[] cp(String s) {
    return s.codePoints().toArray();
  }
}
