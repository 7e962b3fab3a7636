package org.partnersearch.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What no schema can say: references between files, unique ids, texts without words. */
class CrossCheckProblemsTest {
  private static final String AREA_IDS =
      "cancer-research, radiation-oncology, proton-therapy, "
          + "radiopharmaceuticals, imaging, radiation-research, nuclear-safety, repository-research, "
          + "resource-technology, materials-research, quantum-materials, biophysics, "
          + "accelerator-technology, graduate-training, research-alliances";

  @TempDir Path tempDir;

  @Test
  void anUnknownResearchAreaListsTheAreasToChooseFrom() {
    CorpusFixture corpus =
        CorpusFixture.copyOfRealCorpus(tempDir)
            .replace(
                "partners/daef.yaml",
                "[repository-research, nuclear-safety]",
                "[repository-research, nuclear-physics]");
    assertEquals(
        List.of(
            "partners/daef.yaml:11: researchAreas[1]: unknown research area "
                + "'nuclear-physics': use one of "
                + AREA_IDS),
        corpus.problems());
  }

  @Test
  void anUnknownTypeListsTheTypesToChooseFrom() {
    CorpusFixture corpus =
        CorpusFixture.copyOfRealCorpus(tempDir)
            .replace("partners/rotop.yaml", "type: company", "type: enterprise");
    assertEquals(
        List.of(
            "partners/rotop.yaml:9: type: unknown type 'enterprise': use one of "
                + "university, hospital, research-centre, network, company"),
        corpus.problems());
  }

  @Test
  void anIdThatDiffersFromTheFileNameIsReported() {
    CorpusFixture corpus =
        CorpusFixture.copyOfRealCorpus(tempDir)
            .replace("partners/rostock.yaml", "id: rostock", "id: uni-rostock");
    assertEquals(
        List.of(
            "partners/rostock.yaml:5: id: the id 'uni-rostock' does not match the "
                + "file name 'rostock.yaml': change the id to 'rostock' or rename the file to "
                + "'uni-rostock.yaml'"),
        corpus.problems());
  }

  @Test
  void aDuplicateIdAcrossFilesNamesTheFileThatHadItFirst() {
    CorpusFixture corpus =
        CorpusFixture.copyOfRealCorpus(tempDir)
            .replace("partners/kvsf.yaml", "id: kvsf", "id: daef");
    assertEquals(
        List.of(
            "partners/kvsf.yaml:5: id: the id 'daef' does not match the file name 'kvsf.yaml': "
                + "change the id to 'kvsf' or rename the file to 'daef.yaml'",
            "partners/kvsf.yaml:5: id: the id 'daef' is already used at daef.yaml:6: "
                + "give each one its own id"),
        corpus.problems());
  }

  @Test
  void aDescriptionWithoutWordsIsReportedEvenWhenTheSchemaLetsItPass() {
    // A no-break space and a dash: not blank to the schema's \S pattern, but no text either.
    CorpusFixture corpus =
        CorpusFixture.copyOfRealCorpus(tempDir)
            .replaceEnglishDescription("partners/tu-freiberg.yaml", "\"\u00a0–\"");
    assertEquals(
        List.of(
            "partners/tu-freiberg.yaml:16: description.en: has no words: write the English description"),
        corpus.problems());
  }

  @Test
  void aDuplicateAreaIdInTheTaxonomyIsReportedAtItsSecondUse() {
    CorpusFixture corpus =
        CorpusFixture.copyOfRealCorpus(tempDir)
            .replace("research-areas.yaml", "- id: biophysics", "- id: imaging");
    // Renaming the area also strands the partner that used the old id.
    assertEquals(
        List.of(
            "partners/tu-dresden.yaml:11: researchAreas[1]: unknown research area 'biophysics': use one of "
                + AREA_IDS.replace(", biophysics", ""),
            "research-areas.yaml:41: fields[2].areas[2].id: the id 'imaging' is already used at "
                + "research-areas.yaml:19: give each one its own id"),
        corpus.problems());
  }

  @Test
  void glossaryPairsWithABlankSideAreReported() {
    CorpusFixture corpus =
        CorpusFixture.copyOfRealCorpus(tempDir)
            .replace(
                "glossary.yaml",
                "  - { de: Endlager, en: repository }",
                "  - { de: \"  \", en: repository }\n  - { de: Endlager, en: \"…\" }");
    assertEquals(
        List.of(
            "glossary.yaml:10: terms[1].de: must not be empty or blank: write the text",
            "glossary.yaml:11: terms[2].en: has no words: write the English term or remove the pair"),
        corpus.problems());
  }

  @Test
  void problemsInSeveralFilesAreAllReportedTogetherInFileOrder() {
    CorpusFixture corpus =
        CorpusFixture.copyOfRealCorpus(tempDir)
            .replace("partners/ukd.yaml", "type: hospital", "type: clinic")
            .replace(
                "partners/daef.yaml", "nameEn: German Working Group for Repository Research\n", "")
            .replace(
                "partners/nct.yaml",
                "researchAreas: [cancer-research]",
                "researchAreas: [oncology]")
            .replace("glossary.yaml", "  - { de: Krebs, en: cancer }", "  - { de: Krebs }")
            .replace("research-areas.yaml", "- id: research-alliances", "- id: imaging");
    String areaIds = AREA_IDS.replace(", research-alliances", "");
    assertEquals(
        List.of(
            "glossary.yaml:24: terms[15].en: the required field 'en' is missing: add it",
            "partners/daef.yaml:6: nameEn: the required field 'nameEn' is missing: add it",
            "partners/dresden-concept.yaml:10: researchAreas[0]: unknown research area "
                + "'research-alliances': use one of "
                + areaIds,
            "partners/nct.yaml:11: researchAreas[0]: unknown research area 'oncology': use one of "
                + areaIds,
            "partners/ukd.yaml:8: type: unknown type 'clinic': use one of "
                + "university, hospital, research-centre, network, company",
            "research-areas.yaml:53: fields[3].areas[1].id: the id 'imaging' is already used at "
                + "research-areas.yaml:19: give each one its own id"),
        corpus.problems());
  }
}
