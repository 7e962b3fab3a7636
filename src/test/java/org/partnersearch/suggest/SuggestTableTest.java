package org.partnersearch.suggest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnersearch.RealCorpus;
import org.partnersearch.SharedRealCorpus;
import org.partnersearch.corpus.Lang;
import org.partnersearch.suggest.Suggestion.Kind;

/**
 * The autocomplete table: what the widget must offer for typed text of every kind the issue names,
 * over the real corpus. Unlike the relevance table, every case must pass. Each case names the
 * suggestion (partner or area by id, term by text) that must be in the top {@code within}, and
 * optionally a piece of its highlighted HTML.
 */
@ExtendWith(SharedRealCorpus.class)
class SuggestTableTest {
  static RealCorpus corpus;

  @BeforeAll
  static void index(RealCorpus shared) {
    corpus = shared;
  }

  /**
   * {@code target}: the partner or area id, or the term's text; {@code mark}: expected in its
   * highlight, or null.
   */
  record Case(
      String kind,
      String typed,
      Lang lang,
      Kind expected,
      String target,
      int within,
      String mark) {}

  static Case first(String kind, String typed, Kind expected, String target) {
    return new Case(kind, typed, Lang.EN, expected, target, 1, null);
  }

  static Case top(String kind, String typed, Kind expected, String target) {
    return new Case(kind, typed, Lang.EN, expected, target, SuggestRequest.DEFAULT_SIZE, null);
  }

  static Case marked(String kind, String typed, Kind expected, String target, String mark) {
    return new Case(kind, typed, Lang.EN, expected, target, SuggestRequest.DEFAULT_SIZE, mark);
  }

  static Case german(String kind, String typed, Kind expected, String target, int within) {
    return new Case(kind, typed, Lang.DE, expected, target, within, null);
  }

