package org.partnersearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.partnersearch.analysis.CompoundSplitter;
import org.partnersearch.request.InvalidRequestException;
import org.partnersearch.serving.IndexSnapshot;

/**
 * What a search answers when no partner matches every word as typed, step by step, stopping at the
 * first step that finds partners: (a) compounds matched in part, at least their head or half of
 * their parts, ranked by how much matched, the head counting most; (b) not every word (a phrase's
 * words taken apart); (c) the corrected spelling, only if it finds partners itself. Each step runs
 * within the request's time budget and query-size limits, as the first try did.
 */
final class RelaxationLadder {
  /**
   * A compound's head says what the whole is ("Beschleuniger" in "Teilchenbeschleuniger"): it
   * counts this much more than a modifier.
   */
  static final float HEAD_WEIGHT = 2f;

  /**
   * What one matched piece adds, whatever its term statistics: how much of a compound matched ranks
   * first (Strahlen…forschung above only …forschung, however often a text says Forschung); the
   * pieces' own scores, far smaller than this, order partners that matched as much.
   */
  static final float PIECE_MATCHED = 10f;

  private final QueryFactory queries;
  private final CompoundPieces compoundPieces;
  private final FacetedSearch faceted;
  private final SpellingCorrector spelling;
  private final UserQueryParser parser;

  RelaxationLadder(
      QueryFactory queries,
      CompoundPieces compoundPieces,
      FacetedSearch faceted,
      SpellingCorrector spelling,
      UserQueryParser parser) {
    this.queries = queries;
    this.compoundPieces = compoundPieces;
    this.faceted = faceted;
    this.spelling = spelling;
    this.parser = parser;
  }

  /**
   * Builds and rewrites a query within the clause limit, simplifying it as needed (see
   * PartnerSearcher).
   */
  @FunctionalInterface
  interface Rewriter {
    Query rewrite(Function<QueryFactory.Simplification, Query> build) throws IOException;
  }

  /**
   * What the ladder found.
   *
   * @param query the rewritten query of the step that answered, for highlighting; null if none did
   * @param cutShort the budget ran out during or before a step
   * @param relaxation which step answered, and for what; null if the first hit matches every piece
   *     of every compound after all
   * @param didYouMean the correction whose hits these are (step c), else null
   */
  record Answer(
      Query query,
      FacetedSearch.Result result,
      Relaxation relaxation,
      String didYouMean,
      boolean cutShort) {
    boolean found() {
      return query != null;
    }
  }

  Answer climb(
      IndexSnapshot snapshot,
      UserQuery query,
      String typed,
      SearchRequest request,
      QueryTimeout budget,
      IndexedTerms indexed,
      Rewriter rewriter)
      throws IOException {
    IndexSearcher searcher = snapshot.searcher();
    IndexReader reader = snapshot.reader();
    boolean cutShort = false;
    Map<String, List<CompoundSplitter.Piece>> compounds = compounds(indexed, query, budget);
    Map<String, Query> partly = partlyMatched(indexed, compounds);
    if (!partly.isEmpty() && !budget.shouldExit()) {
      Step a =
          run(
              snapshot,
              request,
              budget,
              rewriter.rewrite(
                  simpler ->
                      queries.build(query, snapshot.glossary(), false, indexed, simpler, partly)));
      cutShort |= a.timedOut();
      if (a.found()) {
        Relaxation relaxation =
            a.firstDoc() < 0 || budget.shouldExit()
                ? unexplained(Relaxation.COMPOUND_PARTS, typed)
                : compoundsRelaxed(searcher, indexed, a.firstDoc(), typed, compounds);
        return new Answer(a.query(), a.result(), relaxation, null, cutShort);
      }
    }
    UserQuery words = unquoted(query);
    if (words.required().size() > 1 && !budget.shouldExit()) {
      Step b =
          run(
              snapshot,
              request,
              budget,
              rewriter.rewrite(
                  simpler ->
                      queries.build(words, snapshot.glossary(), true, indexed, simpler, partly)));
      cutShort |= b.timedOut();
      if (b.found()) {
        Relaxation relaxation =
            b.firstDoc() < 0 || budget.shouldExit()
                ? unexplained(Relaxation.SOME_WORDS, typed)
                : wordsRelaxed(snapshot, indexed, b.firstDoc(), words, typed);
        return new Answer(b.query(), b.result(), relaxation, null, cutShort);
      }
    }
    Optional<String> corrected =
        budget.shouldExit() ? Optional.empty() : spelling.correct(reader, query, budget);
    if (corrected.isPresent() && !budget.shouldExit()) {
      UserQuery correctedQuery = parser.parse(corrected.get());
      try {
        Step c =
            run(
                snapshot,
                request,
                budget,
                rewriter.rewrite(
                    simpler ->
                        queries.build(
                            correctedQuery,
                            snapshot.glossary(),
                            false,
                            indexed,
                            simpler,
                            Map.of())));
        cutShort |= c.timedOut();
        if (c.found()) {
          List<String> replaced = new ArrayList<>(List.of(typed.strip().split("\\s+")));
          replaced.removeIf(
              w -> corrected.get().toLowerCase(Locale.ROOT).contains(w.toLowerCase(Locale.ROOT)));
          return new Answer(
              c.query(),
              c.result(),
              new Relaxation(Relaxation.SPELLING, typed, replaced, corrected.get()),
              corrected.get(),
              cutShort);
        }
      } catch (InvalidRequestException tooComplex) {
        // NOTE: not an error: the visitor's own query was answered (with nothing); a correction is
        // optional
      }
    }
    return new Answer(null, null, null, null, cutShort || budget.shouldExit());
  }

