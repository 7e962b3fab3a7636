package org.partnersearch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;
import org.partnersearch.PartnerSearch;
import org.partnersearch.analysis.GermanDecompounder;
import org.partnersearch.index.IndexSchema;
import org.partnersearch.search.FacetedSearch;
import org.partnersearch.search.QueryFactory;
import org.partnersearch.search.SearchRequest;
import org.partnersearch.search.UserQuery;
import org.partnersearch.search.UserQueryParser;
import org.partnersearch.serving.IndexSnapshot;
import org.partnersearch.serving.LiveIndex;

/**
 * The floor under a search's matching: what bare Lucene needs to find as many matches as each query
 * of the benchmark's mix has, count them and their facets, and keep the ten best, against what our
 * query needs for the same. Thread CPU, one thread, the ways of each query in turn so that the JIT
 * warms them alike, the query cache off.
 *
 * <p>For each query of the mix (its strict query as {@link QueryFactory} builds it, with the
 * request's filters): <b>ours</b>, the drill-sideways pass that scores every match and counts the
 * facets (as {@link FacetedSearch}); <b>unscored</b>, the same pass with a collector that needs no
 * scores (the matching and the facets); <b>no facets</b>, every match scored and counted for the
 * top ten, no facets (filters as plain filters); <b>pruned</b>, the top ten alone, block-max WAND,
 * no count and no facets (what a second, pruned pass would cost if the count and facets came free).
 * <b>floor</b>: the same drill-sideways pass over one DOCS-only term of the {@code spell} field
 * whose document frequency is nearest the query's matches (one postings list, scored, facets
 * counted); <b>fl. no fac.</b>, that term's top ten with every match counted, no facets; <b>fl.
 * count</b>, its matches only counted.
 *
 * <p>Arguments: {@code size indexDir [rounds]} (an index from {@link BenchIndex} with seed 42 of
 * that size); the last half of the rounds is reported. {@code -Dfloor.queries=N}: the mix's first
 * N.
 */
public final class MatchFloor {
  private static final int TOP = SearchRequest.DEFAULT_SIZE;

  /** The ways each query runs, in turn. */
  private enum Way {
    OURS("ours"),
    OURS_UNSCORED("unscored"),
    OURS_NO_FACETS("no facets"),
    OURS_PRUNED("pruned"),
    FLOOR("floor"),
    FLOOR_NO_FACETS("fl. no fac."),
    FLOOR_COUNT("fl. count");

    final String label;

    Way(String label) {
      this.label = label;
    }
  }

  private static final Way[] WAYS = Way.values();

  private MatchFloor() {}

  /** One query of the mix, ready to run in each way. */
  private record Prepared(
      String query, int kind, DrillDownQuery ours, DrillDownQuery floor, long matches, int df) {}

  public static void main(String[] args) throws Exception {
    int size = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    try (PartnerSearch app = new PartnerSearch();
        LiveIndex index = app.openIndex(dir)) {
      IndexSnapshot snapshot = index.acquire();
      try {
        run(app, snapshot, size, rounds);
      } finally {
        index.release(snapshot);
      }
    }
  }

