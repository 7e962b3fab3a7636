package org.partnersearch.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the editors' check ({@code mvn -q -B test -Dtest=RealCorpusTest}) asks of a corpus beyond
 * loading cleanly. Every rule is a property of whatever the corpus holds, never a count or a list
 * of ids: adding a partner or rewording a text must not break it ({@link EditedCorpusTest} keeps
 * that true).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CorpusRules {
  private Corpus corpus;
  private Path dir;

  /** The corpus folder the rules are checked on. */
  abstract Path corpusDir() throws IOException;

  @BeforeAll
  void load() throws Exception {
    dir = corpusDir();
    corpus = new CorpusLoader().load(dir);
  }

  @Test
  void holdsOnePartnerPerFileSortedById() throws IOException {
    List<String> files;
    try (Stream<Path> list = Files.list(dir.resolve("partners"))) {
      files =
          list.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".yaml"))
              .map(n -> n.substring(0, n.length() - ".yaml".length()))
              .sorted()
              .toList();
    }
    assertFalse(files.isEmpty());
    assertEquals(files, corpus.partners().stream().map(Partner::id).toList());
  }

  @Test
  void everyPartnerHasAtLeastOneKnownAreaAndAKnownType() {
    for (Partner p : corpus.partners()) {
      assertFalse(p.researchAreas().isEmpty(), p.id());
      p.researchAreas()
          .forEach(a -> assertTrue(corpus.taxonomy().area(a).isPresent(), p.id() + " " + a));
      assertTrue(corpus.type(p.type()).isPresent(), p.id());
    }
  }

  @Test
  void everyAreaOfTheTaxonomyIsUsedByAPartner() {
    Set<String> used =
        corpus.partners().stream()
            .flatMap(p -> p.researchAreas().stream())
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> defined =
        corpus.taxonomy().fields().stream()
            .flatMap(f -> f.areas().stream())
            .map(ResearchArea::id)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(defined, used, "an area no partner uses would be an empty facet");
  }

  @Test
  void taxonomyHasTwoLevelsLabelledInBothLanguages() {
    assertFalse(corpus.taxonomy().fields().isEmpty());
    for (ResearchField field : corpus.taxonomy().fields()) {
      assertFalse(field.areas().isEmpty(), field.id());
      assertBilingual(field.label());
      field
          .areas()
          .forEach(
              a -> {
                assertEquals(field.id(), a.fieldId());
                assertBilingual(a.label());
              });
    }
  }

  @Test
  void everyPartnerTypeIsLabelledInBothLanguages() {
    assertFalse(corpus.types().isEmpty());
    corpus.types().forEach(t -> assertBilingual(t.label()));
  }

  @Test
  void glossaryPairsAreDistinctAndHaveBothSides() {
    Set<GlossaryEntry> seen = new HashSet<>();
    for (GlossaryEntry e : corpus.glossary()) {
      assertFalse(e.de().isBlank() || e.en().isBlank(), e.toString());
      assertTrue(seen.add(e), "twice: " + e);
    }
  }

  @Test
  void everyPartnerHasNamesAndTwoDescriptionsOnOneLineEach() {
    for (Partner p : corpus.partners()) {
      assertFalse(p.name().isBlank() || p.nameEn().isBlank(), p.id());
      for (String text : List.of(p.description().en(), p.description().de())) {
        assertFalse(text.isBlank(), p.id());
        assertEquals(text.strip(), text, p.id() + ": trimmed");
        assertFalse(text.contains("\n"), p.id() + ": folded blocks are joined with spaces");
      }
      assertFalse(
          p.description().en().equals(p.description().de()), p.id() + ": a German text of its own");
      p.contacts().forEach(c -> assertFalse(c.name().isBlank(), p.id()));
    }
  }

  @Test
  void textsAreFreeOfPageCaptionsAndGlitches() {
    for (Partner p : corpus.partners()) {
      String all = p.description().en() + " " + p.description().de();
      for (String glitch :
          List.of(
              "©",
              "Copyright",
              "Logo",
              "Signet",
              "Button",
              "11German",
              "Öko- Institut",
              " für Nuclear",
              "Kause",
              "\"HOPE”",
              "  ")) {
        assertFalse(all.contains(glitch), p.id() + " contains '" + glitch + "'");
      }
      assertTrue(Normalizer.isNormalized(all, Normalizer.Form.NFC), p.id());
    }
  }

  private static void assertBilingual(LocalizedText label) {
    assertFalse(label.en().isBlank());
    assertFalse(label.de().isBlank());
  }
}
