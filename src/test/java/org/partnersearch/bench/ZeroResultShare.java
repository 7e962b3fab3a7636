package org.partnersearch.bench;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.IOUtils;
import org.partnersearch.PartnerSearch;
import org.partnersearch.corpus.Lang;
import org.partnersearch.search.PartnerSearcher;
import org.partnersearch.search.SearchRequest;
import org.partnersearch.search.SearchResponse;
import org.partnersearch.serving.LiveIndex;

/**
 * How many of the benchmark's search queries ({@link QueryMix}, 2,000, seed 42, drawn from the real
 * corpus's words) find no partner on the real corpus: the figure behind issue 18's "no dead ends".
 * Counted twice: the query words alone (with the mix's language), and with the mix's facet filters,
 * which may rightly leave nothing. Also prints how many answers were relaxed, per query kind.
 *
 * <p>{@code mvn -q -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.partnersearch.bench.ZeroResultShare}
 */
public final class ZeroResultShare {
  private static final int QUERIES = 2000;
  private static final long SEED = 42;

  private ZeroResultShare() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("zero-results");
    try (PartnerSearch app = new PartnerSearch()) {
      app.index(LoadBenchmark.REAL_CORPUS, dir);
      SyntheticCorpus corpus = SyntheticCorpus.fromRealCorpus(LoadBenchmark.REAL_CORPUS, SEED);
      List<String> queries =
          QueryMix.searches(corpus, LoadBenchmark.REAL_CORPUS_SIZE, QUERIES, SEED);
      try (LiveIndex index = app.openIndex(dir)) {
        PartnerSearcher searcher = app.searcher(index, java.time.Duration.ofSeconds(20));
        Map<QueryMix.Kind, int[]> byKind = new EnumMap<>(QueryMix.Kind.class);
        int zero = 0;
        int zeroFiltered = 0;
        int relaxed = 0;
        List<String> examples = new ArrayList<>();
        Map<String, Integer> steps = new java.util.TreeMap<>();
        QueryMix.Kind[] kinds = QueryMix.Kind.values();
        for (int i = 0; i < queries.size(); i++) {
          Request r = Request.parse(queries.get(i));
          SearchResponse words =
              searcher.search(
                  new SearchRequest(r.q, 1, 10, List.of(), List.of(), List.of(), r.lang, false));
          SearchResponse filtered =
              searcher.search(
                  new SearchRequest(r.q, 1, 10, r.areas, r.types, List.of(), r.lang, false));
          int[] counts = byKind.computeIfAbsent(kinds[i % kinds.length], k -> new int[3]);
          counts[0]++;
          if (words.total() == 0) {
            zero++;
            counts[1]++;
            if (examples.size() < 40) {
              examples.add(r.q);
            }
          }
          if (words.relaxation() != null) {
            steps.merge(words.relaxation().step(), 1, Integer::sum);
          }
          if (words.relaxed()) {
            relaxed++;
            counts[2]++;
          }
          zeroFiltered += filtered.total() == 0 ? 1 : 0;
        }
        System.out.printf(
            "%d queries (QueryMix, seed %d) on the real corpus%n", queries.size(), SEED);
        System.out.printf(
            "zero results, words only:   %d (%.1f %%)%n", zero, 100.0 * zero / queries.size());
        System.out.printf(
            "zero results, with filters: %d (%.1f %%)%n",
            zeroFiltered, 100.0 * zeroFiltered / queries.size());
        System.out.printf(
            "relaxed answers, words only: %d (%.1f %%)%n",
            relaxed, 100.0 * relaxed / queries.size());
        System.out.println("relaxation steps taken, words only: " + steps);
        byKind.forEach(
            (k, c) ->
                System.out.printf(
                    "  %-15s %4d queries, %4d without results, %4d relaxed%n",
                    k, c[0], c[1], c[2]));
        System.out.println("some queries without results: " + examples);
      }
    } finally {
      IOUtils.rm(dir);
    }
  }

  /** One query string of the mix: {@code q=…[&type=…|&area=…][&lang=de]}. */
  private record Request(String q, List<String> types, List<String> areas, Lang lang) {
    static Request parse(String query) {
      String q = "";
      List<String> types = new ArrayList<>();
      List<String> areas = new ArrayList<>();
      Lang lang = Lang.EN;
      for (String pair : query.split("&")) {
        String[] kv = pair.split("=", 2);
        String value = URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
        switch (kv[0]) {
          case "q" -> q = value;
          case "type" -> types.add(value);
          case "area" -> areas.add(value);
          case "lang" -> lang = Lang.DE;
          default -> throw new IllegalArgumentException(pair);
        }
      }
      return new Request(q, types, areas, lang);
    }
  }
}
