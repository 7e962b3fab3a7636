package org.partnersearch.suggest;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.search.suggest.Lookup.LookupResult;
import org.apache.lucene.search.suggest.analyzing.FuzzySuggester;
import org.apache.lucene.util.BytesRef;
import org.partnersearch.corpus.Lang;

/**
 * Autocomplete over one index generation, opened from the files built with it ({@link SuggesterStore}).
 * Lucene's {@link org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester} finds the entries
 * in which every typed word starts a word or a compound part (FOLDED chain with compound parts, so
 * umlauts, ß and compounds match); {@link EntryMatcher} ranks them; a {@link FuzzySuggester} over the
 * entries' words corrects a typo in the last word when the exact and folded matches are too few.
 * Thread-safe; closed with the snapshot it belongs to.
 */
public final class Suggester implements Closeable {
  /**
   * Typos are corrected only in a last word of at least this many letters: four letters are one edit
   * away from too many other words to tell a typo from another word ("netz" → "nutz", "ener" →
   * "enge"). Meilisearch's default for one typo is five, too.
   */
  static final int MIN_TYPO_CHARS = 5;
  /**
   * Typos are corrected only while fewer than this many entries match as typed or folded (umlauts,
   * ß, "oe" for "ö"): once the visitor's letters find enough, a correction only adds noise.
   */
  static final int MIN_EXACT_BEFORE_TYPO = 3;
  /** Typed text with fewer letters gets no suggestions: too little to choose by. */
  static final int MIN_LETTERS = 2;
  /**
   * Candidates per lookup, fetched by weight (partners and areas first, then terms by how many
   * partners use them) and then ranked by how they match.
   * NOTE: a prefix shared by more entries than this can lose rarer exact-prefix terms to more
   * frequent infix ones; at 13 partners no two-letter prefix comes near.
   */
  static final int CANDIDATES = 256;
  private static final int MAX_CORRECTIONS = 3;
  private static final int MAX_TRANSLATIONS = 3;
  private static final int MAX_WORDS = 8;

  private final WordAnalysis analysis;
  private final EntryIndex infix;
  private final FuzzySuggester fuzzy;
  private final Function<String, List<String>> translations;

  Suggester(WordAnalysis analysis, EntryIndex infix, FuzzySuggester fuzzy,
      Function<String, List<String>> translations) {
    this.analysis = analysis;
    this.infix = infix;
    this.fuzzy = fuzzy;
    this.translations = translations;
  }

  /** How many entries (partners' names, labels, terms) the suggester holds. */
  public long size() throws IOException {
    return infix.getCount();
  }

