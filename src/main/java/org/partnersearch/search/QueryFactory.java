package org.partnersearch.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.partnersearch.analysis.GermanDecompounder;
import org.partnersearch.index.IndexSchema;

/**
 * Turns a {@link UserQuery} into a Lucene query. Each word becomes a disjunction of the ways it can
 * match (see {@link FieldWeights}): as typed or stemmed in any field and either language, as its
 * compound parts, as a glossary synonym, or as a near spelling. Runs of words that form a glossary
 * term ("repository research") also match its translation ("Endlagerforschung").
 */
public final class QueryFactory {
  /** Fields a typo is looked for in: the folded ones hold unstemmed words, the base ones are highlighted. */
  private static final List<String> TYPO_FIELDS = List.of(
      IndexSchema.NAME.folded(), IndexSchema.NAME_EN.folded(), IndexSchema.ALIASES.folded(),
      IndexSchema.DESCRIPTION_DE.folded(), IndexSchema.DESCRIPTION_EN.folded());
  /** Near spellings are looked for in the first this many eligible words only: each one costs a term-dictionary walk. */
  static final int MAX_TYPO_WORDS = 5;

  private final QueryBuilder builder;
  private final Analyzer queryAnalyzer;
  private final GermanDecompounder decompounder;
  private final CharArraySet stopWords;
  private final KnownWords knownWords;
  /** One search builds the same near spellings for its strict, relaxed and did-you-mean queries and for explain. */
  private final RecentAutomata recentAutomata = new RecentAutomata();

