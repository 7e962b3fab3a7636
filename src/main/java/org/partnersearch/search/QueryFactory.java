package org.partnersearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.partnersearch.analysis.Analyzers;
import org.partnersearch.analysis.Chain;
import org.partnersearch.analysis.Folding;
import org.partnersearch.analysis.GermanDecompounder;
import org.partnersearch.analysis.StopWords;
import org.partnersearch.index.IndexSchema;
import org.partnersearch.index.SearchableText;
import org.partnersearch.serving.Glossary;

/**
 * Turns a {@link UserQuery} into a Lucene query. A word becomes, in each {@link SearchableText},
 * one {@link SynonymQuery} over the stacked variants it can match (as typed, folded, stemmed, as a
 * compound's part, its one-word glossary translations, its near spellings), each term weighted by
 * the kind of match ({@link MatchKind}): one scored pseudo-term per text, so a word costs at most
 * one postings merge per text and block-max WAND still prunes. The texts' weights boost at most
 * eight clauses per word. A compound typed as one word also matches its parts together, and
 * several-word translations match as phrases.
 */
public final class QueryFactory {
  /**
   * Near spellings are looked for in the first this many eligible words only: each one costs a
   * term-dictionary walk.
   */
  static final int MAX_TYPO_WORDS = 5;

  /**
   * Longer words get no near spellings: a Levenshtein automaton grows with the word, and 150
   * letters took over a second (HostileRequestsTest); the corpus's longest real compounds have
   * about 40.
   */
  static final int MAX_TYPO_LETTERS = 48;

  private static final List<String> WORD_FIELDS =
      KnownWords.WORD_TEXTS.stream().map(SearchableText::field).toList();

  private final TypedWords typedWords;
  private final GermanDecompounder decompounder;
  private final KnownWords knownWords;

  /**
   * One search builds the same near spellings for its strict, relaxed and did-you-mean queries and
   * for explain.
   */
  private final RecentAutomata recentAutomata = new RecentAutomata();

  public QueryFactory(Analyzers analyzers, GermanDecompounder decompounder) {
    this.typedWords = new TypedWords(analyzers);
    this.decompounder = decompounder;
    this.knownWords = new KnownWords(typedWords, decompounder);
  }

  /**
   * @param relaxed false: every word must match (stop words only where nothing else is typed);
   *     true: any word may, more matching words rank higher
   */
  public Query build(UserQuery query, Glossary glossary, boolean relaxed, IndexReader reader) {
    return build(query, glossary, relaxed, reader, Simplification.NONE);
  }

  /**
   * What a query too complex for Lucene's clause limit leaves out, step by step: first the near
   * spellings (each expands to up to 50 terms per field), then the compound parts.
   */
  public enum Simplification {
    NONE,
    NO_TYPOS,
    NO_TYPOS_OR_PARTS
  }

  /**
   * As {@link #build(UserQuery, Glossary, boolean, IndexReader)}, with fewer ways for each word to
   * match.
   */
  public Query build(
      UserQuery query,
      Glossary glossary,
      boolean relaxed,
      IndexReader reader,
      Simplification simpler) {
    return build(query, glossary, relaxed, new IndexedTerms(reader), simpler, Map.of());
  }

