package org.partnersearch.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Violations of the JSON Schemas come out with the file, line and field an editor must change. */
class SchemaProblemsTest {
  @TempDir Path tempDir;

  @Test
  void aMissingRequiredFieldPointsAtItsMapping() {
    CorpusFixture corpus =
        CorpusFixture.copyOfRealCorpus(tempDir)
            .replace(
                "partners/daef.yaml", "nameEn: German Working Group for Repository Research\n", "");
    assertEquals(
        List.of("partners/daef.yaml:6: nameEn: the required field 'nameEn' is missing: add it"),
        corpus.problems());
  }

  @Test
  void aBlankGermanDescriptionIsReportedAtItsLine() {
    CorpusFixture corpus =
        CorpusFixture.copyOfRealCorpus(tempDir)
            .replace("partners/tu-freiberg.yaml", "  de: >-\n", "  de: \"   \"\n  xx: >-\n");
    assertEquals(
        List.of(
            "partners/tu-freiberg.yaml:20: description.de: must not be empty or blank: write the text",
            "partners/tu-freiberg.yaml:21: description.xx: unknown field 'xx': remove it or fix its spelling (partner.schema.json lists the fields)"),
        corpus.problems());
  }

  @Test
  void aMalformedAreaIdNamesItsIndexInTheList() {
    CorpusFixture corpus =
        CorpusFixture.copyOfRealCorpus(tempDir)
            .replace(
                "partners/daef.yaml",
                "[repository-research, nuclear-safety]",
                "[repository-research, Nuclear Safety]");
    assertEquals(
        List.of(
            "partners/daef.yaml:11: researchAreas[1]: 'Nuclear Safety' is not a valid id: use 1 to 64 lower-case letters, digits and hyphens"),
        corpus.problems());
  }

  @Test
  void aMisspelledFieldIsReportedOnItsOwnLine() {
    CorpusFixture corpus =
        CorpusFixture.copyOfRealCorpus(tempDir)
            .replace(
                "partners/rostock.yaml",
                "website: https://www.uni-rostock.de",
                "homepage: https://www.uni-rostock.de");
    assertEquals(
        List.of(
            "partners/rostock.yaml:14: homepage: unknown field 'homepage': remove it or fix its spelling (partner.schema.json lists the fields)"),
        corpus.problems());
  }

  @Test
  void aWebsiteThatIsNoUrlIsRejected() {
    CorpusFixture corpus =
        CorpusFixture.copyOfRealCorpus(tempDir)
            .replace(
                "partners/rostock.yaml",
                "website: https://www.uni-rostock.de",
                "website: www.uni-rostock.de");
    assertEquals(
        List.of(
            "partners/rostock.yaml:14: website: 'www.uni-rostock.de' is not a web address: write it like https://www.example.org"),
        corpus.problems());
  }

  @Test
  void anEmptyAreaListAndAWrongTypeInTheVocabulariesAreReported() {
    CorpusFixture corpus =
        CorpusFixture.copyOfRealCorpus(tempDir)
            .replace("partners/kvsf.yaml", "[radiation-research, graduate-training]", "[]")
            .replace(
                "partner-types.yaml", "label: { en: Company, de: Unternehmen }", "label: Company");
    assertEquals(
        List.of(
            "partner-types.yaml:16: types[4].label: must be a mapping of 'key: value' lines, not a text",
            "partners/kvsf.yaml:10: researchAreas: needs at least 1 entry"),
        corpus.problems());
  }
}