  static final List<Case> TABLE =
      List.of(
          first("prefix of a later word", "chemn", Kind.PARTNER, "tu-chemnitz"),
          marked(
              "prefix of a later word",
              "pharm",
              Kind.PARTNER,
              "rotop",
              "ROTOP <mark>Pharm</mark>aka GmbH"),
          top("prefix of a later word", "rostoc", Kind.PARTNER, "rostock"),
          first("prefix of a later word", "oncor", Kind.PARTNER, "oncoray"),
          first("prefix of a later word", "bergak", Kind.PARTNER, "tu-freiberg"),
          top("prefix of a later word", "consort", Kind.PARTNER, "dktk"),
          marked(
              "inside a compound",
              "gemeinschaft",
              Kind.PARTNER,
              "daef",
              "Arbeits<mark>gemeinschaft</mark>"),
          top("inside a compound", "gemeinschaft", Kind.TERM, "Arbeitsgemeinschaft"),
          marked(
              "inside a compound",
              "klinikum",
              Kind.PARTNER,
              "ukd",
              "Universitäts<mark>klinikum</mark>"),
          marked(
              "inside a compound",
              "zentrum",
              Kind.TERM,
              "Forschungszentrum",
              "Forschungs<mark>zentrum</mark>"),
          marked(
              "inside a compound",
              "verbund",
              Kind.PARTNER,
              "kvsf",
              "Kompetenz<mark>verbund</mark>"),
          marked(
              "inside a compound",
              "therapie",
              Kind.AREA,
              "proton-therapy",
              "Protonen<mark>therapie</mark>"),
          first("compound prefix", "endlager", Kind.AREA, "repository-research"),
          // Compounds the dictionary leaves whole, split into words the corpus itself has.
          marked(
              "corpus-derived split",
              "materiali",
              Kind.AREA,
              "quantum-materials",
              "Quanten<mark>materiali</mark>en"),
          marked(
              "corpus-derived split",
              "pharmaka",
              Kind.TERM,
              "Radiopharmaka",
              "Radio<mark>pharmaka</mark>"),
          marked(
              "corpus-derived split",
              "entwickl",
              Kind.TERM,
              "Weiterentwicklung",
              "Weiter<mark>entwickl</mark>ung"),
          marked("umlaut stripped", "oko", Kind.TERM, "Öko-Institut", "<mark>Öko</mark>-Institut"),
          marked("umlaut typed", "öko", Kind.TERM, "Öko-Institut", "<mark>Öko</mark>-Institut"),
          marked(
              "umlaut transliterated",
              "oeko",
              Kind.TERM,
              "Öko-Institut",
              "<mark>Öko</mark>-Institut"),
          marked(
              "umlaut stripped",
              "universitat",
              Kind.PARTNER,
              "rostock",
              "<mark>Universität</mark> Rostock"),
          marked(
              "umlaut transliterated",
              "universitaet",
              Kind.PARTNER,
              "rostock",
              "<mark>Universität</mark> Rostock"),
          first("umlaut, several words", "Universitaet Ros", Kind.PARTNER, "rostock"),
          marked(
              "ß as ss",
              "grossforsch",
              Kind.TERM,
              "Großforschungsanlage",
              "<mark>Großforsch</mark>ungsanlage"),
          top("umlaut transliterated", "juelich", Kind.TERM, "Jülich"),
          marked("typo", "tecnet", Kind.TERM, "technetium", "<mark>techne</mark>tium"),
          top("typo", "Kompetensverb", Kind.TERM, "Kompetenzverbund"),
          top("typo", "Kompetensverb", Kind.PARTNER, "kvsf"),
          first("typo", "Rostok", Kind.PARTNER, "rostock"),
          first("typo, transposition", "Chemintz", Kind.PARTNER, "tu-chemnitz"),
          // "oe" is no "ö" here: "mörn" is too short for a typo and finds nothing.
          first("typo with a digraph that is no umlaut", "moern", Kind.TERM, "modern"),
          first("typo with a digraph that is no umlaut", "saety", Kind.AREA, "nuclear-safety"),
          top("typo", "Freibur", Kind.PARTNER, "tu-freiberg"),
          marked(
              "several words",
              "dresden conc",
              Kind.PARTNER,
              "dresden-concept",
              "<mark>DRESDEN</mark>-<mark>conc</mark>ept"),
          marked(
              "several words",
              "german canc",
              Kind.PARTNER,
              "dktk",
              "<mark>German</mark> <mark>Canc</mark>er Consortium"),
          first(
              "several words, not adjacent",
              "competence pool nu",
              Kind.PARTNER,
              "kompetenzverbund-kerntechnik"),
          first("several words", "university hosp", Kind.PARTNER, "ukd"),
          first("German", "Krebs", Kind.AREA, "cancer-research"),
          first("English", "canc", Kind.AREA, "cancer-research"),
          german("German, in German", "Krebs", Kind.AREA, "cancer-research", 1),
          top("German to English (glossary)", "Krankenhaus", Kind.PARTNER, "ukd"),
          top("English word in an alias", "hospital", Kind.PARTNER, "ukd"),
          first("partners before terms", "tu", Kind.PARTNER, "tu-freiberg"),
          first("whole word before prefix", "tu", Kind.PARTNER, "tu-freiberg"),
          first("exact prefix before infix", "pharm", Kind.TERM, "Pharmaka"),
          first("exact prefix before infix", "tumor", Kind.TERM, "Tumor"),
          first("acronym", "ct.q", Kind.PARTNER, "tu-dresden"),
          first("acronym", "DIGS", Kind.PARTNER, "tu-dresden"),
          first("acronym", "ukd", Kind.PARTNER, "ukd"),
          german(
              "area label in the visitor's language", "radio", Kind.AREA, "radiation-oncology", 3),
          german("compound part of an area", "onkol", Kind.AREA, "radiation-oncology", 8),
          first("typo, the whole corrected word first", "Hohschulen", Kind.TERM, "Hochschulen"),
          first("typo, the whole corrected word first", "Detschen", Kind.TERM, "Deutschen"),
          marked(
              "closed-up hyphenated word",
              "okoinstitut",
              Kind.TERM,
              "Öko-Institut",
              "<mark>Öko-Institut</mark>"),
          first(
              "term in the spelling partners write",
              "Forschungszentrum",
              Kind.TERM,
              "Forschungszentrum"),
          top("glossary phrase", "tumour dis", Kind.TERM, "tumour diseases"),
          german(
              "German label for a German visitor", "Krebsforsch", Kind.AREA, "cancer-research", 1),
          // One suggestion per partner: the name that matches best, then the visitor's language.
          new Case(
              "partner name in the visitor's language",
              "carl gustav",
              Lang.DE,
              Kind.PARTNER,
              "ukd",
              1,
              "Universitätsklinikum <mark>Carl</mark> <mark>Gustav</mark>"),
          new Case(
              "partner name in the visitor's language",
              "carl gustav",
              Lang.EN,
              Kind.PARTNER,
              "ukd",
              1,
              "University Hospital <mark>Carl</mark> <mark>Gustav</mark>"),
          marked(
              "partner name that starts with the typed words before its alias",
              "dresden univ",
              Kind.PARTNER,
              "tu-dresden",
              "<mark>Dresden</mark> <mark>Univ</mark>ersity of Technology"));

