package org.partnersearch.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cities file and partners' cities: what the schema and the cross-file checks say. Each case
 * adds a city after the last one of {@code cities.yaml}, so lines and indexes follow from the file
 * as editors leave it.
 */
class CityProblemsTest {
  @TempDir Path tempDir;

  private CorpusFixture corpus;
  private List<City> realCities;

  /** The 1-based line the next appended city starts on, and its index in the list. */
  private int nextLine;

  private int nextIndex;

  @BeforeEach
  void copyTheRealCorpus() throws CorpusException {
    corpus = CorpusFixture.copyOfRealCorpus(tempDir);
    realCities = corpus.load().cities();
    nextLine = (int) corpus.read(CorpusLoader.CITIES_FILE).lines().count() + 1;
    nextIndex = realCities.size();
  }

  @Test
  void aCityIsReadWithBothNamesAndItsCoordinates() throws CorpusException {
    append("  - name: { de: Breslau, en: Wrocław }\n    latitude: 51.11\n    longitude: 17.0325\n");
    assertEquals(
        new City(new LocalizedText("Wrocław", "Breslau"), new Coordinates(51.11, 17.0325)),
        corpus.load().cities().get(nextIndex));
  }

  @Test
  void aPartnersCityThatIsNotListedNamesTheCitiesToChooseFrom() {
    corpus.replace("partners/rostock.yaml", "city: Rostock", "city: Rostok");
    String names = String.join(", ", realCities.stream().map(City::key).toList());
    assertEquals(
        List.of(
            "partners/rostock.yaml:"
                + lineOf("partners/rostock.yaml", "city: Rostok")
                + ": city: unknown city 'Rostok': use one of "
                + names),
        corpus.problems());
  }

  @Test
  void aCityWithoutCoordinatesIsReportedAtItsEntry() {
    append("  - name: { de: Bautzen, en: Bautzen }\n    latitude: 51.18\n");
    assertEquals(
        List.of(
            "cities.yaml:"
                + nextLine
                + ": cities["
                + nextIndex
                + "].longitude: the required field "
                + "'longitude' is missing: add it"),
        corpus.problems());
  }

  @Test
  void coordinatesOutsideEuropeAreRejectedAndTheLikelySwapIsNamed() {
    append("  - name: { de: Bautzen, en: Bautzen }\n    latitude: 14.42\n    longitude: 51.18\n");
    assertEquals(
        List.of(
            "cities.yaml:"
                + (nextLine + 1)
                + ": cities["
                + nextIndex
                + "].latitude: 14.42 lies outside Europe "
                + "(latitude must be at least 34): check the number and that latitude and longitude are not swapped",
            "cities.yaml:"
                + (nextLine + 2)
                + ": cities["
                + nextIndex
                + "].longitude: 51.18 lies outside Europe "
                + "(longitude must be at most 45): check the number and that latitude and longitude are not swapped"),
        corpus.problems());
  }

  @Test
  void coordinatesThatAreNoNumbersAreRejected() {
    append(
        "  - name: { de: Bautzen, en: Bautzen }\n    latitude: 51° 11′ N\n    longitude: 14.42\n");
    assertEquals(
        List.of(
            "cities.yaml:"
                + (nextLine + 1)
                + ": cities["
                + nextIndex
                + "].latitude: must be a "
                + "number, not a text"),
        corpus.problems());
  }

  @Test
  void aCityListedTwiceIsReportedWhereItIsRepeated() {
    City first = realCities.get(0);
    append(
        "  - name: { de: "
            + first.name().de()
            + ", en: "
            + first.name().en()
            + " }\n"
            + "    latitude: 51.18\n    longitude: 14.42\n");
    int firstLine = lineOf(CorpusLoader.CITIES_FILE, "de: " + first.name().de() + ",");
    assertEquals(
        List.of(
            "cities.yaml:"
                + nextLine
                + ": cities["
                + nextIndex
                + "].name.de: the city '"
                + first.name().de()
                + "' is already listed at cities.yaml:"
                + firstLine
                + ": remove the repetition",
            "cities.yaml:"
                + nextLine
                + ": cities["
                + nextIndex
                + "].name.en: the city '"
                + first.name().en()
                + "' is already listed at cities.yaml:"
                + firstLine
                + ": remove the repetition"),
        corpus.problems());
  }

  @Test
  void aMissingCitiesFileIsOneProblemNotOnePerPartner() {
    corpus.delete(CorpusLoader.CITIES_FILE);
    assertEquals(
        List.of("cities.yaml: the file is missing: restore it (see corpus/README.md)"),
        corpus.problems());
  }

  private void append(String yaml) {
    corpus.write(CorpusLoader.CITIES_FILE, corpus.read(CorpusLoader.CITIES_FILE) + yaml);
  }

  /** The 1-based line of the first line containing {@code text}. */
  private int lineOf(String relative, String text) {
    List<String> lines = corpus.read(relative).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError("'" + text + "' not in " + relative);
  }
}
