package org.partnersearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.partnersearch.analysis.CompoundSplitter;
import org.partnersearch.corpus.Lang;
import org.partnersearch.corpus.Partner;
import org.partnersearch.index.IndexSchema;
import org.partnersearch.index.JsonCodec;
import org.partnersearch.index.SearchableText;
import org.partnersearch.request.InvalidRequestException;
import org.partnersearch.serving.IndexSnapshot;
import org.partnersearch.serving.IndexStatus;
import org.partnersearch.serving.LiveIndex;
import org.partnersearch.suggest.SuggestRequest;
import org.partnersearch.suggest.SuggestResponse;
import org.partnersearch.suggest.Suggestion;

/**
 * The search layer's entry point: ranked, highlighted, faceted search and partner lookups over the
 * {@link LiveIndex}. Knows nothing of HTTP; the web layer, the CLI and tests call it alike.
 */
public final class PartnerSearcher {
  /** Below this many hits a spelling correction is worth offering. */
  private static final int FEW_HITS = 3;

  /**
   * Each warm-up search stops matching after this long: cut short it still runs every step (the
   * highlighter, facets, did-you-mean), and on a million partners "Forschung" matches nearly all of
   * them (the warm-up took 2.9 s there, in the benchmark's server log).
   */
  private static final Duration WARM_UP_BUDGET = Duration.ofMillis(100);

  private final LiveIndex index;
  private final JsonCodec json;
  private final UserQueryParser parser = new UserQueryParser();
  private final QueryFactory queries;
  private final HitHighlighter highlighter;
  private final SpellingCorrector spelling;
  private final MatchExplainer explainer;
  private final FacetCounter facets = new FacetCounter();
  private final FacetedSearch faceted;
  private final RequestLimits limits = new RequestLimits();
  private final RelaxationLadder ladder;
  private final PartnerTypeWords typeWords;
  private final RecentPartners recentPartners = new RecentPartners();
  private final TermsEnumPool termsEnums = new TermsEnumPool();

  private final Duration timeBudget;

  /**
   * The snapshot that {@link #onOneGeneration} holds for the calls made on this thread meanwhile.
   * NOTE: per thread because a request is answered on one thread; the web layer needs the
   * generation that answered, and a swap between two calls must not mix generations.
   */
  private final ThreadLocal<IndexSnapshot> pinned = new ThreadLocal<>();

  /**
   * @param timeBudget how long one search may take inside Lucene; past it the hits found so far are
   *     returned with {@code partial: true}
   */
  public PartnerSearcher(
      LiveIndex index,
      IndexSchema schema,
      JsonCodec json,
      QueryFactory queries,
      Analyzer indexAnalyzer,
      Analyzer wordsAnalyzer,
      Duration timeBudget) {
    this.index = index;
    this.timeBudget = timeBudget;
    this.faceted = new FacetedSearch(schema.facetsConfig());
    this.json = json;
    this.queries = queries;
    this.highlighter = new HitHighlighter(indexAnalyzer);
    this.spelling = new SpellingCorrector(wordsAnalyzer, queries);
    this.explainer = new MatchExplainer(queries);
    this.ladder =
        new RelaxationLadder(
            queries,
            new CompoundPieces(new CompoundSplitter(queries.decompounder()), queries.knownWords()),
            faceted,
            spelling,
            parser);
    this.typeWords = new PartnerTypeWords(queries.typedWords(), schema.facetsConfig());
  }

  public SearchResponse search(SearchRequest request) {
    return search(request, timeBudget);
  }