  private static void run(PartnerSearch app, IndexSnapshot snapshot, int size, int rounds)
      throws Exception {
    IndexReader reader = snapshot.reader();
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setQueryCache(null); // else a repeated count is answered from the cache
    FacetsConfig config = new IndexSchema(null).facetsConfig();
    FacetedSearch filters = new FacetedSearch(config);
    QueryFactory factory = new QueryFactory(app.analyzers(), new GermanDecompounder());
    UserQueryParser parser = new UserQueryParser();
    SyntheticCorpus corpus = SyntheticCorpus.fromRealCorpus(LoadBenchmark.REAL_CORPUS, 42);
    List<String> mix = QueryMix.searches(corpus, size, 2000, 42);
    mix = mix.subList(0, Math.min(mix.size(), Integer.getInteger("floor.queries", mix.size())));
    SpellTerms spell = SpellTerms.of(reader);

    List<Prepared> prepared = new ArrayList<>();
    for (int i = 0; i < mix.size(); i++) {
      SearchRequest request = SearchProfile.request(mix.get(i));
      UserQuery parsed = parser.parse(request.q());
      if (parsed.isEmpty()) {
        continue;
      }
      Query base = searcher.rewrite(factory.build(parsed, snapshot.glossary(), false, reader));
      long matches = searcher.count(base);
      Term nearest = spell.nearest(matches);
      int df = reader.docFreq(nearest);
      prepared.add(
          new Prepared(
              mix.get(i),
              i % QueryMix.Kind.values().length,
              filters.drillDown(snapshot, base, request),
              filters.drillDown(snapshot, new TermQuery(nearest), request),
              matches,
              df));
    }
    System.out.printf(
        Locale.ROOT,
        "%d queries, %d documents; matches of the unfiltered query: mean %.0f, max %d%n",
        prepared.size(),
        reader.numDocs(),
        prepared.stream().mapToLong(Prepared::matches).average().orElse(0),
        prepared.stream().mapToLong(Prepared::matches).max().orElse(0));

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[][] cpu = new long[WAYS.length][prepared.size()];
    for (int round = 0; round < rounds; round++) {
      boolean measured = round >= rounds / 2;
      for (int q = 0; q < prepared.size(); q++) {
        Prepared p = prepared.get(q);
        for (Way way : WAYS) {
          long before = threads.getCurrentThreadCpuTime();
          runWay(way, searcher, config, snapshot, p);
          long spent = threads.getCurrentThreadCpuTime() - before;
          if (measured) {
            cpu[way.ordinal()][q] += spent;
          }
        }
      }
      System.out.printf(Locale.ROOT, "round %d done%n", round + 1);
    }
    int measuredRounds = rounds - rounds / 2;
    print(prepared, cpu, measuredRounds);
  }

  private static void runWay(
      Way way, IndexSearcher searcher, FacetsConfig config, IndexSnapshot snapshot, Prepared p)
      throws Exception {
    DrillSideways sideways = new DrillSideways(searcher, config, snapshot.facetState());
    switch (way) {
      case OURS -> scored(sideways, p.ours());
      case OURS_UNSCORED -> sideways.search(p.ours(), new Counting());
      case OURS_NO_FACETS -> topHits(searcher, p.ours(), Integer.MAX_VALUE);
      case OURS_PRUNED -> topHits(searcher, p.ours(), TOP);
      case FLOOR -> scored(sideways, p.floor());
      case FLOOR_NO_FACETS -> topHits(searcher, p.floor(), Integer.MAX_VALUE);
      case FLOOR_COUNT -> searcher.search(p.floor(), new Counting());
    }
  }

  /** The ten best, every match counted, or with a threshold of ten pruned by block-max WAND. */
  private static TopDocs topHits(IndexSearcher searcher, Query q, int totalHitsThreshold)
      throws Exception {
    return searcher.search(q, new TopScoreDocCollectorManager(TOP, null, totalHitsThreshold));
  }

  private static void scored(DrillSideways sideways, DrillDownQuery q) throws Exception {
    sideways.search(q, new TopScoreDocCollectorManager(TOP, null, Integer.MAX_VALUE));
  }

