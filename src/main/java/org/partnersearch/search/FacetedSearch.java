package org.partnersearch.search;

import java.io.IOException;
import java.util.Collection;
import java.util.Optional;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.partnersearch.corpus.ResearchArea;
import org.partnersearch.index.IndexSchema;
import org.partnersearch.serving.IndexSnapshot;

/**
 * Runs a query with the request's filters: the top hits, the exact number of matches, and the facet
 * counts with drill-sideways semantics (a facet's counts ignore its own selection; OR within a
 * facet, AND across facets).
 *
 * <p>NOTE: one pass, which scores every match, gives the top hits, the count and the facets. Two
 * passes (counts from a pass without scores, top hits from a collector that may skip what cannot
 * make the top) measured slower on the benchmark's mix at 100,000 partners (SearchProfile, CPU a
 * search 20.2 ms against 17.3 ms in one pass, every kind of query slower): block-max WAND pruned
 * almost nothing there. A word's score sums its texts, and each text's bound sums the block's best
 * variants, so the bounds stay above the tenth hit's score: the pruned pass still scored 82,893 of
 * the 84,729 matches of "Krebsforschung" (a disjunction of a compound's alternatives). It was 40 %
 * of a search's JFR samples and the unscored pass 37 %, which one pass saves. Against bare Lucene
 * ({@code MatchFloor}, 100,000 partners): the ten best alone, pruned, cost 67 % of this pass, and
 * one postings list of as many matches with its facets 22 %, so two passes could save at most about
 * a tenth even with a count as cheap as that.
 */
public final class FacetedSearch {
  private static final Sort BY_NAME =
      new Sort(new SortField(IndexSchema.NAME_SORT, SortField.Type.STRING));

  /** The hits of one page's window, every match counted, and the facet counts. */
  record Result(TopDocs hits, long total, Facets facets) {}

  private final FacetsConfig facetsConfig;

  public FacetedSearch(FacetsConfig facetsConfig) {
    this.facetsConfig = facetsConfig;
  }

  /** Ranked by score, or with {@code byName} (browsing) by name. */
  Result run(
      IndexSnapshot snapshot,
      IndexSearcher searcher,
      Query base,
      SearchRequest request,
      boolean byName)
      throws IOException {
    DrillDownQuery drillDown = drillDown(snapshot, base, request);
    DrillSideways sideways = new DrillSideways(searcher, facetsConfig, snapshot.facetState());
    int topN = request.page() * request.size();
    if (byName) {
      DrillSideways.DrillSidewaysResult r =
          sideways.search(drillDown, null, null, topN, BY_NAME, false);
      return new Result(r.hits, r.hits.totalHits.value, r.facets);
    }
    DrillSideways.ConcurrentDrillSidewaysResult<TopDocs> scored =
        sideways.search(
            drillDown, new TopScoreDocCollectorManager(Math.max(1, topN), null, Integer.MAX_VALUE));
    return new Result(
        scored.collectorResult, scored.collectorResult.totalHits.value, scored.facets);
  }

  /**
   * Whether anything matches, with the request's filters: for deciding whether a correction finds
   * anything. Stops at the first match.
   *
   * <p>NOTE: not used before a relaxation step's search: a probe before each step measured slower
   * at 13 partners (SearchProfile, CPU a search 2.9 / 2.4 ms with it, 1.8 / 2.3 ms without, runs
   * alternated), where a step that answers builds its query's weight twice.
   */
  boolean matchesAny(
      IndexSnapshot snapshot, IndexSearcher searcher, Query base, SearchRequest request)
      throws IOException {
    return searcher.search(drillDown(snapshot, base, request), new FirstMatch());
  }

  /** Collects until the first match, in any segment; says whether there was one. */
  private static final class FirstMatch implements CollectorManager<Collector, Boolean> {
    private boolean found;

    @Override
    public Collector newCollector() {
      return new SimpleCollector() {
        @Override
        protected void doSetNextReader(LeafReaderContext context) {
          if (found) {
            throw new CollectionTerminatedException(); // the next segments need no look
          }
        }

        @Override
        public void collect(int doc) {
          found = true;
          throw new CollectionTerminatedException();
        }

        @Override
        public ScoreMode scoreMode() {
          return ScoreMode.COMPLETE_NO_SCORES;
        }
      };
    }

    @Override
    public Boolean reduce(Collection<Collector> collectors) {
      return found;
    }
  }

  /**
   * The query with the request's filters, as the searches here run it (public for the benchmark
   * that measures the matching alone, {@code MatchFloor}).
   */
  public DrillDownQuery drillDown(IndexSnapshot snapshot, Query base, SearchRequest request) {
    DrillDownQuery drillDown = new DrillDownQuery(facetsConfig, base);
    for (String area : request.areas()) {
      Optional<ResearchArea> leaf = snapshot.vocabulary().taxonomy().area(area);
      if (leaf.isPresent()) {
        drillDown.add(IndexSchema.FACET_AREA, leaf.get().fieldId(), area);
      } else {
        drillDown.add(IndexSchema.FACET_AREA, area);
      }
    }
    request.types().forEach(t -> drillDown.add(IndexSchema.FACET_TYPE, t));
    request.cities().forEach(c -> drillDown.add(IndexSchema.FACET_CITY, c));
    return drillDown;
  }
}
