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
          # index: each word, then only the variants that differ, marked: ^folded ~stem +part
          GERMAN_VARIANTS  | index | Endlagerforschung                  | endlagerforschung <endlag +forschung
          ENGLISH_VARIANTS | index | Kompetenzverbund Strahlenforschung | kompetenzverbund <kompetenz +verbund strahlenforschung <strahlen +forschung
          GERMAN_VARIANTS  | index | Universitätsklinikum               | universitätsklinikum ^universitaetsklinikum ^universitatsklinikum <universitaet <universitat +klinikum
          FOLDED_WORDS     | index | Forschungszentrum                  | forschungszentrum forschung zentrum
          ENGLISH_VARIANTS | index | Arbeitsgemeinschaft                | arbeitsgemeinschaft <arbeit +gemeinschaft
          WORDS            | index | Universitätsklinikum               | universitätsklinikum
          # query: a typed word's forms, unmarked: as typed, folded (where different), stem
          GERMAN_VARIANTS  | query | Universitätsklinikum               | universitätsklinikum universitaetsklinikum universitatsklinikum universitaetsklinikum
          GERMAN_VARIANTS  | query | Oeko-Institut                      | oeko-institut oeko-institut
          GERMAN_VARIANTS  | query | Öko Institut                       | öko oeko oko oeko institut institut
          # hyphenations: as written, closed, and each piece, each with its variants
          GERMAN_VARIANTS  | index | Öko-Institut                       | öko-institut ^oeko-institut ^oko-institut ökoinstitut ^oekoinstitut ^okoinstitut öko ^oeko ^oko institut
          ENGLISH_VARIANTS | index | Öko- Institut e. V.                | öko ^oeko ^oko institut e v
          FOLDED_WORDS     | query | Oko-Institut                       | oko-institut okoinstitut oko institut
          WORDS            | index | Exzellenz-Initiative               | exzellenz-initiative exzellenzinitiative exzellenz initiative
          ENGLISH_VARIANTS | index | Hochfrequenz-Elektronenquellen     | hochfrequenz-elektronenquellen hochfrequenzelektronenquellen hochfrequenz elektronenquellen <elektronen +quellen
          WORDS            | index | Dresden-Rossendorf                 | dresden-rossendorf dresdenrossendorf dresden rossendorf
          # umlauts: the word as written, transliterated and stripped
          GERMAN_VARIANTS  | index | Jülich                             | jülich ^juelich ^julich
          GERMAN_VARIANTS  | query | Juelich                            | juelich juelich
          ENGLISH_VARIANTS | index | Jülich                             | jülich ^juelich ^julich
          FOLDED_WORDS     | index | Jülich                             | julich
          FOLDED_WORDS     | query | Julich                             | julich
          GERMAN_VARIANTS  | index | Universität                        | universität ^universitaet ^universitat
          GERMAN_VARIANTS  | index | Groß                               | groß ^gross
          FOLDED_WORDS     | query | Groß                               | gross
          # über and Uber stay apart as written; only their foldings meet
          GERMAN_VARIANTS  | query | über                               | über ueber uber ueb
          GERMAN_VARIANTS  | query | Uber                               | uber uber
          ENGLISH_VARIANTS | query | über                               | über ueber uber ueber
          FOLDED_WORDS     | query | über                               | uber
          # inflections: the stem where it differs
          GERMAN_VARIANTS  | index | Universitäten                      | universitäten ^universitaeten ^universitaten ~universitaet
          GERMAN_VARIANTS  | index | Kliniken                           | kliniken ~klinik
          GERMAN_VARIANTS  | query | Klinik                             | klinik klinik
          ENGLISH_VARIANTS | index | materials                          | materials ~material
          ENGLISH_VARIANTS | index | hospitals                          | hospitals ~hospital
          ENGLISH_VARIANTS | index | research's                         | research
          # acronyms match as written
          WORDS   | index | ct.qmat                            | ct.qmat ctqmat ct qmat
          WORDS   | query | ct.qmat                            | ct.qmat ctqmat ct qmat
          WORDS   | index | DIGS-BB                            | digs-bb digsbb digs bb
          WORDS   | query | DIGS BB                            | digs bb
          WORDS   | index | HZDR                               | hzdr
          WORDS   | index | KIT                                | kit
          WORDS   | query | cfaed                              | cfaed
          """)
  void analysesCorpusWords(Chain chain, String side, String text, String expected) {
    assertEquals(List.of(expected.split(" ")), terms(analyzer(chain, side), text));
  }

  @ParameterizedTest
  @EnumSource(Chain.class)
  void decomposedUmlautsGiveTheSameTokensAsPrecomposedOnes(Chain chain) {
    String precomposed = "Jülich Universitätsklinikum Öko-Institut Groß über";
    String decomposed =
        "Ju\u0308lich Universita\u0308tsklinikum O\u0308ko-Institut Groß u\u0308ber";
    for (Analyzer analyzer : List.of(analyzers.index(chain), analyzers.query(chain))) {
      assertEquals(terms(analyzer, precomposed), terms(analyzer, decomposed));
    }
  }

  @Test
  void decomposedUmlautKeepsTheOffsetsOfTheOriginalText() {
    String text = "Forschungszentrum Ju\u0308lich";
    List<String> highlighted = highlights(analyzers.index(Chain.GERMAN_VARIANTS), text);
    assertEquals(
        List.of(
            "Forschungszentrum",
            "Forschung",
            "zentrum",
            "Ju\u0308lich",
            "Ju\u0308lich",
            "Ju\u0308lich"),
        highlighted);
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
        highlights(analyzers.index(Chain.ENGLISH_VARIANTS), text));
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
