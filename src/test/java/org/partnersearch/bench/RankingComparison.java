package org.partnersearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.util.IOUtils;

/**
 * The A/B guard of a ranking change: the benchmark's query mix ({@link QueryMix}, 2,000 queries)
 * against two servers on the same corpus, one from another version's jar (its own index) and one
 * from this build, and the share of queries whose top hit and whose top three hits (ids in order)
 * are unchanged. Every changed top hit of the real corpus is listed, for a person to judge.
 *
 * <p>Command (build the other version first, e.g. {@code git worktree add ../old 409f391 && (cd
 * ../old && mvn -q -B package -DskipTests)}):
 *
 * <pre>
 * mvn -q -B test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.partnersearch.bench.RankingComparison \
 *   -Dexec.args="--old-jar ../old/target/partner-search.jar --sizes 13,10000"
 * </pre>
 *
 * Writes {@code ranking-ab.md} to {@code --out} (default {@code target/bench}).
 */
public final class RankingComparison {
  private static final int QUERIES = 2000;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    Path oldJar =
        Path.of(options.getOrDefault("old-jar", "../wt-19-old/target/partner-search.jar"));
    long seed = Long.parseLong(options.getOrDefault("seed", "42"));
    Path out = Files.createDirectories(Path.of(options.getOrDefault("out", "target/bench")));
    SyntheticCorpus synthetic = SyntheticCorpus.fromRealCorpus(LoadBenchmark.REAL_CORPUS, seed);
    StringBuilder report =
        new StringBuilder(
            "| docs | queries | top-1 unchanged | top-3 unchanged (ids in order) "
                + "| new top-1 on the old first page | same hit count |\n|---:|---:|---:|---:|---:|---:|\n");
    Map<String, Change> changes = new java.util.LinkedHashMap<>();
    RankingComparison comparison = new RankingComparison();
    for (String size : options.getOrDefault("sizes", "13,10000").split(",")) {
      comparison.compare(Integer.parseInt(size), seed, synthetic, oldJar, report, changes);
      Files.writeString(out.resolve("ranking-ab.md"), report + "\n" + listed(changes));
    }
    System.out.println(report + "\n" + listed(changes));
  }

  /**
   * A changed top hit of one distinct query (the mix repeats queries), and how often the mix has
   * it.
   */
  private record Change(String query, List<String> before, List<String> after, int times) {}

  private static String listed(Map<String, Change> changes) {
    StringBuilder out = new StringBuilder();
    changes
        .values()
        .forEach(
            c ->
                out.append(
                    String.format(
                        Locale.ROOT,
                        "- `%s` (×%d): %s → %s (old top 3 %s, new %s)%n",
                        c.query(),
                        c.times(),
                        first(c.before()),
                        first(c.after()),
                        top3(c.before()),
                        top3(c.after()))));
    return out.toString();
  }

  private static List<String> top3(List<String> ids) {
    return ids.subList(0, Math.min(3, ids.size()));
  }

  private void compare(
      int size,
      long seed,
      SyntheticCorpus synthetic,
      Path oldJar,
      StringBuilder report,
      Map<String, Change> changes)
      throws Exception {
    Path work = Files.createTempDirectory("ranking-ab-" + size + "-");
    try {
      Path corpus = LoadBenchmark.REAL_CORPUS;
      if (size != LoadBenchmark.REAL_CORPUS_SIZE) {
        corpus = work.resolve("corpus");
        synthetic.writeTo(corpus, LoadBenchmark.REAL_CORPUS, size);
      }
      Path oldIndex = work.resolve("index-old");
      Path newIndex = work.resolve("index-new");
      log("size %,d: indexing with both versions", size);
      try (JvmProcess a =
              JvmProcess.startJar(
                  work,
                  "index-old",
                  List.of("-Xmx1g"),
                  oldJar,
                  "index",
                  "--corpus",
                  corpus.toString(),
                  "--index",
                  oldIndex.toString());
          JvmProcess b =
              JvmProcess.start(
                  work,
                  "index-new",
                  List.of("-Xmx1g"),
                  "org.partnersearch.cli.Main",
                  "index",
                  "--corpus",
                  corpus.toString(),
                  "--index",
                  newIndex.toString())) {
        check(a.waitFor(3600), a);
        check(b.waitFor(3600), b);
      }
      int oldPort = LoadBenchmark.freePort();
      int newPort = LoadBenchmark.freePort();
      try (JvmProcess a =
              JvmProcess.startJar(
                  work,
                  "serve-old",
                  List.of("-Xmx1g"),
                  oldJar,
                  JvmProcess.serveArgs(oldIndex, corpus, oldPort));
          JvmProcess b =
              JvmProcess.startServer(
                  work, "serve-new", List.of("-Xmx1g"), newIndex, corpus, newPort)) {
        untilUp(oldPort, a);
        untilUp(newPort, b);
        int top1 = 0;
        int top3 = 0;
        int onOldPage = 0;
        int sameTotal = 0;
        List<String> queries = QueryMix.searches(synthetic, size, QUERIES, seed);
        for (String q : queries) {
          Answer old = answer(oldPort, q);
          Answer now = answer(newPort, q);
          List<String> before = old.ids();
          List<String> after = now.ids();
          sameTotal += old.total() == now.total() ? 1 : 0;
          boolean sameFirst = first(before).equals(first(after));
          top1 += sameFirst ? 1 : 0;
          top3 += top3(before).equals(top3(after)) ? 1 : 0;
          onOldPage +=
              after.isEmpty()
                  ? (before.isEmpty() ? 1 : 0)
                  : (before.contains(after.get(0)) ? 1 : 0);
          if (!sameFirst && size == LoadBenchmark.REAL_CORPUS_SIZE) {
            // lang changes the snippets only, not the ranking: one line per query and filter
            String shown = URLDecoder.decode(q, StandardCharsets.UTF_8).replace("&lang=de", "");
            changes.merge(
                shown,
                new Change(shown, before, after, 1),
                (earlier, again) ->
                    new Change(
                        earlier.query(), earlier.before(), earlier.after(), earlier.times() + 1));
          }
        }
        report.append(
            String.format(
                Locale.ROOT,
                "| %,d | %,d | %.1f %% | %.1f %% | %.1f %% | %.1f %% |%n",
                size,
                queries.size(),
                100.0 * top1 / queries.size(),
                100.0 * top3 / queries.size(),
                100.0 * onOldPage / queries.size(),
                100.0 * sameTotal / queries.size()));
        log(
            "size %,d: top-1 unchanged %d of %d, top-3 unchanged %d",
            size, top1, queries.size(), top3);
      }
    } finally {
      IOUtils.rm(work);
    }
  }

  private static String first(List<String> ids) {
    return ids.isEmpty() ? "(none)" : ids.get(0);
  }

  /**
   * The first page of hits and the number of matches. An answer cut short by the time budget (the
   * machine is shared) is asked for again: a partial answer would count as a ranking change.
   */
  private Answer answer(int port, String query) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/search?" + query))
            .build();
    JsonNode answer = null;
    for (int attempt = 0;
        attempt < 5 && (answer == null || answer.path("partial").asBoolean());
        attempt++) {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return new Answer(List.of("(status " + response.statusCode() + ")"), -1);
      }
      answer = json.readTree(response.body());
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode hit : answer.get("hits")) {
      ids.add(hit.get("id").asText());
    }
    return new Answer(ids, answer.get("total").asLong());
  }

  /** The first page's ids in rank order, and the number of matches. */
  private record Answer(List<String> ids, long total) {}

  private void untilUp(int port, JvmProcess process) throws Exception {
    for (int i = 0; i < 600_000; i += 50) {
      try {
        HttpRequest request =
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/search?q=x"))
                .build();
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // the server is still starting
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the server ended:\n" + process.output());
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the server did not start:\n" + process.output());
  }

  private static void check(int exit, JvmProcess process) throws Exception {
    if (exit != 0) {
      throw new IllegalStateException("indexing failed (exit " + exit + "):\n" + process.output());
    }
  }

  private static void log(String format, Object... args) {
    System.out.printf(Locale.ROOT, "[ab] " + format + "%n", args);
  }
}
