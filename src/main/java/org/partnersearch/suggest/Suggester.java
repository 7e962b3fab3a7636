package org.partnersearch.suggest;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.search.suggest.Lookup.LookupResult;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;
import org.partnersearch.analysis.Folding;

/**
 * Autocomplete over one index generation ({@link SuggesterStore}). Lucene's infix suggester ({@link
 * EntryIndex}) finds and marks the entries in which every typed word starts a word or a compound
 * part, {@link Ranking} orders them, and {@link Typos} corrects a typo in the last word when the
 * exact and folded matches are too few. Thread-safe; closed with its snapshot.
 */
public final class Suggester implements Closeable {
  /**
   * Typos are corrected only in a last word of at least this many letters: four letters are one
   * edit away from too many other words ("netz" → "nutz", "ener" → "enge"). Meilisearch's default,
   * too.
   */
  static final int MIN_TYPO_CHARS = 5;

  /** Typos are corrected only while fewer entries than this match as typed or folded. */
  static final int MIN_EXACT_BEFORE_TYPO = 3;

  /** Typed text with fewer letters gets no suggestions: too little to choose by. */
  static final int MIN_LETTERS = 2;

  /**
   * Candidates per lookup at most, fetched by weight (partners and areas first, then terms by how
   * many partners use them; shorter texts first among equals) and then ranked by how they match.
   * NOTE: a prefix shared by more entries than this can lose rarer exact-prefix terms to more
   * frequent infix ones; at 13 partners no two-letter prefix comes near.
   */
  static final int CANDIDATES = 256;

  /**
   * Candidates fetched first, per suggestion asked for: each is marked to be ranked, and marking
   * all {@link #CANDIDATES} was most of a suggest at 10,000 partners (JFR). Only when these do not
   * fill the list with entries that start with the typed words are all fetched: a later entry
   * weighs less or is longer, so only a better match could pass them. At 10,000 partners this
   * halved the CPU of a suggest; a changed list swaps equally good partners (tied weights).
   */
  static final int FIRST_CANDIDATES = 8;

  private static final int MAX_TRANSLATIONS = 3;
  private static final int MAX_WORDS = 8;

  private final EntryIndex infix;
  private final Typos typos;
  private final Analyzer words;
  private final Function<String, List<String>> translations;

  /**
   * @param words the query side of the chain the entries were indexed with
   */
  Suggester(
      EntryIndex infix, Typos typos, Analyzer words, Function<String, List<String>> translations) {
    this.infix = infix;
    this.typos = typos;
    this.words = words;
    this.translations = translations;
  }

  /** How many entries (partners' names, labels, terms) the suggester holds. */
  public long size() throws IOException {
    return infix.getCount();
  }

  /** Suggestions for what was typed, best first; empty for fewer than two letters. */
  public SuggestResponse suggest(SuggestRequest request) {
    String typed = request.typed();
    List<String> words =
        typed.codePoints().filter(Character::isLetterOrDigit).count() < MIN_LETTERS
            ? List.of()
            : typedWords(typed);
    if (words.isEmpty()) {
      return new SuggestResponse(request.q(), List.of());
    }
    words = words.subList(Math.max(0, words.size() - MAX_WORDS), words.size());
    boolean lastIsPrefix = !Character.isWhitespace(typed.charAt(typed.length() - 1));
    // A visitor without umlaut keys types "ue" for "ü": the digraphs are read as umlauts too.
    List<String> umlauts = words.stream().map(Folding::readDigraphs).toList();
    try {
      Ranking ranking = new Ranking(request.size(), request.lang());
      collect(ranking, words, lastIsPrefix, null, null);
      if (!umlauts.equals(words)) {
        collect(ranking, umlauts, lastIsPrefix, null, null);
      }
      // Only a whole known word or phrase is translated, not a prefix.
      if (!ranking.full() && ranking.hasKey(String.join(" ", words))) {
        for (String translation :
            translations.apply(typed.strip()).stream().limit(MAX_TRANSLATIONS).toList()) {
          collect(ranking, typedWords(translation), false, Ranking.Tier.TRANSLATION, null);
        }
      }
      if (lastIsPrefix && ranking.found() < Math.min(MIN_EXACT_BEFORE_TYPO, request.size())) {
        correctLast(ranking, words);
      }
      return new SuggestResponse(request.q(), ranking.suggestions());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Looks the words up and ranks each hit; {@code tier} overrides how it matched, if given, and for
   * a typo the entries with the whole {@code correction} come before those with a longer word.
   */
  private void collect(
      Ranking ranking,
      List<String> words,
      boolean lastIsPrefix,
      Ranking.Tier tier,
      String correction)
      throws IOException {
    if (words.isEmpty()) {
      return;
    }
    String typed = String.join(" ", words);
    String key = typed + (lastIsPrefix ? "" : " ");
    // A few candidates first, all of them only if these leave the list unsettled: those start
    // with the first ones again (ties by document), which are ranked already.
    int ranked = 0;
    for (int n = Math.min(CANDIDATES, FIRST_CANDIDATES * ranking.size()); ; n = CANDIDATES) {
      List<LookupResult> hits = infix.lookup(key, (Set<BytesRef>) null, n, true, true);
      for (LookupResult hit : hits.subList(ranked, hits.size())) {
        Hit entry = (Hit) hit.highlightKey;
        boolean whole =
            correction == null
                || List.of(entry.marked().entry().key().split(" ")).contains(correction);
        ranking.add(entry, typed, lastIsPrefix, whole ? tier : Ranking.Tier.TYPO_PREFIX);
      }
      if (hits.size() < n || n == CANDIDATES || ranking.settled()) {
        return;
      }
      ranked = n;
    }
  }

  /**
   * Adds the entries a typo correction of the last word finds, looked up (and marked) by as many
   * letters as were typed. An umlaut digraph is read as the umlaut before a typo is tried ("oekol"
   * is "ökol", four letters: too short to be turned into "onkol"); the spelling as typed is tried
   * only if the umlaut reading has no correction, or is too short and found nothing ("moern" is no
   * "mörn" but a typo of "modern").
   */
  private void correctLast(Ranking ranking, List<String> words) throws IOException {
    String last = words.get(words.size() - 1);
    String umlauts = Folding.readDigraphs(last);
    if (umlauts.length() < MIN_TYPO_CHARS && ranking.found() > 0) {
      return;
    }
    for (String base : umlauts.equals(last) ? List.of(last) : List.of(umlauts, last)) {
      if (base.length() < MIN_TYPO_CHARS) {
        continue;
      }
      List<String> corrections = typos.corrections(base);
      for (String correction : corrections) {
        List<String> corrected = new ArrayList<>(words.subList(0, words.size() - 1));
        corrected.add(correction.substring(0, Math.min(correction.length(), base.length())));
        collect(ranking, corrected, true, Ranking.Tier.TYPO, correction);
      }
      if (!corrections.isEmpty()) {
        return;
      }
    }
  }

  /** The folded single words of typed text, in order; hyphenated input yields its pieces. */
  private List<String> typedWords(String typed) {
    List<String> found = new ArrayList<>();
    try (TokenStream ts = words.tokenStream("", typed)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionLengthAttribute length = ts.addAttribute(PositionLengthAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (length.getPositionLength() == 1) {
          found.add(term.toString());
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /** How many typed last words' queries the lookup keeps ({@link EntryIndex#keptLastWords}). */
  int keptLastWords() {
    return infix.keptLastWords();
  }

  @Override
  public void close() throws IOException {
    IOUtils.close(typos, infix);
  }
}
