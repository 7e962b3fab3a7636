package org.partnersearch.bench;

import io.javalin.Javalin;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.apache.lucene.util.IOUtils;
import org.partnersearch.RealCorpus;
import org.partnersearch.config.WebConfig;
import org.partnersearch.corpus.Corpus;
import org.partnersearch.corpus.Partner;
import org.partnersearch.corpus.Vocabulary;
import org.partnersearch.web.ApiServer;
import org.partnersearch.web.OpsRoutes;

/**
 * Suggest latency and throughput over HTTP, against {@code /api/ping} of the same server in the
 * same run: N clients in a closed loop ({@link LoadClient}), each for a fixed time (and at most a
 * fixed number of requests), loopback only. The full benchmark over corpus sizes is {@link
 * LoadBenchmark}. Also times building the suggester for about 10,000 entries. Not a test: run it by
 * hand (see docs/benchmarks.md) and paste the figures there.
 *
 * <p>Arguments: {@code [clients=8] [seconds=10] [warmupSeconds=5]}.
 */
public final class SuggestBenchmark {
  private static final int PREFIXES = 1000;

  private SuggestBenchmark() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Path indexDir = Files.createTempDirectory("suggest-bench");
    try (RealCorpus corpus = RealCorpus.indexInto(indexDir)) {
      Corpus source = corpus.app.loadCorpus(RealCorpus.CORPUS);
      buildCost(corpus, source);
      Javalin server =
          new ApiServer(
                  WebConfig.DEFAULT,
                  OpsRoutes.standalone(corpus.searcher),
                  () -> corpus.searcher,
                  null)
              .create()
              .start("127.0.0.1", 0);
      try {
        String origin = "http://127.0.0.1:" + server.port();
        List<String> suggestUrls =
            prefixes(source).stream()
                .map(p -> origin + "/api/suggest?q=" + URLEncoder.encode(p, StandardCharsets.UTF_8))
                .toList();
        List<String> pingUrls = List.of(origin + "/api/ping");
        System.out.printf(
            "clients %d, %d s per endpoint after %d s warm-up, %d suggest prefixes%n",
            clients, seconds, warmup, suggestUrls.size());
        LoadClient load = new LoadClient();
        load.closedLoop(pingUrls, clients, warmup);
        load.closedLoop(suggestUrls, clients, warmup);
        LoadClient.Result ping = load.closedLoop(pingUrls, clients, seconds);
        LoadClient.Result suggest = load.closedLoop(suggestUrls, clients, seconds);
        System.out.println(ping.line("/api/ping"));
        System.out.println(suggest.line("/api/suggest"));
        System.out.printf(
            "suggest/ping: throughput %.2f (target >= 0.5), p99 %.2f (target <= 3)%n",
            suggest.throughput() / ping.throughput(),
            (double) suggest.percentile(99) / ping.percentile(99));
      } finally {
        server.stop();
      }
    } finally {
      IOUtils.rm(indexDir);
    }
  }

  /**
   * Builds the suggester for the corpus copied until it has about 10,000 entries and reports the
   * time.
   */
  private static void buildCost(RealCorpus corpus, Corpus source) throws Exception {
    Vocabulary vocabulary = Vocabulary.of(source);
    for (int round = 0; round < 3; round++) {
      List<Partner> partners = new ArrayList<>();
      for (int copy = 0; copy < 500; copy++) {
        for (Partner p : source.partners()) {
          String suffix = " " + Integer.toString(copy, 36) + "x";
          partners.add(
              new Partner(
                  p.id() + "-" + copy,
                  p.name() + suffix,
                  p.nameEn() + suffix,
                  p.aliases().stream().map(a -> a + suffix).toList(),
                  p.type(),
                  p.city(),
                  p.researchAreas(),
                  p.hzdrInstitutes(),
                  p.contacts(),
                  p.website(),
                  p.description()));
        }
      }
      System.out.println("suggester build: " + build(corpus, vocabulary, partners));
    }
    System.out.println(
        "suggester build, real corpus: " + build(corpus, vocabulary, source.partners()));
  }

  private static String build(RealCorpus corpus, Vocabulary vocabulary, List<Partner> partners)
      throws Exception {
    Path root = Files.createTempDirectory("suggest-build");
    try {
      return SuggesterBuildProfile.build(corpus.app, vocabulary, partners, partners.size(), root);
    } finally {
      IOUtils.rm(root);
    }
  }

  /** Prefixes of 2 to 8 letters of the corpus's words, a fixed sample. */
  private static List<String> prefixes(Corpus source) {
    TreeSet<String> all = new TreeSet<>();
    for (Partner p : source.partners()) {
      String text =
          String.join(
              " ",
              p.name(),
              p.nameEn(),
              String.join(" ", p.aliases()),
              p.description().de(),
              p.description().en());
      for (String word : text.split("[^\\p{L}\\p{N}]+")) {
        for (int n = 2; n <= Math.min(8, word.length()); n++) {
          all.add(word.substring(0, n));
        }
      }
    }
    List<String> list = new ArrayList<>(all);
    java.util.Collections.shuffle(list, new Random(42));
    return list.subList(0, Math.min(PREFIXES, list.size()));
  }
}