  public QueryFactory(Analyzer queryAnalyzer, GermanDecompounder decompounder) {
    this.queryAnalyzer = queryAnalyzer;
    this.builder = new QueryBuilder(queryAnalyzer);
    this.decompounder = decompounder;
    this.knownWords = new KnownWords(queryAnalyzer, decompounder);
    this.stopWords = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    this.stopWords.addAll(GermanAnalyzer.getDefaultStopSet());
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

  /** As {@link #build(UserQuery, Glossary, boolean, IndexReader)}, with fewer ways for each word to match. */
  public Query build(UserQuery query, Glossary glossary, boolean relaxed, IndexReader reader, Simplification simpler) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    List<Clause> clauses = requiredClauses(query.required(), glossary, new TypoBudget(reader, simpler));
    boolean onlyStopWords = clauses.stream().allMatch(Clause::stopWord);
    int positives = 0;
    for (Clause c : clauses) {
      boolean must = !relaxed && (!c.stopWord() || onlyStopWords);
      all.add(c.query(), must ? Occur.MUST : Occur.SHOULD);
      positives++;
    }
    for (UserQuery.Term t : query.excluded()) {
      Query q = fields(t.text());
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
   * How many more words of this query may look for near spellings, the index they are looked up
   * in, and whether compound parts are looked for. Checked before a word's automata are built:
   * building them is the costly part (a 2-edit automaton of a long word takes milliseconds).
   */
  private static final class TypoBudget {
    private final IndexReader reader;
    private final boolean compoundParts;
    private int left;

    TypoBudget(IndexReader reader, Simplification simpler) {
      this.reader = reader;
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

  private List<Clause> requiredClauses(List<UserQuery.Group> groups, Glossary glossary, TypoBudget typos) {
    List<Clause> clauses = new ArrayList<>();
    int i = 0;
    while (i < groups.size()) {
      int span = glossarySpan(groups, i, glossary);
      if (span > 1) {
        clauses.add(new Clause(spanWithTranslation(groups.subList(i, i + span), glossary, typos), false));
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

  /** The length of the longest run of plain words starting at {@code start} that is a glossary term. */
  private static int glossarySpan(List<UserQuery.Group> groups, int start, Glossary glossary) {
    int plainRun = 0;
    while (start + plainRun < groups.size() && isPlainWord(groups.get(start + plainRun))) {
      plainRun++;
    }
    for (int n = Math.min(plainRun, glossary.maxWords()); n > 1; n--) {
      if (!glossary.translations(joined(groups.subList(start, start + n))).isEmpty()) {
        return n;
      }
    }
    return 1;
  }

  private Query spanWithTranslation(List<UserQuery.Group> span, Glossary glossary, TypoBudget typos) {
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    for (UserQuery.Group g : span) {
      Query q = term(g.alternatives().get(0), glossary, typos);
      if (q != null) {
        words.add(q, Occur.MUST);
      }
    }
    List<Query> alternatives = new ArrayList<>(List.of(words.build()));
    for (String translation : glossary.translations(joined(span))) {
      add(alternatives, fields(translation), FieldWeights.SYNONYM);
    }
    return new DisjunctionMaxQuery(alternatives, 0f);
  }

  /** One word or phrase: every way it can match, the best one counting. Null if it analyses to nothing. */
  private Query term(UserQuery.Term t, Glossary glossary, TypoBudget typos) {
    Query asTyped = fields(t.text());
    if (asTyped == null) {
      return null;
    }
    List<Query> alternatives = new ArrayList<>(List.of(asTyped));
    if (!t.phrase()) {
      if (typos.compoundParts) {
        add(alternatives, compoundParts(t.text()), FieldWeights.COMPOUND_PARTS);
      }
      Query typo = typos.hasLeft() ? typo(t.text(), typos.reader) : null;
      if (typo != null) {
        typos.take();
        add(alternatives, typo, FieldWeights.TYPO);
      }
    }
    for (String translation : glossary.translations(t.text())) {
      add(alternatives, fields(translation), FieldWeights.SYNONYM);
    }
    return alternatives.size() == 1 ? asTyped : new DisjunctionMaxQuery(alternatives, 0f);
  }

  /** The text as typed, in every weighted field; several tokens become a phrase. */
  Query fields(String text) {
    List<Query> perField = new ArrayList<>();
    for (Map.Entry<String, Float> field : FieldWeights.FIELDS.entrySet()) {
      add(perField, builder.createPhraseQuery(field.getKey(), text), field.getValue());
    }
    return perField.isEmpty() ? null : new DisjunctionMaxQuery(perField, FieldWeights.TIE_BREAKER);
  }

  /** The text as typed in one field, or null if it analyses to nothing there. */
  Query inField(String field, String text) {
    return builder.createPhraseQuery(field, text);
  }

  /** A compound typed as one word matches documents that have all its parts ("Krebsforschung": Krebs ... Forschung). */
  Query compoundParts(String word) {
    List<GermanDecompounder.Part> parts = decompounder.split(word.toLowerCase(Locale.ROOT));
    if (parts.size() < 2) {
      return null;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (GermanDecompounder.Part part : parts) {
      Query q = fields(part.text());
      if (q == null) {
        return null;
      }
      all.add(q, Occur.MUST);
    }
    return all.build();
  }

  /**
   * Near spellings: none under 5 letters, 1 edit from 5, 2 from 9; never for acronyms. None either
   * for a word that is not misspelt: one the index has as typed or stemmed in a name, alias or
   * description (as Lucene's spell checker by default), or a compound the dictionary splits into
   * known words ("Großforschungsanlage"). Near spellings of a long word are a search's most costly
   * part (JFR: building the Levenshtein automata), and for a correct word they only add noise.
   */
  Query typo(String word, IndexReader reader) {
    int length = word.codePointCount(0, word.length());
    if (length < 5 || isAcronym(word) || knownWords.isCorrect(reader, word)) {
      return null;
    }
    int edits = length >= 9 ? 2 : 1;
    List<Term> terms = new ArrayList<>();
    for (String field : TYPO_FIELDS) {
      List<String> tokens = GlossaryKeys.tokens(queryAnalyzer, field, word);
      if (tokens.size() == 1) {
        terms.add(new Term(field, tokens.get(0)));
      }
    }
    Map<String, NearSpellingQuery.Automata> automata = new HashMap<>();
    List<Query> perField = new ArrayList<>();
    for (Term term : terms) {
      NearSpellingQuery.Automata shared = automata.computeIfAbsent(term.text(), t -> recentAutomata.get(t, edits));
      add(perField, new NearSpellingQuery(term.field(), shared), FieldWeights.FIELDS.getOrDefault(term.field(), 1f));
    }
    return perField.isEmpty() ? null : new DisjunctionMaxQuery(perField, 0f);
  }

  /** Tells correct words from possible typos, for near spellings and the spelling correction alike. */
  KnownWords knownWords() {
    return knownWords;
  }

  /** HZDR, DAEF, ct.qmat, DIGS-BB, KVSF2: typed with several capitals, digits or inner punctuation. */
  static boolean isAcronym(String word) {
    long capitals = word.codePoints().filter(Character::isUpperCase).count();
    boolean innerPunctuation = word.codePoints().anyMatch(c -> c == '.' || c == '_' || Character.isDigit(c));
    return capitals >= 2 || innerPunctuation;
  }

  private boolean isStopWord(UserQuery.Term t) {
    return !t.phrase() && stopWords.contains(t.text().toLowerCase(Locale.ROOT));
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
