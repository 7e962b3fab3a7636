package org.partnersearch.search;

import java.io.IOException;
import java.util.Optional;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.partnersearch.corpus.ResearchArea;
import org.partnersearch.index.IndexSchema;
import org.partnersearch.serving.IndexSnapshot;

/**
 * Runs a query with the request's filters: the top hits, the exact number of matches, and the facet
 * counts with drill-sideways semantics (a facet's counts ignore its own selection; OR within a
 * facet, AND across facets).
 *
 * <p>NOTE: two passes for a ranked search, because they want different things. Lucene's
 * DrillSideways collects its hits with a collector that counts every match and so scores every
 * match: no pruning. Here the counts come from a pass that asks for no scores (the query's
 * disjunctions then skip scoring entirely), and the top hits from a collector that stops counting
 * after {@link #TOTAL_HITS_THRESHOLD} matches, which lets block-max WAND skip blocks of documents
 * that cannot make the top. An index of at most that many documents has nothing to skip: there one
 * pass that scores every match gives the hits, the count and the facets, at the cost of one query
 * weight instead of two (JFR at 13 partners: building the weights was most of the two passes).
 */
final class FacetedSearch {
  private static final Sort BY_NAME =
      new Sort(new SortField(IndexSchema.NAME_SORT, SortField.Type.STRING));

  /** Past this many matches the hits collector may skip non-competitive documents. */
  static final int TOTAL_HITS_THRESHOLD = 1000;

  /** The hits of one page's window, every match counted, and the facet counts. */
  record Result(TopDocs hits, long total, Facets facets) {}

  private final FacetsConfig facetsConfig;

  /** Indexes of at most this many documents are searched in one pass. */
  private final int onePassUpTo;

  FacetedSearch(FacetsConfig facetsConfig) {
    this(facetsConfig, TOTAL_HITS_THRESHOLD);
  }

  /** With {@code onePassUpTo} chosen, for a test that compares the two ways. */
  FacetedSearch(FacetsConfig facetsConfig, int onePassUpTo) {
    this.facetsConfig = facetsConfig;
    this.onePassUpTo = onePassUpTo;
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
    if (searcher.getIndexReader().maxDoc() <= onePassUpTo) {
      DrillSideways.ConcurrentDrillSidewaysResult<TopDocs> scored =
          sideways.search(
              drillDown,
              new TopScoreDocCollectorManager(Math.max(1, topN), null, Integer.MAX_VALUE));
      return new Result(
          scored.collectorResult, scored.collectorResult.totalHits.value, scored.facets);
    }
    DrillSideways.ConcurrentDrillSidewaysResult<Integer> counted =
        sideways.search(drillDown, new TotalHitCountCollectorManager());
    TopDocs hits =
        counted.collectorResult == 0
            ? searcher.search(drillDown, new TopScoreDocCollectorManager(1, null, 1))
            : searcher.search(
                drillDown, new TopScoreDocCollectorManager(topN, null, TOTAL_HITS_THRESHOLD));
    return new Result(hits, counted.collectorResult, counted.facets);
  }

  /** The number of matches only, as for deciding whether a correction finds anything. */
  long count(IndexSnapshot snapshot, IndexSearcher searcher, Query base, SearchRequest request)
      throws IOException {
    return searcher.count(drillDown(snapshot, base, request));
  }

  private DrillDownQuery drillDown(IndexSnapshot snapshot, Query base, SearchRequest request) {
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
