package org.partnersearch.suggest;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.partnersearch.analysis.StopWords;
import org.partnersearch.corpus.GlossaryEntry;
import org.partnersearch.corpus.Lang;
import org.partnersearch.corpus.Partner;
import org.partnersearch.corpus.PartnerType;
import org.partnersearch.corpus.ResearchArea;
import org.partnersearch.corpus.ResearchField;
import org.partnersearch.corpus.Vocabulary;

/**
 * Decides the entries of one index generation while it is built: every partner's name, English name
 * and aliases; every research area and field label in both languages; and as terms every word of the
 * names, aliases, descriptions and labels (hyphenated words also whole) plus the glossary's terms.
 * Terms that differ only by case or folding become one entry in their most frequent spelling,
 * weighted by how many partners use them: they are counted in {@link TermCounts} as partners stream
 * by and become entries once all are in ({@link #addTerms()}).
 */
final class SuggestEntries {
  /** Partners and areas outrank terms in the candidate list the infix suggester returns. */
  static final long NAMED_BONUS = 1_000_000L;
  private static final int MIN_TERM_CHARS = 2;
  /** Stop words and numbers are terms too (a prefix of any corpus word gets a suggestion), but last. */
  private static final long UNIMPORTANT = 0;
  /** The words of term entries are counted in documents of this many entries: bounded pending counts. */
  private static final int TERMS_PER_DOCUMENT = 10_000;
  /** The most frequent spelling first; among equally frequent ones the alphabetically first. */
  private static final Comparator<Map.Entry<String, Long>> PREFERRED_SPELLING =
      Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

  private final WordAnalysis analysis;
  private final EntryIndex index;
  private final TermCounts counts;
  private long entries;

  SuggestEntries(WordAnalysis analysis, EntryIndex index, TermCounts counts) {
    this.analysis = analysis;
    this.index = index;
    this.counts = counts;
  }

  /** A partner's entries; its terms are counted as one document, so a term's partners are its documents. */
  void partner(Partner p) throws IOException {
    add(p.name(), Suggestion.Kind.PARTNER, p.id(), Lang.DE, NAMED_BONUS + 2);
    add(p.nameEn(), Suggestion.Kind.PARTNER, p.id(), Lang.EN, NAMED_BONUS + 2);
    for (String alias : p.aliases()) {
      add(alias, Suggestion.Kind.PARTNER, p.id(), null, NAMED_BONUS + 1);
    }
    terms(p.name(), Lang.DE, true);
    terms(p.nameEn(), Lang.EN, true);
    p.aliases().forEach(a -> terms(a, null, true));
    terms(p.description().de(), Lang.DE, true);
    terms(p.description().en(), Lang.EN, true);
    counts.endDocument();
  }

  /** The labels' entries; the terms of labels, partner types and the glossary, used by no partner. */
  void vocabulary(Vocabulary vocabulary) throws IOException {
    for (ResearchField field : vocabulary.taxonomy().fields()) {
      labels(field.id(), field.label().en(), field.label().de(), 1);
      for (ResearchArea area : field.areas()) {
        labels(area.id(), area.label().en(), area.label().de(), 2);
      }
    }
    for (PartnerType type : vocabulary.types()) {
      terms(type.label().en(), Lang.EN, false);
      terms(type.label().de(), Lang.DE, false);
    }
    for (GlossaryEntry g : vocabulary.glossary()) {
      phrase(g.de(), Lang.DE);
      phrase(g.en(), Lang.EN);
    }
    counts.endDocument();
  }

  /** After every partner and the vocabulary: one entry per term key. Returns the entries added in all. */
  long addTerms() throws IOException {
    long[] added = {0};
    counts.forEachTerm(term -> {
      addTerm(term);
      if (++added[0] % TERMS_PER_DOCUMENT == 0) {
        counts.endDocument();
      }
    });
    counts.endDocument();
    return entries;
  }

  private void labels(String id, String en, String de, long weight) throws IOException {
    add(en, Suggestion.Kind.AREA, id, Lang.EN, NAMED_BONUS + weight);
    add(de, Suggestion.Kind.AREA, id, Lang.DE, NAMED_BONUS + weight);
    terms(en, Lang.EN, false);
    terms(de, Lang.DE, false);
  }

  private void add(String text, Suggestion.Kind kind, String id, Lang lang, long weight) throws IOException {
    List<Word> words = analysis.words(text);
    if (!words.isEmpty()) {
      index.add(new SuggestEntry(text, kind, id, lang, weight, words, key(words)));
      counts.words(words);
      entries++;
    }
  }

  /** Every word of {@code text} (hyphenated ones also whole) as a term candidate. */
  private void terms(String text, Lang lang, boolean ofPartner) {
    for (Word w : analysis.words(text)) {
      String surface = text.substring(w.start(), w.end());
      if (w.joined() && !w.folded().equals(analysis.fold(surface))) {
        continue; // the catenation "okoinstitut" is not a spelling anyone writes
      }
      if (w.folded().length() >= MIN_TERM_CHARS) {
        counts.term(w.folded(), surface, lang, ofPartner);
      }
    }
  }

  private void phrase(String text, Lang lang) {
    String key = key(analysis.words(text));
    if (!key.isEmpty()) {
      counts.term(key, text, lang, false);
    }
  }

  /** The entry of one term key, in its preferred spelling; weighted by its partners. */
  private void addTerm(TermCounts.Counted term) throws IOException {
    String spelling = term.spellings().entrySet().stream().min(PREFERRED_SPELLING).orElseThrow().getKey();
    Lang lang = term.langs().size() == 1 ? term.langs().iterator().next() : null;
    long weight = unimportant(term.key(), spelling) ? UNIMPORTANT : 1 + term.partners();
    add(spelling, Suggestion.Kind.TERM, null, lang, weight);
  }

  private static boolean unimportant(String key, String spelling) {
    return StopWords.contains(key) || StopWords.contains(spelling)
        || key.chars().noneMatch(Character::isLetter);
  }

  /** The folded single words joined by blanks (read for every candidate of a lookup: no stream). */
  static String key(List<Word> words) {
    StringJoiner key = new StringJoiner(" ");
    for (Word w : words) {
      if (!w.joined()) {
        key.add(w.folded());
      }
    }
    return key.toString();
  }
}