  private SearchResponse search(SearchRequest request, Duration timeBudget) {
    long start = System.nanoTime();
    limits.checkPaging(request);
    UserQuery query = parser.parse(request.q());
    limits.checkClauses(query);
    // One budget for the whole request: building and rewriting the queries, matching with facets,
    // the relaxed second try, explaining and did-you-mean. Matching stops inside Lucene when it is
    // spent; the optional steps after it are skipped or cut short, and the answer says partial.
    // NOTE: highlighting the page is not cut: a hit needs its name.
    QueryTimeout budget = new QueryTimeoutImpl(timeBudget.toMillis());
    return withSnapshot(
        snapshot -> {
          limits.checkFilters(request, snapshot);
          IndexSearcher searcher = snapshot.searcher();
          // NOTE: the enums go back only when the search succeeds: a failed one's are dropped.
          TermsEnumPool.Enums enums = termsEnums.borrow(snapshot.reader());
          IndexedTerms indexed = new IndexedTerms(snapshot.reader(), enums);
          boolean browse = query.isEmpty();
          // Rewritten once here: the highlighter would otherwise rewrite the query (building every
          // typo's
          // Levenshtein automata) again for each highlighted field of each hit.
          Query base =
              browse
                  ? new MatchAllDocsQuery()
                  : typeWords.rankNamedTypes(
                      rewritten(searcher, snapshot, query, indexed),
                      query,
                      snapshot.glossary(),
                      snapshot.vocabulary(),
                      indexed);
          TimeLimitedQuery timed = new TimeLimitedQuery(base, budget);
          FacetedSearch.Result result = faceted.run(snapshot, searcher, timed, request, browse);
          RelaxationLadder.Answer relaxed = null;
          if (result.total() == 0 && !browse && !query.required().isEmpty()) {
            relaxed =
                ladder.climb(
                    snapshot,
                    query,
                    request.q(),
                    request,
                    budget,
                    indexed,
                    build -> rewritten(searcher, build));
            if (relaxed.found()) {
              base = relaxed.query();
              result = relaxed.result();
            }
          }
          long total = result.total();
          Page page =
              hits(snapshot, searcher, base, result.hits(), request, browse ? null : query, budget);
          boolean partial =
              timed.timedOut() || (relaxed != null && relaxed.cutShort()) || page.cutShort();
          boolean corrected = relaxed != null && relaxed.didYouMean() != null;
          String didYouMean =
              corrected
                  ? relaxed.didYouMean()
                  : browse
                          || total >= FEW_HITS
                          || partial
                          || budget.shouldExit()
                          || (relaxed != null && !relaxed.found())
                      ? null
                      : didYouMean(snapshot, searcher, query, request, budget, indexed);
          Relaxation relaxation = relaxed == null ? null : relaxed.relaxation();
          termsEnums.giveBack(enums);
          return new SearchResponse(
              request.q(),
              total,
              request.page(),
              request.size(),
              (System.nanoTime() - start) / 1_000_000,
              page.hits(),
              facets.count(result.facets(), snapshot.facetDims(), snapshot.vocabulary(), request),
              didYouMean,
              relaxation != null,
              partial,
              relaxation);
        });
  }

  /**
   * The query built and rewritten, simplified as far as needed to stay within Lucene's clause limit
   * (near spellings left out first, then compound parts); a query too complex even then is a 400.
   */
  private Query rewritten(
      IndexSearcher searcher, IndexSnapshot snapshot, UserQuery query, IndexedTerms indexed)
      throws IOException {
    return rewritten(
        searcher,
        simpler -> queries.build(query, snapshot.glossary(), false, indexed, simpler, Map.of()));
  }

  private Query rewritten(
      IndexSearcher searcher, java.util.function.Function<QueryFactory.Simplification, Query> build)
      throws IOException {
    QueryFactory.Simplification[] forms = QueryFactory.Simplification.values();
    for (int i = 0; i < forms.length; i++) {
      Query built = build.apply(forms[i]);
      // Lucene counts the clauses only after the whole rewrite (each near spelling expanded in each
      // field, the costly part): a form already over the limit before that is not rewritten at all.
      if (i < forms.length - 1 && ClauseEstimate.of(built) > IndexSearcher.getMaxClauseCount()) {
        continue;
      }
      try {
        return searcher.rewrite(built);
      } catch (IndexSearcher.TooManyClauses tooMany) { // TooManyNestedClauses included
        // NOTE: not an error: the next, simpler form is tried
      }
    }
    throw tooComplex();
  }

  private static InvalidRequestException tooComplex() {
    return new InvalidRequestException(
        "query_too_complex",
        "the query has too many words that expand to many terms; use fewer words or phrases");
  }

