package org.partnersearch.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnersearch.PartnerSearch;
import org.partnersearch.corpus.Lang;
import org.partnersearch.corpus.LocalizedText;
import org.partnersearch.corpus.Partner;
import org.partnersearch.corpus.Taxonomy;
import org.partnersearch.corpus.Vocabulary;
import org.partnersearch.index.BuildProgress;
import org.partnersearch.index.BuildReport;

/**
 * The suggester's files in a generation folder: written, verified, opened, and never half-written.
 */
class SuggesterStoreTest {
  private static final Vocabulary VOCABULARY =
      new Vocabulary(new Taxonomy(List.of()), List.of(), List.of(), List.of());
  private static final List<Partner> PARTNERS =
      List.of(
          partner(
              "daef",
              "Deutsche Arbeitsgemeinschaft Endlagerforschung",
              "German Working Group for Repository Research",
              "DAEF",
              "Research on the final disposal of radioactive waste.",
              "Forschung zur Endlagerung."),
          partner(
              "isz",
              "Ionenstrahlzentrum Rossendorf",
              "Ion Beam Centre Rossendorf",
              "ISZ",
              "Ion beams for materials science.",
              "Ein Zentrum für Ionen und Strahlen."),
          partner(
              "ukd",
              "Universitätsklinikum Dresden",
              "University Hospital Dresden",
              "UKD",
              "A university hospital in Dresden.",
              "Ein Klinikum der Forschung in Dresden."));

  static PartnerSearch app;
  static SuggesterStore store;

  @TempDir Path root;
  Path generation;

  @BeforeAll
  static void store() {
    app = new PartnerSearch();
    store = app.suggesters();
  }

  @AfterAll
  static void close() {
    app.close();
  }

  @Test
  void theSuggesterIsWrittenIntoTheGenerationFolderAndOpensFromIt() throws IOException {
    long entries = write(true);
    assertEquals(
        List.of("infix"), children(generation.resolve("suggest")), "no scratch or temp files");
    store.verify(generation, entries, false);
    opened(
        suggester -> {
          assertEquals(entries, suggester.size());
          // Terms that start with "endl" first (the shorter before the longer), then the
          // partner that has it later.
          assertEquals(
              List.of(
                  "term <mark>Endl</mark>agerung",
                  "term <mark>Endl</mark>agerforschung",
                  "partner daef Deutsche Arbeitsgemeinschaft <mark>Endl</mark>agerforschung"),
              shown(suggester, "endl"));
          // The term itself, then the entries that have it as a compound part, the part marked.
          assertEquals(
              List.of(
                  "term <mark>Forschung</mark>",
                  "partner daef Deutsche Arbeitsgemeinschaft Endlager<mark>forschung</mark>",
                  "term Endlager<mark>forschung</mark>"),
              shown(suggester, "forschung"));
        });
  }

  @Test
  void aCompoundTheDictionaryLeavesWholeIsFoundByTheCorpusWordsItIsMadeOf() throws IOException {
    write(true);
    opened(
        suggester -> {
          assertEquals(
              List.of(
                  "term <mark>Strahl</mark>en",
                  "partner isz Ionen<mark>strahl</mark>zentrum Rossendorf",
                  "term Ionen<mark>strahl</mark>zentrum"),
              shown(suggester, "strahl"));
          assertEquals(
              List.of(
                  "term <mark>Zentr</mark>um",
                  "partner isz Ionenstrahl<mark>zentr</mark>um Rossendorf",
                  "term Ionenstrahl<mark>zentr</mark>um"),
              shown(suggester, "zentr"));
        });
  }

  @Test
  void aShortPrefixFindsTheWordsItStartsButATypedShortWordOnlyThatWord() throws IOException {
    write(true);
    opened(
        suggester -> {
          assertEquals(
              List.of(
                  "term <mark>Zen</mark>trum",
                  "partner isz Ionenstrahl<mark>zen</mark>trum Rossendorf",
                  "term Ionenstrahl<mark>zen</mark>trum"),
              shown(suggester, "zen"));
          assertEquals(List.of(), shown(suggester, "zen "), "no entry has the word zen");
        });
  }

  /**
   * A word with a possessive ("Helmholtz's") is one word of its entry, as the typed side reads it
   * (its token spans one position), so the entry starts with the typed word.
   */
  @Test
  void anEntryThatStartsWithTheTypedWordAndAPossessiveComesBeforeEntriesWithItLater()
      throws IOException {
    generation =
        app.index(
                VOCABULARY,
                List.of(
                    partner(
                        "hfn",
                        "Helmholtz's Forschungszentrum Nord",
                        "Helmholtz's Research Centre North",
                        "HFN",
                        "Beams.",
                        "Strahlen."),
                    partner("ihz", "Institut Helmholtz", "Institute Helmholtz", "IHZ", "", "")),
                2,
                root,
                BuildProgress.NONE)
            .generation();
    opened(
        suggester -> {
          List<String> shown = shown(suggester, "helmholtz");
          assertEquals(
              "partner hfn <mark>Helmholtz</mark>&#x27;s Research Centre North",
              shown.get(0),
              shown.toString());
          assertTrue(
              shown.contains("partner ihz Institute <mark>Helmholtz</mark>"), shown.toString());
        });
  }