  /**
   * As {@link #build(UserQuery, Glossary, boolean, IndexReader, Simplification)}, with what the
   * request's other queries looked up in {@code indexed} kept for this one, and where a typed word
   * that is a key of {@code extra} may also match by that query (the relaxation ladder's partly
   * matched compounds).
   */
  Query build(
      UserQuery query,
      Glossary glossary,
      boolean relaxed,
      IndexedTerms indexed,
      Simplification simpler,
      Map<String, Query> extra) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    TypoBudget typos = new TypoBudget(indexed, simpler, extra);
    List<Clause> clauses = requiredClauses(query.required(), glossary, typos);
    boolean onlyStopWords = clauses.stream().allMatch(Clause::stopWord);
    int positives = 0;
    for (Clause c : clauses) {
      boolean must = !relaxed && (!c.stopWord() || onlyStopWords);
      all.add(c.query(), must ? Occur.MUST : Occur.SHOULD);
      positives++;
    }
    for (UserQuery.Term t : query.excluded()) {
      Query q = text(t.text(), List.of(), Map.of(), t.phrase(), typos.indexed);
      if (q != null) {
        all.add(q, Occur.MUST_NOT);
      }
    }
    if (positives == 0) {
      all.add(new MatchAllDocsQuery(), Occur.MUST);
    } else if (relaxed) {
      all.setMinimumNumberShouldMatch(1);
    }
    return all.build();
  }

  private record Clause(Query query, boolean stopWord) {}

  /**
   * How many more words of this query may look for near spellings, the terms the index has, and
   * whether compound parts are looked for. Checked before a word's automata are built: building
   * them is the costly part (a 2-edit automaton of a long word takes milliseconds).
   */
  private static final class TypoBudget {
    private final IndexedTerms indexed;
    private final boolean compoundParts;

    /**
     * More ways for some typed words to match; see {@link QueryFactory#build(UserQuery, Glossary,
     * boolean, IndexReader, Simplification, Map)}.
     */
    private final Map<String, Query> extra;

    private int left;

    TypoBudget(IndexedTerms indexed, Simplification simpler, Map<String, Query> extra) {
      this.extra = extra;
      this.indexed = indexed;
      this.left = simpler == Simplification.NONE ? MAX_TYPO_WORDS : 0;
      this.compoundParts = simpler != Simplification.NO_TYPOS_OR_PARTS;
    }

    boolean hasLeft() {
      return left > 0;
    }

    void take() {
      left--;
    }
  }

  private List<Clause> requiredClauses(
      List<UserQuery.Group> groups, Glossary glossary, TypoBudget typos) {
    List<Clause> clauses = new ArrayList<>();
    int i = 0;
    while (i < groups.size()) {
      int span = glossarySpan(groups, i, glossary, typos.indexed);
      if (span > 1) {
        clauses.add(
            new Clause(spanWithTranslation(groups.subList(i, i + span), glossary, typos), false));
        i += span;
        continue;
      }
      UserQuery.Group group = groups.get(i++);
      List<Query> alternatives = new ArrayList<>();
      for (UserQuery.Term t : group.alternatives()) {
        Query q = term(t, glossary, typos);
        if (q != null) {
          alternatives.add(q);
        }
      }
      if (alternatives.isEmpty()) {
        continue; // e.g. "*" or "(": nothing a field could match
      }
      boolean stop = group.alternatives().size() == 1 && isStopWord(group.alternatives().get(0));
      clauses.add(new Clause(or(alternatives), stop));
    }
    return clauses;
  }

  /**
   * The length of the longest run of plain words starting at {@code start} that is a glossary term.
   */
  private static int glossarySpan(
      List<UserQuery.Group> groups, int start, Glossary glossary, IndexedTerms indexed) {
    int plainRun = 0;
    while (start + plainRun < groups.size() && isPlainWord(groups.get(start + plainRun))) {
      plainRun++;
    }
    for (int n = Math.min(plainRun, glossary.maxWords()); n > 1; n--) {
      if (!indexed.translations(glossary, joined(groups.subList(start, start + n))).isEmpty()) {
        return n;
      }
    }
    return 1;
  }

  private Query spanWithTranslation(
      List<UserQuery.Group> span, Glossary glossary, TypoBudget typos) {
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    for (UserQuery.Group g : span) {
      Query q = term(g.alternatives().get(0), glossary, typos);
      if (q != null) {
        words.add(q, Occur.MUST);
      }
    }
    List<Query> alternatives = new ArrayList<>(List.of(words.build()));
    for (String translation : typos.indexed.translations(glossary, joined(span))) {
      add(
          alternatives,
          text(translation, List.of(), Map.of(), false, typos.indexed),
          MatchKind.PHRASE_TRANSLATION.weight());
    }
    return new BestAlternativeQuery(alternatives);
  }

  /**
   * One word or phrase: every way it can match, the best one counting. Null if it analyses to
   * nothing.
   */
  private Query term(UserQuery.Term t, Glossary glossary, TypoBudget typos) {
    List<String> oneWord = new ArrayList<>();
    List<String> phrases = new ArrayList<>();
    for (String translation : typos.indexed.translations(glossary, t.text())) {
      (translation.strip().contains(" ") ? phrases : oneWord).add(translation);
    }
    Map<String, Map<String, Float>> nearSpellings =
        t.phrase() ? Map.of() : nearSpellings(t.text(), typos);
    Query asTyped = text(t.text(), oneWord, nearSpellings, t.phrase(), typos.indexed);
    if (asTyped == null) {
      return null;
    }
    List<Query> alternatives = new ArrayList<>(List.of(asTyped));
    if (!t.phrase()) {
      if (typos.compoundParts) {
        add(
            alternatives,
            compoundParts(t.text(), typos.indexed),
            MatchKind.COMPOUND_PARTS.weight());
      }
      add(alternatives, typos.extra.get(t.text()), 1f);
    }
    for (String phrase : phrases) {
      add(
          alternatives,
          text(phrase, List.of(), Map.of(), false, typos.indexed),
          MatchKind.PHRASE_TRANSLATION.weight());
    }
    return alternatives.size() == 1 ? asTyped : new BestAlternativeQuery(alternatives);
  }

  /**
   * {@code text} in every searchable text, the scores of the texts summed: one word as a {@link
   * SynonymQuery} of its variants, its one-word {@code translations} and its {@code nearSpellings}
   * (per field); several words, or a quoted phrase, as a phrase of the words' forms. Null if it
   * analyses to nothing.
   *
   * <p>NOTE: a sum (a BooleanQuery of optional clauses) rather than the best text plus a little for
   * the others (DisjunctionMaxQuery with a tie-breaker): only a pure disjunction lets Lucene's
   * block-max WAND skip documents that cannot make the top hits, since a DisjunctionMaxQuery passes
   * the minimum competitive score to its clauses only without a tie-breaker. The relevance table
   * passes with the sum, not with the best text alone (the universities for "Hochschule" need their
   * second text).
   */
  Query text(
      String text,
      List<String> translations,
      Map<String, Map<String, Float>> nearSpellings,
      boolean phrase,
      IndexedTerms indexed) {
    List<Query> perText = new ArrayList<>();
    Map<Chain, List<WordForms>> byChain = new EnumMap<>(Chain.class);
    for (SearchableText searchable : SearchableText.values()) {
      List<WordForms> words =
          byChain.computeIfAbsent(
              searchable.chain(), chain -> indexed.words(typedWords, chain, text));
      if (words.isEmpty()) {
        return null;
      }
      Query q =
          words.size() == 1 && !phrase
              ? variants(
                  searchable,
                  words.get(0),
                  translations,
                  nearSpellings.getOrDefault(searchable.field(), Map.of()),
                  indexed)
              : phrase(searchable.field(), words);
      if (q != null) {
        perText.add(new BoostQuery(q, searchable.weight()));
      }
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    perText.forEach(q -> any.add(q, Occur.SHOULD));
    return any.build();
  }

  /** The word's terms that the index has in this text, weighted; null if it has none. */
  private Query variants(
      SearchableText searchable,
      WordForms word,
      List<String> translations,
      Map<String, Float> nearSpellings,
      IndexedTerms indexed) {
    Map<String, MatchKind> kinds = new LinkedHashMap<>(word.terms());
    for (String translation : translations) {
      List<WordForms> translated = indexed.words(typedWords, searchable.chain(), translation);
      if (translated.size() == 1) {
        translated
            .get(0)
            .translationTerms()
            .forEach((term, kind) -> WordForms.put(kinds, term, kind));
      }
    }
    Map<String, Float> weights = new LinkedHashMap<>();
    kinds.forEach(
        (term, kind) -> {
          if (indexed.has(searchable.field(), term)) {
            weights.put(term, kind.weight());
          }
        });
    // NOTE: no lookup for these: they were read from this field's own terms.
    nearSpellings.forEach(
        (term, boost) -> weights.putIfAbsent(term, MatchKind.TYPO.weight() * boost));
    if (weights.isEmpty()) {
      return null;
    }
    Map.Entry<String, Float> first = weights.entrySet().iterator().next();
    if (weights.size() == 1 && first.getValue() == 1f) {
      // What SynonymQuery rewrites a single unboosted term to, with the states the lookup found:
      // its weight would seek the term in every segment again (JFR at 13 partners: TermStates.build
      // 6 % of a search). NOTE: not for a boosted term: a SynonymQuery weighs a term's frequency,
      // a BoostQuery its score, and the two rank differently (ZeroResultTableTest saw it).
      return new TermQuery(
          new Term(searchable.field(), first.getKey()),
          indexed.states(searchable.field(), first.getKey()));
    }
    SynonymQuery.Builder synonyms = new SynonymQuery.Builder(searchable.field());
    weights.forEach((term, weight) -> synonyms.addTerm(new Term(searchable.field(), term), weight));
    return synonyms.build();
  }

  private static Query phrase(String field, List<WordForms> words) {
    MultiPhraseQuery.Builder phrase = new MultiPhraseQuery.Builder();
    for (WordForms w : words) {
      phrase.add(w.phraseTerms().stream().map(t -> new Term(field, t)).toArray(Term[]::new));
    }
    return phrase.build();
  }

  /**
   * A compound typed as one word matches documents that have all its parts ("Krebsforschung": Krebs
   * ... Forschung).
   */
  private Query compoundParts(String word, IndexedTerms indexed) {
    List<GermanDecompounder.Part> parts = decompounder.split(word.toLowerCase(Locale.ROOT));
    if (parts.size() < 2) {
      return null;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (GermanDecompounder.Part part : parts) {
      Query q = text(part.text(), List.of(), Map.of(), false, indexed);
      if (q == null) {
        return null;
      }
      all.add(q, Occur.MUST);
    }
    return all.build();
  }

  /**
   * Near spellings, per field of names and descriptions ({@link KnownWords#WORD_TEXTS}): none under
   * 5 letters, 1 edit from 5, 2 from 9; never for acronyms. None either for a word that is not
   * misspelt: one the index has as typed, folded or stemmed in a name, alias or description, or a
   * compound the dictionary splits into known words. The budget is taken before the automaton is
   * built, the costly part.
   */
  private Map<String, Map<String, Float>> nearSpellings(String word, TypoBudget typos) {
    if (!typos.hasLeft()) {
      return Map.of();
    }
    Optional<Map<String, Map<String, Float>>> found =
        typos.indexed.nearSpellings(word, w -> nearSpellingsByField(w, typos.indexed));
    if (found.isEmpty()) {
      return Map.of();
    }
    typos.take();
    return found.get();
  }

  private Optional<Map<String, Map<String, Float>>> nearSpellingsByField(
      String word, IndexedTerms indexed) {
    IndexReader reader = indexed.reader();
    NearSpellings near = nearSpellingsOf(word, indexed);
    if (near == null) {
      return Optional.empty();
    }
    Map<String, Map<String, Float>> byField = new LinkedHashMap<>();
    try {
      for (SearchableText searchable : KnownWords.WORD_TEXTS) {
        byField.put(searchable.field(), near.in(reader, searchable.field()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(byField);
  }

  /** The near spellings of a possible typo, or null for a word that gets none. */
  NearSpellings nearSpellingsOf(String word, IndexReader reader) {
    return nearSpellingsOf(word, new IndexedTerms(reader));
  }

  private NearSpellings nearSpellingsOf(String word, IndexedTerms indexed) {
    int length = word.codePointCount(0, word.length());
    return isPossibleTypo(word, length, indexed)
        ? nearSpellings(word, length >= 9 ? 2 : 1, indexed.reader(), WORD_FIELDS)
        : null;
  }

  /**
   * The spellings a did-you-mean may offer for a possible typo (null for a word that gets none):
   * two edits from 5 letters, as Lucene's spell checker allowed ("helth": "heute"); the query's own
   * near spellings keep to one edit under 9 letters, which ranks fewer unrelated words.
   */
  NearSpellings correctionsOf(String word, IndexReader reader) {
    return isPossibleTypo(word, word.codePointCount(0, word.length()), new IndexedTerms(reader))
        ? nearSpellings(word, 2, reader, List.of(IndexSchema.SPELL))
        : null;
  }

  private boolean isPossibleTypo(String word, int length, IndexedTerms indexed) {
    return length >= 5
        && length <= MAX_TYPO_LETTERS
        && !isAcronym(word)
        && word.codePoints().allMatch(Character::isLetter)
        && !knownWords.isCorrect(indexed, word);
  }

  /** An automaton, cached while recent, for large term dictionaries; a scan for small ones. */
  private NearSpellings nearSpellings(
      String word, int maxEdits, IndexReader reader, List<String> fields) {
    String folded = Folding.strip(word.toLowerCase(Locale.ROOT));
    return NearSpellings.scans(reader, fields)
        ? NearSpellings.scanning(folded, maxEdits)
        : recentAutomata.get(folded, maxEdits);
  }

  /** How typed text is analysed, for explain to look for the same terms. */
  TypedWords typedWords() {
    return typedWords;
  }

  GermanDecompounder decompounder() {
    return decompounder;
  }

  /**
   * Tells correct words from possible typos, for near spellings and the spelling correction alike.
   */
  KnownWords knownWords() {
    return knownWords;
  }

  /**
   * Whether a name, alias or description of {@code reader}'s generation has {@code word} in some
   * form, also as a compound's part: the corpus's own words, by which the searcher and the
   * suggester split compounds that the dictionary leaves whole.
   */
  public boolean isCorpusWord(IndexReader reader, String word) {
    return knownWords.isIndexed(reader, word);
  }

  /**
   * HZDR, DAEF, ct.qmat, DIGS-BB, KVSF2: typed with several capitals, digits or inner punctuation.
   */
  static boolean isAcronym(String word) {
    long capitals = word.codePoints().filter(Character::isUpperCase).count();
    boolean innerPunctuation =
        word.codePoints().anyMatch(c -> c == '.' || c == '_' || Character.isDigit(c));
    return capitals >= 2 || innerPunctuation;
  }

  private static boolean isStopWord(UserQuery.Term t) {
    return !t.phrase() && StopWords.contains(t.text());
  }

  private static boolean isPlainWord(UserQuery.Group g) {
    return g.alternatives().size() == 1 && !g.alternatives().get(0).phrase();
  }

  private static String joined(List<UserQuery.Group> groups) {
    return String.join(" ", groups.stream().map(g -> g.alternatives().get(0).text()).toList());
  }

  private static Query or(List<Query> alternatives) {
    if (alternatives.size() == 1) {
      return alternatives.get(0);
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    alternatives.forEach(q -> any.add(q, Occur.SHOULD));
    return any.build();
  }

  private static void add(List<Query> queries, Query q, float boost) {
    if (q != null) {
      queries.add(boost == 1f ? q : new BoostQuery(q, boost));
    }
  }
}
