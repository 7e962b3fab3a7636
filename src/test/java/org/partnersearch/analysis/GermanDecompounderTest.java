package org.partnersearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partnersearch.analysis.GermanDecompounder.Part;

class GermanDecompounderTest {

  private static GermanDecompounder decompounder;

  @BeforeAll
  static void loadDictionary() {
    decompounder = new GermanDecompounder();
  }

  @AfterAll
  static void releaseDictionary() {
    decompounder = null;
  }

  @Test
  void splitsACompoundIntoDictionaryPartsWithOffsetsInsideTheWord() {
    assertEquals(
        List.of(new Part("endlager", 0, 8), new Part("forschung", 8, 17)),
        decompounder.split("endlagerforschung"));
  }

  @Test
  void leavesTheInterfixOutOfTheParts() {
    assertEquals(
        List.of(new Part("forschung", 0, 9), new Part("zentrum", 10, 17)),
        decompounder.split("forschungszentrum"));
    assertEquals(
        List.of(new Part("universität", 0, 11), new Part("klinikum", 12, 20)),
        decompounder.split("universitätsklinikum"));
  }

  @Test
  void splitsThreePartCompounds() {
    assertEquals(
        List.of(
            new Part("hochfrequenz", 0, 12),
            new Part("elektronen", 12, 22),
            new Part("quellen", 22, 29)),
        decompounder.split("hochfrequenzelektronenquellen"));
  }

  @Test
  void joinsTheClosedFormOfAHyphenatedName() {
    assertEquals(
        List.of(new Part("öko", 0, 3), new Part("institut", 3, 11)),
        decompounder.split("ökoinstitut"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "research",
        "university",
        "radiation",
        "technology",
        "hospitals",
        "materials",
        "cooperation",
        "consortium",
        "infrastructure",
        "radiopharmaceutical",
        "forschung",
        "institut",
        "universität",
        "universitäten",
        "kliniken",
        "rossendorf",
        "dresden",
        "hochfrequenz",
        "jülich",
        "hzdr"
      })
  void findsNoPartsInWordsThatAreNoCompounds(String word) {
    assertEquals(List.of(), decompounder.split(word));
  }

  @ParameterizedTest
  @ValueSource(strings = {"öko-institut", "ct.qmat", "digs-bb", "abc123def", "", "ab"})
  void findsNoPartsInTokensThatAreNotPlainWords(String token) {
    assertEquals(List.of(), decompounder.split(token));
  }

  @Test
  void findsNoPartsInWordsLongerThanJwordsplittersLimit() {
    String tooLong = "forschung".repeat(8) + "zentrum";
    assertTrue(tooLong.length() > GermanDecompounder.MAX_WORD_LENGTH);
    assertEquals(List.of(), decompounder.split(tooLong));
  }

  @Test
  void neverReturnsPartsShorterThanThreeLetters() {
    List<String> words = List.of(CorpusText.page().toLowerCase(Locale.ROOT).split("[^\\p{L}]+"));
    for (String word : words) {
      for (Part part : decompounder.split(word)) {
        assertTrue(part.text().length() >= 3, word + " -> " + part);
        assertEquals(word.substring(part.start(), part.end()), part.text(), word + " -> " + part);
      }
    }
  }

  @Test
  void splitsSomeEnglishWordsIntoGermanDictionaryWords() {
    // NOTE: known and left alone. Both parts are entries of jwordsplitter's German dictionary;
    // no rule tells "politics" from a German compound. The parts are only extra tokens at the
    // same position, so a search for "politics" is unaffected.
    assertEquals(
        List.of(new Part("polit", 0, 5), new Part("ics", 5, 8)), decompounder.split("politics"));
  }

  @Test
  void givesTheSameAnswersFromManyThreadsAtOnce() throws Exception {
    List<String> words =
        List.of(
            "endlagerforschung",
            "kompetenzverbund",
            "strahlenforschung",
            "universitätsklinikum",
            "forschungszentrum",
            "hochfrequenzelektronenquellen",
            "arbeitsgemeinschaft",
            "forschungsallianz",
            "research",
            "university",
            "ökoinstitut",
            "bergakademie");
    Map<String, List<Part>> expected =
        words.stream().collect(Collectors.toMap(Function.identity(), decompounder::split));
    Callable<Boolean> splitAll =
        () ->
            IntStream.range(0, 2_000)
                .mapToObj(i -> words.get(i % words.size()))
                .allMatch(word -> expected.get(word).equals(decompounder.split(word)));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = pool.invokeAll(Collections.nCopies(16, splitAll));
      for (Future<Boolean> result : results) {
        assertTrue(result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void remembersSplitsWithinItsByteBound() {
    GermanDecompounder fresh = new GermanDecompounder();
    List<Part> first = fresh.split("endlagerforschung");
    long afterOne = fresh.cachedBytes();
    assertTrue(afterOne > 0, "a split word is remembered");
    assertSame(first, fresh.split("endlagerforschung"), "a repeated word comes from the cache");
    assertEquals(afterOne, fresh.cachedBytes(), "and is not remembered twice");
    for (int i = 0; fresh.cachedBytes() + 1_000 < GermanDecompounder.CACHE_MAX_BYTES; i++) {
      fresh.split("forschungszentrum" + letters(i));
    }
    fresh.split("kompetenzverbundstrahlenforschungszentrumsbereich");
    assertTrue(fresh.cachedBytes() <= GermanDecompounder.CACHE_MAX_BYTES, "bound kept");
  }

  /** A distinct run of letters for each number. */
  private static String letters(int n) {
    StringBuilder s = new StringBuilder();
    do {
      s.append((char) ('a' + n % 26));
      n /= 26;
    } while (n > 0);
    return s.toString();
  }
}
