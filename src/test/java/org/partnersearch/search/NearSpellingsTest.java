package org.partnersearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
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

  @Test
  void aScanOfTheTermsFindsWhatTheAutomatonFinds() throws Exception {
    List<String> typed = List.of("kernphysik", "julich", "forschung", "beschleuniger", "gebaude");
    Random random = new Random(42);
    try (Directory variants = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(variants, new IndexWriterConfig(IndexSchema.indexAnalyzer(analyzers)))) {
        for (String word : typed) {
          StringBuilder text = new StringBuilder("Jülich Gebäude Forschungsgebäude ");
          for (int i = 0; i < 300; i++) {
            text.append(edited(word, 1 + random.nextInt(3), random)).append(' ');
          }
          Document doc = new Document();
          doc.add(new TextField(FIELD, text.toString(), Field.Store.NO));
          writer.addDocument(doc);
          writer.flush();
        }
      }
      try (DirectoryReader variantReader = DirectoryReader.open(variants)) {
        assertTrue(NearSpellings.scans(variantReader, List.of(FIELD)));
        for (String word : typed) {
          for (int edits = 1; edits <= 2; edits++) {
            Map<String, Float> found = NearSpellings.of(word, edits).in(variantReader, FIELD);
            assertTrue(found.size() > 3, word + ": " + found);
            assertEquals(
                found,
                NearSpellings.scanning(word, edits).in(variantReader, FIELD),
                word + ", " + edits + " edits");
          }
        }
      }
    }
  }

  /** {@code word} with {@code edits} random substitutions, insertions, deletions or swaps. */
  private static String edited(String word, int edits, Random random) {
    StringBuilder w = new StringBuilder(word);
    for (int e = 0; e < edits && w.length() > 2; e++) {
      int at = random.nextInt(w.length() - 1);
      char letter = "abcdeghiklnorstuäöü".charAt(random.nextInt(19));
      switch (random.nextInt(4)) {
        case 0 -> w.setCharAt(at, letter);
        case 1 -> w.insert(at, letter);
        case 2 -> w.deleteCharAt(at);
        default -> {
          char c = w.charAt(at);
          w.setCharAt(at, w.charAt(at + 1));
          w.setCharAt(at + 1, c);
        }
      }
    }
    return w.toString();
  }

  private static int[] cp(String s) {
    return s.codePoints().toArray();
  }
}