  /** The query with each required phrase, which no partner has as such, taken as its words. */
  private static UserQuery unquoted(UserQuery query) {
    List<UserQuery.Group> groups = new ArrayList<>();
    for (UserQuery.Group g : query.required()) {
      if (g.alternatives().size() == 1 && g.alternatives().get(0).phrase()) {
        for (String word : g.alternatives().get(0).text().strip().split("\\s+")) {
          groups.add(new UserQuery.Group(List.of(new UserQuery.Term(word, false))));
        }
      } else {
        groups.add(g);
      }
    }
    return new UserQuery(groups, query.excluded());
  }

  /** One step's search. */
  private record Step(Query query, FacetedSearch.Result result, boolean timedOut) {
    boolean found() {
      return result.total() > 0;
    }

    /**
     * The first hit, or -1 when the budget ran out before any was ranked (the count may still be
     * more).
     */
    int firstDoc() {
      return result.hits().scoreDocs.length == 0 ? -1 : result.hits().scoreDocs[0].doc;
    }
  }

  private Step run(IndexSnapshot snapshot, SearchRequest request, QueryTimeout budget, Query query)
      throws IOException {
    TimeLimitedQuery timed = new TimeLimitedQuery(query, budget);
    FacetedSearch.Result result = faceted.run(snapshot, snapshot.searcher(), timed, request, false);
    return new Step(query, result, timed.timedOut());
  }

  /**
   * The typed words that split into compound pieces, at most {@link QueryFactory#MAX_TYPO_WORDS}
   * (each split looks words up in the term dictionary), none once the budget is spent.
   */
  private Map<String, List<CompoundSplitter.Piece>> compounds(
      IndexedTerms indexed, UserQuery query, QueryTimeout budget) {
    Map<String, List<CompoundSplitter.Piece>> compounds = new LinkedHashMap<>();
    for (UserQuery.Group g : query.required()) {
      for (UserQuery.Term t : g.alternatives()) {
        if (t.phrase() || compounds.containsKey(t.text())) {
          continue;
        }
        if (compounds.size() >= QueryFactory.MAX_TYPO_WORDS || budget.shouldExit()) {
          return compounds;
        }
        List<CompoundSplitter.Piece> pieces = compoundPieces.of(indexed, t.text());
        if (!pieces.isEmpty()) {
          compounds.put(t.text(), pieces);
        }
      }
    }
    return compounds;
  }

  /** For each compound, the query that matches it in part. */
  private Map<String, Query> partlyMatched(
      IndexedTerms indexed, Map<String, List<CompoundSplitter.Piece>> compounds) {
    Map<String, Query> partly = new LinkedHashMap<>();
    compounds.forEach(
        (word, pieces) -> {
          Query q = partlyMatched(pieces, indexed);
          if (q != null) {
            partly.put(word, q);
          }
        });
    return partly;
  }