  /**
   * Runs one search of every kind (words, a compound, a typo, a phrase, filters, browse, explain)
   * and a few suggests before the first visitor comes: a cold path's first run loads and
   * initialises its classes, most of what makes it slow. One pass, each search with a short time
   * budget, since it delays readiness; the JIT needs thousands of searches anyway.
   */
  public void warmUp() {
    List<String> warmUpQueries =
        List.of(
            "Forschung",
            "Endlagerforschung",
            "Kernteknik",
            "\"research centre\"",
            "Universitaet -x",
            "Krebs OR cancer",
            "zzzzqqqq",
            "");
    for (int i = 0; i < warmUpQueries.size(); i++) {
      String q = warmUpQueries.get(i);
      search(
          new SearchRequest(
              q, 1, 10, List.of(), List.of(), List.of(), i % 2 == 0 ? Lang.EN : Lang.DE, i == 1),
          WARM_UP_BUDGET.compareTo(timeBudget) < 0 ? WARM_UP_BUDGET : timeBudget);
      if (q.length() > 3) {
        suggest(new SuggestRequest(q.substring(0, 4), SuggestRequest.DEFAULT_SIZE, Lang.DE));
      }
    }
  }

  /**
   * Autocomplete for what has been typed so far: partners, research areas and terms, best first.
   */
  public SuggestResponse suggest(SuggestRequest request) {
    return withSnapshot(snapshot -> snapshot.suggester().suggest(request));
  }

  /**
   * The research fields and areas in {@code lang}, in taxonomy order, each with its number of
   * partners.
   */
  public List<FacetResults.FacetValue> researchAreas(Lang lang) {
    SearchRequest all = new SearchRequest("", 1, 1, List.of(), List.of(), List.of(), lang, false);
    return withSnapshot(
        snapshot -> {
          var result =
              faceted.run(snapshot, snapshot.searcher(), new MatchAllDocsQuery(), all, true);
          return facets
              .count(result.facets(), snapshot.facetDims(), snapshot.vocabulary(), all, true)
              .area();
        });
  }

  /**
   * Whether a suggestion a visitor picked is one this index offers: a partner or research area it
   * has, or a term it suggests for that very text. Picks are counted only then, so nobody can fill
   * the analytics with texts of their own.
   */
  public boolean offers(Suggestion.Kind kind, String idOrText) {
    return switch (kind) {
      case PARTNER -> partner(idOrText).isPresent();
      case AREA ->
          withSnapshot(
              s ->
                  s.vocabulary().taxonomy().area(idOrText).isPresent()
                      || s.vocabulary().taxonomy().fields().stream()
                          .anyMatch(f -> f.id().equals(idOrText)));
      case TERM ->
          idOrText.length() <= SuggestRequest.MAX_QUERY_CHARS
              && Arrays.stream(Lang.values())
                  .anyMatch(
                      lang ->
                          suggest(new SuggestRequest(idOrText, SuggestRequest.MAX_SIZE, lang))
                              .suggestions()
                              .stream()
                              .anyMatch(
                                  x ->
                                      x.kind() == kind
                                          && x.text().equalsIgnoreCase(idOrText.strip())));
    };
  }

  /** What the served index is: for health checks. */
  public IndexStatus status() {
    return withSnapshot(this::statusOf);
  }

  private IndexStatus statusOf(IndexSnapshot s) {
    return new IndexStatus(s.documents(), s.builtAt(), s.generationNumber(), index.isDegraded(s));
  }

  /**
   * Runs {@code work} with the status of the generation served now; every call that {@code work}
   * makes on this searcher (on this thread) answers from that same generation, even if a newer one
   * is swapped in meanwhile. The web layer derives its ETags from it.
   */
  public <T> T onOneGeneration(java.util.function.Function<IndexStatus, T> work) {
    return withSnapshot(
        snapshot -> {
          IndexStatus status = statusOf(snapshot);
          if (pinned.get() != null) {
            return work.apply(status); // already inside: the outer call holds this snapshot
          }
          pinned.set(snapshot);
          try {
            return work.apply(status);
          } finally {
            pinned.remove();
          }
        });
  }

  /** The whole record of one partner, if the index has it. */
  public Optional<Partner> partner(String id) {
    return withSnapshot(
        snapshot -> {
          TopDocs top = snapshot.searcher().search(new TermQuery(new Term(IndexSchema.ID, id)), 1);
          if (top.scoreDocs.length == 0) {
            return Optional.empty();
          }
          return Optional.of(source(snapshot, top.scoreDocs[0].doc));
        });
  }

  /** One page of hits, and whether the budget ran out before every hit was explained. */
  private record Page(List<SearchHit> hits, boolean cutShort) {}