  @Test
  void theQueriesKeptForTypedWordsAreBoundedWhateverAVisitorTypes() throws IOException {
    write(true);
    opened(
        suggester -> {
          int most = 0;
          for (int i = 0; i < 5_000; i++) {
            suggester.suggest(new SuggestRequest("xv" + letters(i), 8, Lang.EN));
            most = Math.max(most, suggester.keptLastWords());
          }
          assertTrue(most > 1_000, "typed words' queries are kept: " + most);
          assertTrue(most <= 4_096, "at most 4,096 kept, but " + most);
          int before = suggester.keptLastWords();
          suggester.suggest(new SuggestRequest("z".repeat(60), 8, Lang.EN));
          assertEquals(before, suggester.keptLastWords(), "a long typed word is not kept");
        });
  }

  @Test
  void aPartnerComesBeforeTermsThatMorePartnerTextsHaveThanTheCorpusHasPartners()
      throws IOException {
    write(true);
    // At 1,000,000 partners a word each writes in both languages is in 2,000,000 partner texts.
    Path big = root.resolve("big");
    long entries;
    try (Directory dir = FSDirectory.open(generation);
        DirectoryReader index = DirectoryReader.open(dir);
        SuggestIndexWriter writer = store.writer(big, VOCABULARY)) {
      writer.splitBy(index);
      writer.add(PARTNERS.get(1));
      for (int i = 0; i < Suggester.CANDIDATES; i++) {
        writer.term("Ion" + letters(i), Set.of(Lang.EN), 2_000_000);
      }
      entries = writer.finish();
    }
    try (Directory dir = FSDirectory.open(generation);
        DirectoryReader index = DirectoryReader.open(dir);
        Suggester suggester = store.open(big, index, text -> List.of())) {
      assertEquals(entries, suggester.size());
      assertEquals(
          "partner isz <mark>Ion</mark> Beam Centre Rossendorf", shown(suggester, "ion").get(0));
    }
  }

  @Test
  void verificationCountsTheEntries() throws IOException {
    long entries = write(true);
    CorruptIndexException wrong =
        assertThrows(
            CorruptIndexException.class, () -> store.verify(generation, entries + 1, true));
    assertTrue(
        wrong.getMessage().contains("expected " + (entries + 1) + " entries but found " + entries),
        wrong.getMessage());
  }

  @Test
  void aSuggesterWhoseWriterWasNotFinishedDoesNotOpen() throws IOException {
    write(false);
    // No index either: the suggester is checked first.
    assertThrows(
        CorruptIndexException.class, () -> store.open(generation, null, text -> List.of()));
  }

  @Test
  void aGenerationWithoutASuggesterDoesNotOpen() {
    assertThrows(
        java.nio.file.NoSuchFileException.class, () -> store.open(root, null, text -> List.of()));
  }

  /**
   * A whole generation (the suggester's terms come from its index), or a suggester left unfinished.
   */
  private long write(boolean finish) throws IOException {
    if (finish) {
      BuildReport report =
          app.index(VOCABULARY, PARTNERS, PARTNERS.size(), root, BuildProgress.NONE);
      generation = report.generation();
      return report.suggesterEntries();
    }
    generation = root.resolve("unfinished");
    try (SuggestIndexWriter writer = store.writer(generation, VOCABULARY)) {
      assertThrows(IllegalStateException.class, () -> writer.add(PARTNERS.get(0)));
    }
    return 0;
  }

  /** The suggester of {@link #generation} opened as a server opens it, with its index. */
  private void opened(IOConsumer<Suggester> check) throws IOException {
    try (Directory dir = FSDirectory.open(generation);
        DirectoryReader index = DirectoryReader.open(dir);
        Suggester suggester = store.open(generation, index, text -> List.of())) {
      check.accept(suggester);
    }
  }

  /** {@code n} in the letters a to z only: a different word for every number. */
  private static String letters(int n) {
    StringBuilder word = new StringBuilder();
    do {
      word.append((char) ('a' + n % 26));
      n /= 26;
    } while (n > 0);
    return word.toString();
  }

  private static List<String> shown(Suggester suggester, String typed) {
    return suggester.suggest(new SuggestRequest(typed, 8, Lang.EN)).suggestions().stream()
        .map(s -> s.kind().code() + (s.id() == null ? "" : " " + s.id()) + " " + s.highlighted())
        .toList();
  }

  private static List<String> children(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static Partner partner(
      String id, String name, String nameEn, String alias, String en, String de) {
    return new Partner(
        id,
        name,
        nameEn,
        List.of(alias),
        "network",
        "Dresden",
        List.of(),
        List.of(),
        List.of(),
        null,
        new LocalizedText(en, de));
  }
}