  /**
   * Typed letters too short for a typo (under five letters, umlaut digraphs read as one) or that
   * find at least three entries as typed or folded: every suggestion must contain them (or their
   * umlaut reading), so none is a typo correction into another word such as {@code never}'s.
   */
  record Precise(String kind, String typed, List<String> never) {}

  static final List<Precise> PRECISE =
      List.of(
          new Precise(
              "umlaut transliterated, not a typo", "oeko", List.of("Radioonkologie", "Onkologie")),
          new Precise(
              "umlaut transliterated, four letters as umlauts",
              "oekol",
              List.of("Onkologie", "Radioonkologie")),
          new Precise("four letters are no typo", "netz", List.of("nutzen")),
          new Precise("four letters are no typo", "ener", List.of("enger", "einer")),
          new Precise("enough exact candidates, no typo", "forsch", List.of()),
          new Precise("enough exact candidates, no typo", "zentr", List.of()),
          new Precise("enough exact candidates, no typo", "medizi", List.of()));

  @Test
  void lettersThatFindEnoughEntriesGetNoTypoCorrections() {
    List<String> failures = new ArrayList<>();
    for (Precise c : PRECISE) {
      List<Suggestion> got =
          corpus
              .searcher
              .suggest(new SuggestRequest(c.typed(), SuggestRequest.DEFAULT_SIZE, Lang.EN))
              .suggestions();
      String typed = fold(c.typed());
      String umlauts = org.partnersearch.analysis.Folding.readDigraphs(typed);
      List<String> wrong =
          got.stream()
              .map(Suggestion::text)
              .filter(
                  text ->
                      !fold(text).contains(typed) && !fold(text).contains(umlauts)
                          || c.never().stream().anyMatch(n -> fold(text).equals(fold(n))))
              .toList();
      System.out.printf(
          "%-36s %-10s %s%n", c.kind(), c.typed(), got.stream().map(Suggestion::text).toList());
      if (got.isEmpty() || !wrong.isEmpty()) {
        failures.add(c + " -> " + got.stream().map(Suggestion::text).toList() + " wrong: " + wrong);
      }
    }
    assertTrue(failures.isEmpty(), "imprecise suggestions:\n" + String.join("\n", failures));
  }

  /** Lower case without diacritics, ß as ss: how the FOLDED chain compares letters. */
  private static String fold(String text) {
    String decomposed =
        Normalizer.normalize(text.toLowerCase(Locale.ROOT).replace("ß", "ss"), Normalizer.Form.NFD);
    return decomposed.replaceAll("\\p{M}", "");
  }

  @Test
  void everyCaseOfTheAutocompleteTableFindsItsSuggestion() {
    List<String> failures = new ArrayList<>();
    System.out.printf(
        "%-36s %-20s %-8s %-32s %s%n", "kind", "typed", "rank", "expected", "first suggestion");
    for (Case c : TABLE) {
      List<Suggestion> got =
          corpus
              .searcher
              .suggest(new SuggestRequest(c.typed(), SuggestRequest.DEFAULT_SIZE, c.lang()))
              .suggestions();
      int rank = 0;
      Suggestion found = null;
      for (int i = 0; i < got.size() && found == null; i++) {
        Suggestion s = got.get(i);
        String target = s.kind() == Kind.TERM ? s.text() : s.id();
        if (s.kind() == c.expected() && c.target().equals(target)) {
          rank = i + 1;
          found = s;
        }
      }
      boolean ok =
          found != null
              && rank <= c.within()
              && (c.mark() == null || found.highlighted().contains(c.mark()));
      if (!ok) {
        failures.add(
            c
                + " -> "
                + got.stream()
                    .map(
                        s ->
                            s.kind() + ":" + (s.id() == null ? "" : s.id() + ":") + s.highlighted())
                    .toList());
      }
      System.out.printf(
          "%-36s %-20s %-8s %-32s %s %s%n",
          c.kind(),
          c.typed(),
          rank == 0 ? "-" : rank + "/" + c.within(),
          c.expected().code() + " " + c.target(),
          got.isEmpty() ? "(none)" : got.get(0).highlighted(),
          ok ? "" : "  FAILED");
    }
    System.out.printf("autocomplete table: %d cases, %d failed%n", TABLE.size(), failures.size());
    assertTrue(TABLE.size() >= 30, "the table must keep at least 30 cases");
    assertTrue(failures.isEmpty(), "failed cases:\n" + String.join("\n", failures));
  }
}
