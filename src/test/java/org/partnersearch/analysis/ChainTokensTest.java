package org.partnersearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** What each chain makes of the corpus's words, stated token by token. */
class ChainTokensTest {

  private static Analyzers analyzers;

  @BeforeAll
  static void buildAnalyzers() {
    analyzers = new Analyzers(new GermanDecompounder());
  }

  @AfterAll
  static void closeAnalyzers() {
    analyzers.close();
  }

  @ParameterizedTest(name = "{0} {1}: \"{2}\" -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # compounds: whole word plus dictionary parts, index side only
          GERMAN  | index | Endlagerforschung                  | endlagerforschung endlag forschung
          ENGLISH | index | Kompetenzverbund Strahlenforschung | kompetenzverbund kompetenz verbund strahlenforschung strahlen forschung
          GERMAN  | index | Universitätsklinikum               | universitaetsklinikum universitaet klinikum
          GERMAN  | query | Universitätsklinikum               | universitaetsklinikum
          FOLDED  | index | Forschungszentrum                  | forschungszentrum forschung zentrum
          ENGLISH | index | Arbeitsgemeinschaft                | arbeitsgemeinschaft arbeit gemeinschaft
          EXACT   | index | Universitätsklinikum               | universitätsklinikum
          # hyphenations: as written, closed, and each piece
          GERMAN  | index | Öko-Institut                       | oeko-institut oekoinstitut oeko institut
          GERMAN  | query | Oeko-Institut                      | oeko-institut oekoinstitut oeko institut
          GERMAN  | query | Öko Institut                       | oeko institut
          GERMAN  | query | Ökoinstitut                        | oekoinstitut
          GERMAN  | query | Institut                           | institut
          ENGLISH | index | Öko- Institut e. V.                | oeko institut e v
          FOLDED  | query | Oko-Institut                       | oko-institut okoinstitut oko institut
          EXACT   | index | Exzellenz-Initiative               | exzellenz-initiative exzellenzinitiative exzellenz initiative
          ENGLISH | index | Hochfrequenz-Elektronenquellen     | hochfrequenz-elektronenquellen hochfrequenzelektronenquellen hochfrequenz elektronenquellen elektronen quellen
          EXACT   | index | Dresden-Rossendorf                 | dresden-rossendorf dresdenrossendorf dresden rossendorf
          # umlauts: transliterated in GERMAN and ENGLISH, folded in FOLDED
          GERMAN  | index | Jülich                             | juelich
          GERMAN  | query | Juelich                            | juelich
          ENGLISH | index | Jülich                             | juelich
          FOLDED  | index | Jülich                             | julich
          FOLDED  | query | Julich                             | julich
          GERMAN  | index | Universität                        | universitaet
          GERMAN  | query | Universitaet                       | universitaet
          FOLDED  | query | Universitat                        | universitat
          GERMAN  | index | Groß                               | gross
          GERMAN  | query | Gross                              | gross
          FOLDED  | query | Groß                               | gross
          # über and Uber stay apart except where folding is the point
          GERMAN  | query | über                               | ueb
          GERMAN  | query | Uber                               | uber
          ENGLISH | query | über                               | ueber
          ENGLISH | query | Uber                               | uber
          FOLDED  | query | über                               | uber
          # inflections
          GERMAN  | index | Universitäten                      | universitaet
          GERMAN  | index | Kliniken                           | klinik
          GERMAN  | query | Klinik                             | klinik
          ENGLISH | index | materials                          | material
          ENGLISH | index | hospitals                          | hospital
          ENGLISH | query | hospital                           | hospital
          ENGLISH | index | research's                         | research
          # acronyms match as written
          EXACT   | index | ct.qmat                            | ct.qmat ctqmat ct qmat
          EXACT   | query | ct.qmat                            | ct.qmat ctqmat ct qmat
          EXACT   | index | DIGS-BB                            | digs-bb digsbb digs bb
          EXACT   | query | DIGS BB                            | digs bb
          EXACT   | index | HZDR                               | hzdr
          EXACT   | index | KIT                                | kit
          EXACT   | query | cfaed                              | cfaed
          """)
  void analysesCorpusWords(Chain chain, String side, String text, String expected) {
    assertEquals(List.of(expected.split(" ")), terms(analyzer(chain, side), text));
  }

  @ParameterizedTest
  @EnumSource(Chain.class)
  void decomposedUmlautsGiveTheSameTokensAsPrecomposedOnes(Chain chain) {
    String precomposed = "Jülich Universitätsklinikum Öko-Institut Groß über";
    String decomposed = "Ju\u0308lich Universita\u0308tsklinikum O\u0308ko-Institut Groß u\u0308ber";
    for (Analyzer analyzer : List.of(analyzers.index(chain), analyzers.query(chain))) {
      assertEquals(terms(analyzer, precomposed), terms(analyzer, decomposed));
    }
  }

  @Test
  void decomposedUmlautKeepsTheOffsetsOfTheOriginalText() {
    String text = "Forschungszentrum Ju\u0308lich";
    List<String> highlighted = highlights(analyzers.index(Chain.GERMAN), text);
    assertEquals(List.of("Forschungszentrum", "Forschung", "zentrum", "Ju\u0308lich"), highlighted);
  }

  @Test
  void aPartHighlightsOnlyItselfInsideTheCompound() {
    String text = "Deutsche Arbeitsgemeinschaft Endlagerforschung (DAEF)";
    assertEquals(
        List.of(
            "Deutsche",
            "Arbeitsgemeinschaft",
            "Arbeit",
            "gemeinschaft",
            "Endlagerforschung",
            "Endlager",
            "forschung",
            "DAEF"),
        highlights(analyzers.index(Chain.ENGLISH), text));
  }

  @Test
  void handsOutOneAnalyzerPerChainAndSide() {
    for (Chain chain : Chain.values()) {
      assertSame(analyzers.index(chain), analyzers.index(chain));
      assertSame(analyzers.query(chain), analyzers.query(chain));
    }
  }

  private static Analyzer analyzer(Chain chain, String side) {
    return side.equals("index") ? analyzers.index(chain) : analyzers.query(chain);
  }

  private static List<String> terms(Analyzer analyzer, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("field", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }

  /** The stretch of the original text that each token's offsets point at. */
  private static List<String> highlights(Analyzer analyzer, String text) {
    List<String> stretches = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("field", text)) {
      OffsetAttribute offsets = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        stretches.add(text.substring(offsets.startOffset(), offsets.endOffset()));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return stretches;
  }
}
