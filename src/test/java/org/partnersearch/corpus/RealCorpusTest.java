package org.partnersearch.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The corpus/ folder as checked in: it must load cleanly and hold what the search relies on. */
class RealCorpusTest {
  private static Corpus corpus;

  @BeforeAll
  static void loadTheRealCorpus() throws CorpusException {
    corpus = new CorpusLoader().load(Path.of("corpus"));
  }

  @Test
  void holdsTheThirteenPartnersOfThePageSortedById() {
    assertEquals(
        List.of("daef", "dktk", "dresden-concept", "kompetenzverbund-kerntechnik", "kvsf", "nct",
            "oncoray", "rostock", "rotop", "tu-chemnitz", "tu-dresden", "tu-freiberg", "ukd"),
        corpus.partners().stream().map(Partner::id).toList());
  }

  @Test
  void everyPartnerHasAtLeastOneKnownAreaAndAKnownType() {
    for (Partner p : corpus.partners()) {
      assertFalse(p.researchAreas().isEmpty(), p.id());
      p.researchAreas().forEach(a -> assertTrue(corpus.taxonomy().area(a).isPresent(), p.id() + " " + a));
      assertTrue(corpus.type(p.type()).isPresent(), p.id());
    }
  }

  @Test
  void everyAreaOfTheTaxonomyIsUsedByAPartner() {
    Set<String> used = corpus.partners().stream()
        .flatMap(p -> p.researchAreas().stream()).collect(Collectors.toCollection(TreeSet::new));
    Set<String> defined = corpus.taxonomy().fields().stream().flatMap(f -> f.areas().stream())
        .map(ResearchArea::id).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(defined, used);
  }

  @Test
  void taxonomyHasTwoLevelsLabelledInBothLanguages() {
    assertEquals(List.of("health", "energy", "matter", "science-society"),
        corpus.taxonomy().fields().stream().map(ResearchField::id).toList());
    for (ResearchField field : corpus.taxonomy().fields()) {
      assertFalse(field.areas().isEmpty(), field.id());
      assertBilingual(field.label());
      field.areas().forEach(a -> {
        assertEquals(field.id(), a.fieldId());
        assertBilingual(a.label());
      });
    }
    assertEquals(new LocalizedText("Repository research", "Endlagerforschung"),
        corpus.taxonomy().area("repository-research").orElseThrow().label());
  }

  @Test
  void partnerTypesAreTheFiveKindsOfPartner() {
    assertEquals(List.of("university", "hospital", "research-centre", "network", "company"),
        corpus.types().stream().map(PartnerType::id).toList());
  }

  @Test
  void glossaryHasAtLeastFortyPairsIncludingTheKeyTerms() {
    assertTrue(corpus.glossary().size() >= 40, "glossary has " + corpus.glossary().size());
    assertTrue(corpus.glossary().contains(new GlossaryEntry("Endlagerforschung", "repository research")));
    assertTrue(corpus.glossary().contains(new GlossaryEntry("Hochschule", "university")));
    assertTrue(corpus.glossary().contains(new GlossaryEntry("Kompetenzverbund", "competence pool")));
  }

  @Test
  void daefReadsAsTheEditorsWroteIt() {
    Partner daef = partner("daef");
    assertEquals("Deutsche Arbeitsgemeinschaft Endlagerforschung", daef.name());
    assertEquals("German Working Group for Repository Research", daef.nameEn());
    assertEquals("network", daef.type());
    assertEquals(null, daef.city());
    assertEquals(List.of("repository-research", "nuclear-safety"), daef.researchAreas());
    assertTrue(daef.description().en().contains("the Öko-Institut e. V., Institute for Applied Ecology"));
    assertTrue(daef.description().de().startsWith(
        "Die Deutsche Arbeitsgemeinschaft Endlagerforschung (DAEF) ist ein Zusammenschluss"));
  }

  @Test
  void contactsSpellKrauseCorrectlyEverywhere() {
    assertEquals(List.of(new Contact("Prof. Mechthild Krause", "Director of OncoRay and NCT Dresden"),
        new Contact("Karina Heinze", null)), partner("dktk").contacts());
    assertTrue(corpus.partners().stream().noneMatch(p -> p.toString().contains("Kause")));
  }

  @Test
  void textsAreFreeOfPageCaptionsAndGlitches() {
    for (Partner p : corpus.partners()) {
      String all = p.description().en() + " " + p.description().de();
      for (String glitch : List.of("©", "Copyright", "Logo", "Signet", "Button", "11German",
          "Öko- Institut", " für Nuclear", "Kause", "\"HOPE”", "  ")) {
        assertFalse(all.contains(glitch), p.id() + " contains '" + glitch + "'");
      }
      assertTrue(Normalizer.isNormalized(all, Normalizer.Form.NFC), p.id());
    }
  }

  private static Partner partner(String id) {
    return corpus.partners().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  private static void assertBilingual(LocalizedText label) {
    assertFalse(label.en().isBlank());
    assertFalse(label.de().isBlank());
  }
}
