package org.partnersearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnersearch.analysis.CompoundSplitter.Piece;
import org.partnersearch.analysis.GermanDecompounder.Part;

/**
 * The split the searcher and the suggester share: the dictionary's parts first, else the words a
 * known-word test (here a fixed word list) says the corpus has, with exact offsets in the word.
 */
class CompoundSplitterTest {
  private static CompoundSplitter splitter;

  @BeforeAll
  static void loadDictionary() {
    splitter = new CompoundSplitter(new GermanDecompounder());
  }

  private static Predicate<String> corpus(String... words) {
    return Set.of(words)::contains;
  }

  @Test
  void aCompoundTheDictionaryLeavesWholeIsSplitIntoCorpusWordsFromTheRight() {
    assertEquals(List.of(), new GermanDecompounder().split("ionenstrahlzentrum"), "the premise");
    assertEquals(
        List.of(
            new Piece("ionen", 0, 5, true),
            new Piece("strahl", 5, 11, true),
            new Piece("zentrum", 11, 18, true)),
        splitter.split("ionenstrahlzentrum", corpus("ionen", "strahl", "zentrum")));
  }

  @Test
  void theLongestCorpusWordThatEndsTheWordIsItsHead() {
    assertEquals(
        List.of(new Piece("teilchen", 0, 8, true), new Piece("beschleuniger", 8, 21, true)),
        splitter.split(
            "teilchenbeschleuniger", corpus("teilchen", "beschleuniger", "schleuniger")));
  }

  @Test
  void aRestTheCorpusLacksIsKeptAsOneUnknownPiece() {
    assertEquals(
        List.of(new Piece("quanten", 0, 7, false), new Piece("materialien", 7, 18, true)),
        splitter.split("quantenmaterialien", corpus("materialien")));
  }

  @Test
  void anInterfixSBeforeTheHeadIsNoPiece() {
    assertEquals(
        List.of(new Piece("oncoray", 0, 7, true), new Piece("zentrum", 8, 15, true)),
        splitter.split("oncorayszentrum", corpus("oncoray", "zentrum")));
  }

  @Test
  void shortWordsStopWordsAndWordsOfNoKnownPieceAreNotSplit() {
    assertEquals(List.of(), splitter.split("ionbau", corpus("ion", "bau")), "too short a piece");
    assertEquals(
        List.of(
            new Piece("welche", 0, 6, false),
            new Piece("strahl", 6, 12, true),
            new Piece("zentrum", 12, 19, true)),
        splitter.split("welchestrahlzentrum", corpus("welche", "strahl", "zentrum")),
        "a stop word is no known piece");
    assertEquals(List.of(), splitter.split("ionenstrahlzentrum", corpus()), "nothing known");
    assertEquals(List.of(), splitter.split("ionen1zentrum", corpus("ionen", "zentrum")));
  }

  @Test
  void theDictionaryPartsComeFirstEachMarkedKnownOrNot() {
    assertEquals(
        List.of(new Piece("endlager", 0, 8, false), new Piece("forschung", 8, 17, true)),
        splitter.split("endlagerforschung", corpus("forschung")));
  }

  @Test
  void anIndexAddsTheDictionaryPartsOrElseOnlyTheKnownCorpusPieces() {
    assertEquals(
        List.of(new Part("endlager", 0, 8), new Part("forschung", 8, 17)),
        splitter.parts("endlagerforschung", corpus()));
    assertEquals(
        List.of(new Part("materialien", 7, 18)),
        splitter.parts("quantenmaterialien", corpus("materialien")));
    assertEquals(List.of(), splitter.parts("materialien", corpus("materialien")));
  }

  @Test
  void aPieceIsShownAsTheVisitorTypedTheWord() {
    Piece head =
        splitter.split("teilchenbeschleuniger", corpus("teilchen", "beschleuniger")).get(1);
    assertEquals("Beschleuniger", head.asTyped("Teilchenbeschleuniger"));
    assertEquals("beschleuniger", head.asTyped("teilchenbeschleuniger"));
  }
}