  /** Suggestions for what was typed, best first; empty for fewer than two letters. */
  public SuggestResponse suggest(SuggestRequest request) {
    String typed = request.typed();
    if (typed.codePoints().filter(Character::isLetterOrDigit).count() < MIN_LETTERS) {
      return new SuggestResponse(request.q(), List.of());
    }
    List<String> words = analysis.typedWords(typed);
    if (words.isEmpty()) {
      return new SuggestResponse(request.q(), List.of());
    }
    words = words.subList(Math.max(0, words.size() - MAX_WORDS), words.size());
    boolean lastIsPrefix = !Character.isWhitespace(typed.charAt(typed.length() - 1));
    try {
      Ranking ranking = new Ranking(request.size(), request.lang());
      for (List<String> variant : TypedVariants.of(words)) {
        collect(ranking, variant, lastIsPrefix, Integer.MAX_VALUE, null);
      }
      if (!ranking.full()) {
        for (String translation : translations(typed.strip(), String.join(" ", words))) {
          collect(ranking, analysis.typedWords(translation), false, Integer.MAX_VALUE, EntryMatcher.Tier.TRANSLATION);
        }
      }
      if (lastIsPrefix && ranking.found() < Math.min(MIN_EXACT_BEFORE_TYPO, request.size())) {
        correctLast(ranking, words);
      }
      return new SuggestResponse(request.q(), ranking.top());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The glossary's translations of the typed text, if it is a whole known word or phrase (a prefix is
   * not worth translating). The glossary is asked first: it is small and in memory, the keys are on disk.
   */
  private List<String> translations(String typed, String key) throws IOException {
    List<String> found = translations.apply(typed);
    return found.isEmpty() || !infix.hasKey(key) ? List.of() : found.stream().limit(MAX_TRANSLATIONS).toList();
  }

  /** Looks the words up and ranks each candidate; {@code tier} overrides how it matched, if given. */
  private void collect(Ranking ranking, List<String> words, boolean lastIsPrefix, int markLast,
      EntryMatcher.Tier tier) throws IOException {
    if (words.isEmpty()) {
      return;
    }
    String key = String.join(" ", words) + (lastIsPrefix ? "" : " ");
    for (LookupResult hit : infix.lookup(key, (Set<BytesRef>) null, CANDIDATES, true, false)) {
      SuggestEntry entry = ranking.entry(hit.value, hit.payload);
      EntryMatcher.match(entry, words, lastIsPrefix, markLast).ifPresentOrElse(
          m -> ranking.add(hit.value, entry, tier == null ? m.tier() : tier, m.spans(), m.whole() && tier == null),
          // Lucene matched a form the matcher does not split the same way (a catenation, say).
          () -> ranking.add(hit.value, entry, tier == null ? EntryMatcher.Tier.PART : tier, List.of(), false));
    }
  }

  /**
   * Adds the entries a typo correction of the last word finds. An umlaut digraph is read as the
   * umlaut before a typo is tried ("oekol" is "ökol", four letters: too short for a correction that
   * would turn it into "onkol"); the spelling as typed is tried only if the umlaut reading has none.
   */
  private void correctLast(Ranking ranking, List<String> words) throws IOException {
    String last = words.get(words.size() - 1);
    String umlauts = TypedVariants.umlauts(last);
    if (umlauts.length() < MIN_TYPO_CHARS) {
      return;
    }
    for (String base : umlauts.equals(last) ? List.of(last) : List.of(umlauts, last)) {
      List<String> corrections = corrections(base);
      for (String correction : corrections) {
        List<String> corrected = new ArrayList<>(words.subList(0, words.size() - 1));
        corrected.add(correction);
        collect(ranking, corrected, false, base.length(), EntryMatcher.Tier.TYPO);
      }
      if (!corrections.isEmpty()) {
        return;
      }
    }
  }

  /** Known words within one edit of a prefix of {@code word} that {@code word} is not a prefix of. */
  private List<String> corrections(String word) throws IOException {
    List<String> found = new ArrayList<>();
    for (LookupResult r : fuzzy.lookup(word, false, MAX_CORRECTIONS * 4)) {
      String candidate = r.key.toString();
      if (!candidate.startsWith(word) && found.size() < MAX_CORRECTIONS) {
        found.add(candidate);
      }
    }
    return found;
  }

  /** Closes the infix index (the typo corrector lives on the heap). */
  @Override
  public void close() throws IOException {
    infix.close();
  }

  /**
   * Ranks candidates: by match tier, partners and areas before terms, whole typed words before
   * partial ones, the visitor's language, weight, shorter text.
   */
  private static final class Ranking {
    /**
     * By tier, partners and areas before terms, whole words first, the visitor's language first (all
     * in {@link Candidate#rank}), then weight, shorter text, text. Written out rather than chained
     * from lambdas: sorting the candidates was a third of a suggest at 100,000 partners (JFR).
     */
    private static final Comparator<Candidate> ORDER = (a, b) -> {
      int c = Integer.compare(a.rank, b.rank);
      if (c == 0) {
        c = Long.compare(b.entry.weight(), a.entry.weight());
      }
      if (c == 0) {
        c = Integer.compare(a.entry.text().length(), b.entry.text().length());
      }
      return c != 0 ? c : a.entry.text().compareTo(b.entry.text());
    };

    private final int size;
    private final Lang lang;
    /** The best match of each entry so far, by its document in the infix index (decoded anew per hit). */
    private final Map<Long, Candidate> best = new HashMap<>();
    /** {@link #distinct()} as last sorted, or null after a change: sorting is most of a lookup's cost. */
    private List<Candidate> sorted;

    Ranking(int size, Lang lang) {
      this.size = size;
      this.lang = lang;
    }

    /** The entry of a hit, decoded once per request: variants and corrections find the same entries again. */
    SuggestEntry entry(long doc, BytesRef payload) throws IOException {
      Candidate known = best.get(doc);
      return known != null ? known.entry : EntryCodec.decode(payload);
    }

    void add(long doc, SuggestEntry entry, EntryMatcher.Tier tier, List<Word.Span> spans, boolean whole) {
      Candidate known = best.get(doc);
      if (known == null || tier.compareTo(known.tier) < 0 || tier == known.tier && whole && !known.whole) {
        int langRank = entry.lang() == null || entry.lang() == lang ? 0 : 1;
        best.put(doc, new Candidate(entry, tier, spans, whole, Candidate.rank(entry, tier, whole, langRank)));
        sorted = null;
      }
    }

    /** How many distinct suggestions were found so far (at most the list's size). */
    int found() {
      return distinct().size();
    }

    /** Whether the list is already full of distinct suggestions, so later tiers cannot enter it. */
    boolean full() {
      return best.size() >= size && distinct().size() >= size; // fewer candidates cannot fill it
    }

    List<Suggestion> top() {
      return distinct().stream().limit(size)
          .map(c -> new Suggestion(c.entry.text(), SuggestionHighlighter.highlight(c.entry.text(), c.spans),
              c.entry.kind(), c.entry.id()))
          .toList();
    }

    /** Best first, one per partner or area and one per folded text. */
    private List<Candidate> distinct() {
      if (sorted == null) {
        sorted = sortDistinct();
      }
      return sorted;
    }

    private List<Candidate> sortDistinct() {
      List<Candidate> all = new ArrayList<>(best.values());
      all.sort(ORDER);
      List<Candidate> out = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      Set<String> texts = new HashSet<>();
      for (Candidate c : all) {
        if (out.size() == size) {
          break; // only the list's first size suggestions are ever looked at
        }
        String id = c.entry.id() == null ? null : c.entry.kind() + ":" + c.entry.id();
        if ((id == null || !ids.contains(id)) && !texts.contains(c.entry.key())) {
          out.add(c);
          texts.add(c.entry.key());
          if (id != null) {
            ids.add(id);
          }
        }
      }
      return out;
    }
  }

  /** @param rank the tier, kind, wholeness and language order in one number, smaller first */
  private record Candidate(SuggestEntry entry, EntryMatcher.Tier tier, List<Word.Span> spans, boolean whole, int rank) {
    static int rank(SuggestEntry entry, EntryMatcher.Tier tier, boolean whole, int langRank) {
      int term = entry.kind() == Suggestion.Kind.TERM ? 1 : 0;
      return tier.ordinal() << 3 | term << 2 | (whole ? 0 : 1) << 1 | langRank;
    }
  }
}