  /** One page of hits; {@code userQuery} is null when browsing. */
  private Page hits(
      IndexSnapshot snapshot,
      IndexSearcher searcher,
      Query query,
      TopDocs top,
      SearchRequest request,
      UserQuery userQuery,
      QueryTimeout budget)
      throws IOException {
    boolean browse = userQuery == null;
    int from = (request.page() - 1) * request.size();
    ScoreDoc[] page =
        from >= top.scoreDocs.length
            ? new ScoreDoc[0]
            : Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
    int[] docIds = Arrays.stream(page).mapToInt(sd -> sd.doc).toArray();
    List<Partner> partners = new ArrayList<>();
    for (int doc : docIds) {
      partners.add(source(snapshot, doc));
    }
    // The query is already rewritten: the highlighter would otherwise rewrite it for every hit and
    // field, building every typo's Levenshtein automata again each time (seconds a page, seen with
    // JFR).
    List<SearchHit.Highlight> marked =
        highlighter.highlight(
            searcher, query, docIds, partners, request.lang(), snapshot.vocabulary());
    boolean explain = request.explain() && !browse;
    Map<String, Map<SearchableText, List<String>>> typos =
        explain && !budget.shouldExit() ? explainer.typos(searcher, userQuery) : Map.of();
    boolean cutShort = false;
    List<SearchHit> hits = new ArrayList<>();
    for (int i = 0; i < page.length; i++) {
      Partner p = partners.get(i);
      float score = browse || Float.isNaN(page[i].score) ? 0f : page[i].score;
      // Explaining costs a postings walk per hit and word: hits past the budget go without.
      cutShort |= explain && budget.shouldExit();
      List<MatchReason> reasons =
          explain && !cutShort
              ? explainer.explain(
                  searcher,
                  docIds[i],
                  p,
                  snapshot.vocabulary(),
                  userQuery,
                  snapshot.glossary(),
                  typos)
              : null;
      hits.add(
          new SearchHit(
              p.id(),
              p.name(),
              p.nameEn(),
              p.type(),
              p.city(),
              areas(snapshot, p, request.lang()),
              score,
              marked.get(i),
              reasons));
    }
    return new Page(hits, cutShort);
  }

  /** A corrected query, offered only when it finds something itself. */
  private String didYouMean(
      IndexSnapshot snapshot,
      IndexSearcher searcher,
      UserQuery query,
      SearchRequest request,
      QueryTimeout budget,
      IndexedTerms indexed)
      throws IOException {
    Optional<String> corrected = spelling.correct(snapshot.reader(), query, budget);
    if (corrected.isEmpty() || budget.shouldExit()) {
      return null;
    }
    Query q;
    try {
      q = rewritten(searcher, snapshot, parser.parse(corrected.get()), indexed);
    } catch (InvalidRequestException tooComplex) {
      return null; // the visitor's own query was answered; a suggestion is optional
    }
    boolean found =
        faceted.matchesAny(snapshot, searcher, new TimeLimitedQuery(q, budget), request);
    return found ? corrected.get() : null;
  }

  private static List<SearchHit.AreaRef> areas(IndexSnapshot snapshot, Partner p, Lang lang) {
    return p.researchAreas().stream()
        .map(
            id ->
                new SearchHit.AreaRef(
                    id,
                    snapshot
                        .vocabulary()
                        .taxonomy()
                        .area(id)
                        .map(a -> a.label().get(lang))
                        .orElse(id)))
        .toList();
  }

  private Partner source(IndexSnapshot snapshot, int doc) throws IOException {
    return recentPartners.get(
        snapshot.reader(),
        doc,
        d ->
            json.read(
                snapshot.searcher().storedFields().document(d).get(IndexSchema.SOURCE),
                Partner.class));
  }

  /** Work done with an index snapshot that is acquired and released around it. */
  @FunctionalInterface
  interface SnapshotWork<T> {
    T apply(IndexSnapshot snapshot) throws IOException;
  }

  /** Also the one place where Lucene's clause limit, wherever a query meets it, becomes a 400. */
  <T> T withSnapshot(SnapshotWork<T> work) {
    IndexSnapshot held = pinned.get();
    try {
      if (held != null) {
        return work.apply(held);
      }
      IndexSnapshot snapshot = index.acquire();
      try {
        return work.apply(snapshot);
      } finally {
        index.release(snapshot);
      }
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooComplex();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
