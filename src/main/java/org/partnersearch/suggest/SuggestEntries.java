package org.partnersearch.suggest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.partnersearch.corpus.GlossaryEntry;
import org.partnersearch.corpus.Lang;
import org.partnersearch.corpus.Partner;
import org.partnersearch.corpus.PartnerType;
import org.partnersearch.corpus.ResearchArea;
import org.partnersearch.corpus.ResearchField;
import org.partnersearch.corpus.Vocabulary;

/**
 * Collects the entries of one index generation: every partner's name, English name and aliases;
 * every research area and field label in both languages; and as terms every word of the names,
 * aliases, descriptions and labels (hyphenated words also whole) plus the glossary's terms.
 * Terms that differ only by case or folding become one entry in their most frequent spelling.
 */
final class SuggestEntries {
  /** Partners and areas outrank terms in the candidate list the infix suggester returns. */
  static final long NAMED_BONUS = 1_000_000L;
  private static final int MIN_TERM_CHARS = 2;
  /** Stop words and numbers are terms too (a prefix of any corpus word gets a suggestion), but last. */
  private static final long UNIMPORTANT = 0;
  private static final CharArraySet STOP_WORDS = stopWords();

  private final WordAnalysis analysis;
  private final List<SuggestEntry> entries = new ArrayList<>();
  /** Term key → spelling → count, and the languages and partners it was seen in. */
  private final Map<String, Map<String, Integer>> spellings = new LinkedHashMap<>();
  private final Map<String, Set<Lang>> termLangs = new HashMap<>();
  /**
   * How many partners use each term. Counted with the last partner seen per term (a partner's terms
   * are collected together), not a set of ids per term, which grows with partners × words.
   */
  private final Map<String, Integer> termPartners = new HashMap<>();
  private final Map<String, String> lastPartner = new HashMap<>();

  private SuggestEntries(WordAnalysis analysis) {
    this.analysis = analysis;
  }

  static List<SuggestEntry> collect(WordAnalysis analysis, List<Partner> partners, Vocabulary vocabulary) {
    SuggestEntries c = new SuggestEntries(analysis);
    partners.forEach(c::partner);
    for (ResearchField field : vocabulary.taxonomy().fields()) {
      c.labels(field.id(), field.label().en(), field.label().de(), 1);
      for (ResearchArea area : field.areas()) {
        c.labels(area.id(), area.label().en(), area.label().de(), 2);
      }
    }
    for (PartnerType type : vocabulary.types()) {
      c.terms(type.label().en(), Lang.EN, "");
      c.terms(type.label().de(), Lang.DE, "");
    }
    for (GlossaryEntry g : vocabulary.glossary()) {
      c.phrase(g.de(), Lang.DE);
      c.phrase(g.en(), Lang.EN);
    }
    c.addTerms();
    return List.copyOf(c.entries);
  }

  private void partner(Partner p) {
    add(p.name(), Suggestion.Kind.PARTNER, p.id(), Lang.DE, NAMED_BONUS + 2);
    add(p.nameEn(), Suggestion.Kind.PARTNER, p.id(), Lang.EN, NAMED_BONUS + 2);
    p.aliases().forEach(a -> add(a, Suggestion.Kind.PARTNER, p.id(), null, NAMED_BONUS + 1));
    terms(p.name(), Lang.DE, p.id());
    terms(p.nameEn(), Lang.EN, p.id());
    p.aliases().forEach(a -> terms(a, null, p.id()));
    terms(p.description().de(), Lang.DE, p.id());
    terms(p.description().en(), Lang.EN, p.id());
  }

  private void labels(String id, String en, String de, long weight) {
    add(en, Suggestion.Kind.AREA, id, Lang.EN, NAMED_BONUS + weight);
    add(de, Suggestion.Kind.AREA, id, Lang.DE, NAMED_BONUS + weight);
    terms(en, Lang.EN, "");
    terms(de, Lang.DE, "");
  }

  private void add(String text, Suggestion.Kind kind, String id, Lang lang, long weight) {
    List<Word> words = analysis.words(text);
    if (!words.isEmpty()) {
      entries.add(new SuggestEntry(text, kind, id, lang, weight, words, key(words)));
    }
  }

  /** Every word of {@code text} (hyphenated ones also whole) as a term candidate. */
  private void terms(String text, Lang lang, String partnerId) {
    for (Word w : analysis.words(text)) {
      String surface = text.substring(w.start(), w.end());
      if (w.joined() && !w.folded().equals(analysis.fold(surface))) {
        continue; // the catenation "okoinstitut" is not a spelling anyone writes
      }
      if (w.folded().length() >= MIN_TERM_CHARS) {
        term(w.folded(), surface, lang, partnerId);
      }
    }
  }

  private void phrase(String text, Lang lang) {
    String key = key(analysis.words(text));
    if (!key.isEmpty()) {
      term(key, text, lang, "");
    }
  }

  private void term(String key, String surface, Lang lang, String partnerId) {
    spellings.computeIfAbsent(key, k -> new HashMap<>()).merge(surface, 1, Integer::sum);
    termLangs.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(lang == null ? Lang.EN : lang);
    if (lang == null) {
      termLangs.get(key).add(Lang.DE);
    }
    if (!partnerId.isEmpty() && !partnerId.equals(lastPartner.put(key, partnerId))) {
      termPartners.merge(key, 1, Integer::sum);
    }
  }

  /** One entry per term key, in its most frequent spelling (ties: the alphabetically first). */
  private void addTerms() {
    spellings.forEach((key, bySpelling) -> {
      String spelling = bySpelling.entrySet().stream()
          .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
              java.util.Comparator.reverseOrder())))
          .orElseThrow().getKey();
      Set<Lang> langs = termLangs.get(key);
      Lang lang = langs.size() == 1 ? langs.iterator().next() : null;
      long partners = termPartners.getOrDefault(key, 0);
      add(spelling, Suggestion.Kind.TERM, null, lang, unimportant(key, spelling) ? UNIMPORTANT : 1 + partners);
    });
  }

  private static boolean unimportant(String key, String spelling) {
    return STOP_WORDS.contains(key) || STOP_WORDS.contains(spelling.toLowerCase(java.util.Locale.ROOT))
        || key.chars().noneMatch(Character::isLetter);
  }

  static String key(List<Word> words) {
    return words.stream().filter(w -> !w.joined()).map(Word::folded).collect(Collectors.joining(" "));
  }

  private static CharArraySet stopWords() {
    CharArraySet all = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
    all.addAll(GermanAnalyzer.getDefaultStopSet());
    return CharArraySet.unmodifiableSet(all);
  }
}