  /**
   * Matches where the head, or at least half of the pieces, occur; scored by the pieces that do,
   * the head {@link #HEAD_WEIGHT} times more (see {@link #PIECE_MATCHED}). Null if too few pieces
   * are in the index for that.
   */
  private Query partlyMatched(List<CompoundSplitter.Piece> pieces, IndexedTerms indexed) {
    CompoundSplitter.Piece head = pieces.get(pieces.size() - 1);
    int half = (pieces.size() + 1) / 2;
    BooleanQuery.Builder scored = new BooleanQuery.Builder();
    BooleanQuery.Builder enough = new BooleanQuery.Builder();
    Query headQuery = null;
    int found = 0;
    for (CompoundSplitter.Piece piece : pieces) {
      Query q =
          piece.known() ? queries.text(piece.text(), List.of(), Map.of(), false, indexed) : null;
      if (q == null) {
        continue;
      }
      found++;
      if (piece == head) {
        headQuery = q;
      }
      float weight = piece == head ? HEAD_WEIGHT : 1f;
      scored.add(new BoostQuery(new ConstantScoreQuery(q), weight * PIECE_MATCHED), Occur.SHOULD);
      scored.add(new BoostQuery(q, weight), Occur.SHOULD);
      enough.add(q, Occur.SHOULD);
    }
    if (headQuery == null && found < half) {
      return null;
    }
    BooleanQuery.Builder headOrHalf = new BooleanQuery.Builder();
    if (headQuery != null) {
      headOrHalf.add(headQuery, Occur.SHOULD);
    }
    if (found >= half) {
      headOrHalf.add(enough.setMinimumNumberShouldMatch(half).build(), Occur.SHOULD);
    }
    scored.add(headOrHalf.build(), Occur.FILTER);
    return new BoostQuery(scored.build(), MatchKind.COMPOUND_PARTS.weight());
  }

  /**
   * Step (a) said in words: the compounds the first hit has only in part, and what it has of them;
   * null if it has every piece of every compound (split by the corpus's words, it is no
   * relaxation).
   */
  private Relaxation compoundsRelaxed(
      IndexSearcher searcher,
      IndexedTerms indexed,
      int doc,
      String typed,
      Map<String, List<CompoundSplitter.Piece>> compounds)
      throws IOException {
    List<String> from = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    String answered = typed;
    for (Map.Entry<String, List<CompoundSplitter.Piece>> compound : compounds.entrySet()) {
      String word = compound.getKey();
      List<String> kept = new ArrayList<>();
      List<String> left = new ArrayList<>();
      for (CompoundSplitter.Piece piece : compound.getValue()) {
        Query q =
            piece.known() ? queries.text(piece.text(), List.of(), Map.of(), false, indexed) : null;
        (q != null && matches(searcher, q, doc) ? kept : left).add(piece.asTyped(word));
      }
      if (!left.isEmpty() && !kept.isEmpty()) {
        from.add(word);
        dropped.addAll(left);
        answered = replaceWord(answered, word, String.join(" ", kept));
      }
    }
    // A compound the dictionary does not know, split by the corpus's words, may match whole:
    // nothing was relaxed.
    return from.isEmpty()
        ? null
        : new Relaxation(Relaxation.COMPOUND_PARTS, String.join(" ", from), dropped, answered);
  }

  /** A step that answered while the budget left no time to find what its first hit lacks. */
  private static Relaxation unexplained(String step, String typed) {
    return new Relaxation(step, typed, List.of(), typed);
  }

  /** Step (b) said in words: the typed words the first hit does not match. */
  private Relaxation wordsRelaxed(
      IndexSnapshot snapshot, IndexedTerms indexed, int doc, UserQuery query, String typed)
      throws IOException {
    List<String> kept = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (UserQuery.Group g : query.required()) {
      UserQuery one = new UserQuery(List.of(g), List.of());
      Query q =
          queries.build(
              one, snapshot.glossary(), false, indexed, QueryFactory.Simplification.NONE, Map.of());
      String text =
          String.join(
              " OR ",
              g.alternatives().stream()
                  .map(t -> t.phrase() ? "\"" + t.text() + "\"" : t.text())
                  .toList());
      (matches(snapshot.searcher(), q, doc) ? kept : dropped).add(text);
    }
    return new Relaxation(Relaxation.SOME_WORDS, typed, dropped, String.join(" ", kept));
  }

  /**
   * Whether {@code doc} matches {@code query}, asked without scores: {@code IndexSearcher.explain}
   * would score each clause and build its explanation (JFR at 13 partners: the explanations were
   * most of what saying a relaxation in words cost).
   */
  private static boolean matches(IndexSearcher searcher, Query query, int doc) throws IOException {
    Weight weight =
        searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    Scorer scorer = weight.scorer(leaf);
    if (scorer == null) {
      return false;
    }
    int target = doc - leaf.docBase;
    TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
    if (twoPhase == null) {
      return scorer.iterator().advance(target) == target;
    }
    return twoPhase.approximation().advance(target) == target && twoPhase.matches();
  }

  private static String replaceWord(String text, String word, String by) {
    List<String> words = new ArrayList<>(List.of(text.strip().split("\\s+")));
    words.replaceAll(w -> w.equals(word) ? by : w);
    return String.join(" ", words);
  }
}