  private static void print(List<Prepared> prepared, long[][] cpu, int rounds) {
    StringBuilder header =
        new StringBuilder(String.format("%-15s %5s %8s", "kind", "n", "matches"));
    for (Way way : WAYS) {
      header.append(String.format(" %11s", way.label));
    }
    System.out.println(header + "   (CPU ms a query)");
    QueryMix.Kind[] kinds = QueryMix.Kind.values();
    for (int k = -1; k < kinds.length; k++) {
      int kind = k;
      int[] of =
          java.util.stream.IntStream.range(0, prepared.size())
              .filter(q -> kind < 0 || prepared.get(q).kind() == kind)
              .toArray();
      StringBuilder line =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "%-15s %5d %8.0f",
                  kind < 0 ? "all" : kinds[kind].name().toLowerCase(Locale.ROOT),
                  of.length,
                  Arrays.stream(of).mapToLong(q -> prepared.get(q).matches()).average().orElse(0)));
      for (Way way : WAYS) {
        long sum = Arrays.stream(of).mapToLong(q -> cpu[way.ordinal()][q]).sum();
        line.append(String.format(Locale.ROOT, " %11.3f", sum / 1e6 / rounds / of.length));
      }
      System.out.println(line);
    }
    for (Way way : WAYS) {
      int w = way.ordinal();
      long[] sorted = Arrays.stream(cpu[w]).sorted().toArray();
      long p50 = sorted[sorted.length / 2];
      long p99 = sorted[sorted.length * 99 / 100];
      System.out.printf(
          Locale.ROOT,
          "%-14s p50 %.3f ms, p99 %.3f ms, p99/p50 %.1f%n",
          way.label,
          p50 / 1e6 / rounds,
          p99 / 1e6 / rounds,
          (double) p99 / Math.max(1, p50));
    }
    System.out.println("dearest (ours): matches / df of the floor's term, CPU ms of each way");
    java.util.stream.IntStream.range(0, prepared.size())
        .boxed()
        .sorted((a, b) -> Long.compare(cpu[0][b], cpu[0][a]))
        .limit(12)
        .forEach(
            q -> {
              StringBuilder line =
                  new StringBuilder(
                      String.format(
                          Locale.ROOT,
                          "  %-50s %6d / %6d",
                          URLDecoder.decode(prepared.get(q).query(), StandardCharsets.UTF_8),
                          prepared.get(q).matches(),
                          prepared.get(q).df()));
              for (Way way : WAYS) {
                line.append(
                    String.format(Locale.ROOT, " %7.2f", cpu[way.ordinal()][q] / 1e6 / rounds));
              }
              System.out.println(line);
            });
  }

  /** Counts matches without scores: the matching alone. */
  private static final class Counting implements CollectorManager<Collector, Long> {
    private long count;

    @Override
    public Collector newCollector() {
      return new SimpleCollector() {
        @Override
        public void collect(int doc) {
          count++;
        }

        @Override
        public ScoreMode scoreMode() {
          return ScoreMode.COMPLETE_NO_SCORES;
        }
      };
    }

    @Override
    public Long reduce(Collection<Collector> collectors) {
      return count;
    }
  }

  /** The spell field's terms by document frequency, to find one as frequent as a query. */
  private record SpellTerms(int[] docFreqs, BytesRef[] terms) {
    static SpellTerms of(IndexReader reader) throws java.io.IOException {
      Terms terms = MultiTerms.getTerms(reader, IndexSchema.SPELL);
      List<long[]> byFreq = new ArrayList<>();
      List<BytesRef> all = new ArrayList<>();
      TermsEnum e = terms.iterator();
      for (BytesRef t = e.next(); t != null; t = e.next()) {
        byFreq.add(new long[] {e.docFreq(), all.size()});
        all.add(BytesRef.deepCopyOf(t));
      }
      byFreq.sort((a, b) -> Long.compare(a[0], b[0]));
      int[] freqs = byFreq.stream().mapToInt(f -> (int) f[0]).toArray();
      BytesRef[] sorted = byFreq.stream().map(f -> all.get((int) f[1])).toArray(BytesRef[]::new);
      return new SpellTerms(freqs, sorted);
    }

    Term nearest(long matches) {
      int i = Arrays.binarySearch(docFreqs, (int) Math.min(matches, Integer.MAX_VALUE));
      if (i < 0) {
        int above = Math.min(-i - 1, docFreqs.length - 1);
        int below = Math.max(above - 1, 0);
        i = matches - docFreqs[below] <= docFreqs[above] - matches ? below : above;
      }
      return new Term(IndexSchema.SPELL, terms[i]);
    }
  }
}
