package org.partnersearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnersearch.PartnerSearch;
import org.partnersearch.config.ServiceConfig;
import org.partnersearch.config.WebConfig;
import org.partnersearch.corpus.CorpusLoader;
import org.partnersearch.index.BuildProgress;
import org.partnersearch.index.IndexGenerations;
import org.partnersearch.service.PartnerSearchService;

/**
 * Scale-out over published generations: two {@code serve} replicas read one index folder, one
 * indexer publishes into it twice while clients search through both. Nothing fails, both replicas
 * switch within the refresh interval, and every answer says which generation gave it (header and
 * ETag), which its content confirms: generation n of this test's own corpus has n partners.
 */
class ReplicasTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REFRESH = Duration.ofSeconds(1);

  /** Opening a generation takes well under a second; the rest is for a busy shared machine. */
  private static final Duration SWITCH_MARGIN = Duration.ofSeconds(4);

  private static final List<String> PATHS =
      List.of("/api/search?q=", "/api/search?q=Endlager&lang=de", "/api/search?q=repository");
  private static final Path FIXTURE = Path.of("src/test/resources/replicas");

  @TempDir Path dir;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * One answer as a client saw it.
   *
   * @param partial the search ran out of its time budget (a busy machine): a 200 all the same,
   *     never cached, so without an ETag, and with only the hits found so far
   */
  record Answer(
      int replica,
      String path,
      int status,
      Optional<Long> generation,
      String etag,
      long total,
      boolean partial) {}

  @Test
  void twoReplicasFollowAnIndexerPublishingTwiceWithoutAFailedRequest() throws Exception {
    Path index = dir.resolve("shared-index");
    Path corpus = copyFixtureCorpus(dir.resolve("corpus"));
    List<PartnerSearchService> replicas = List.of(replica(index, 0), replica(index, 1));
    ExecutorService background = Executors.newCachedThreadPool();
    try {
      List<Future<?>> preparing = new ArrayList<>();
      for (PartnerSearchService r : replicas) {
        r.listen();
        preparing.add(
            background.submit(
                () -> {
                  r.prepare();
                  return null;
                }));
      }
      Thread.sleep(2 * REFRESH.toMillis());
      for (PartnerSearchService r : replicas) {
        assertEquals(
            503,
            get(r, "/readyz").statusCode(),
            "a replica waits for the indexer, it never builds");
      }
      assertEquals(List.of(), generationFolders(index), "no replica built anything");

      try (PartnerSearch indexer = new PartnerSearch()) {
        IndexGenerations shared = new IndexGenerations(index);
        publish(indexer, corpus, shared);
        for (Future<?> f : preparing) {
          f.get(60, TimeUnit.SECONDS);
        }
        awaitGeneration(replicas, 1);

        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Answer> partials = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
          int n = c;
          clients.add(
              background.submit(() -> search(replicas, n, stop, answers, partials, failures)));
        }
        Thread.sleep(500);

        List<Duration> switches = new ArrayList<>();
        for (String later : List.of("beta.yaml", "gamma.yaml")) {
          Files.copy(
              FIXTURE.resolve("later").resolve(later), corpus.resolve("partners").resolve(later));
          long generation = publish(indexer, corpus, shared);
          long published = System.nanoTime();
          awaitGeneration(replicas, generation);
          switches.add(Duration.ofNanos(System.nanoTime() - published));
          Thread.sleep(500); // clients see this generation from both replicas
        }
        stop.set(true);
        for (Future<?> f : clients) {
          f.get(30, TimeUnit.SECONDS);
        }

        assertEquals(List.of(), List.copyOf(failures));
        for (Answer p : partials) {
          assertTrue(
              p.etag().isEmpty() && p.total() <= expectedPartners(p.generation().orElseThrow()),
              p.toString());
        }
        for (Duration took : switches) {
          assertTrue(
              took.compareTo(REFRESH.plus(SWITCH_MARGIN)) <= 0,
              "both replicas switched in " + switches);
        }
        for (int r = 0; r < 2; r++) {
          int replica = r;
          Set<Long> seen = new TreeSet<>();
          answers.stream()
              .filter(a -> a.replica() == replica)
              .forEach(a -> seen.add(a.generation().orElseThrow()));
          assertEquals(
              Set.of(1L, 2L, 3L), seen, "replica " + r + " answered from every generation in turn");
        }
        // Equal requests in one generation get one ETag, whichever replica answers: a cache in
        // front
        // of both can revalidate against either.
        Map<String, Set<String>> etags = new ConcurrentHashMap<>();
        answers.forEach(
            a ->
                etags
                    .computeIfAbsent(
                        a.generation().orElseThrow() + " " + a.path(), k -> new TreeSet<>())
                    .add(a.etag()));
        etags.forEach((key, tags) -> assertEquals(1, tags.size(), key + ": " + tags));
        assertEquals(3 * PATHS.size(), etags.size());

        String newest = etags.get("3 " + PATHS.get(0)).iterator().next();
        String oldest = etags.get("1 " + PATHS.get(0)).iterator().next();
        assertEquals(304, get(replicas.get(1), PATHS.get(0), "If-None-Match", newest).statusCode());
        assertEquals(200, get(replicas.get(0), PATHS.get(0), "If-None-Match", oldest).statusCode());
      }
    } finally {
      replicas.forEach(PartnerSearchService::stop);
      background.shutdownNow();
    }
    assertEquals(
        List.of("gen-000001", "gen-000002", "gen-000003"),
        generationFolders(index),
        "superseded generations stay a while for replicas; replicas never remove or add one");
    for (PartnerSearchService r : replicas) {
      assertTrue(
          Files.isRegularFile(r.config().analyticsFile()), "each replica keeps its own analytics");
    }
    assertFalse(
        Files.exists(index.resolve("analytics.json")), "no shared analytics file to collide on");
  }

  private PartnerSearchService replica(Path index, int n) {
    ServiceConfig single =
        new ServiceConfig(
            "127.0.0.1",
            0,
            index,
            dir.resolve("no-corpus"),
            REFRESH,
            WebConfig.DEFAULT.withRequestsPerMinute(0),
            ServiceConfig.LogFormat.TEXT,
            false,
            Duration.ZERO,
            Duration.ofSeconds(2),
            30);
    return new PartnerSearchService(
        new ServiceConfig(
            single.host(),
            single.port(),
            single.indexDir(),
            single.corpusDir(),
            single.refreshInterval(),
            single.web(),
            single.logFormat(),
            single.logClientAddress(),
            single.drainDelay(),
            single.shutdownTimeout(),
            single.analyticsDays(),
            true,
            ServiceConfig.replicaAnalyticsFile(index, "replica-" + n)));
  }

  /**
   * Partner {@code i} of the fixture is added in generation {@code i}, so a generation has as many
   * partners.
   */
  private static long expectedPartners(long generation) {
    return generation;
  }

  private static Path copyFixtureCorpus(Path target) throws IOException {
    Path source = FIXTURE.resolve("corpus");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : files.toList()) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    // The schemas are the real ones: the fixture must be a valid corpus of this version.
    try (Stream<Path> schemas = Files.list(Path.of("corpus", CorpusLoader.SCHEMA_DIR))) {
      Path to = Files.createDirectories(target.resolve(CorpusLoader.SCHEMA_DIR));
      for (Path schema : schemas.toList()) {
        Files.copy(schema, to.resolve(schema.getFileName().toString()));
      }
    }
    return target;
  }

  private static long publish(PartnerSearch indexer, Path corpus, IndexGenerations shared)
      throws Exception {
    return IndexGenerations.number(indexer.index(corpus, shared, BuildProgress.NONE).generation());
  }

  private void awaitGeneration(List<PartnerSearchService> replicas, long generation)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    for (PartnerSearchService r : replicas) {
      while (true) {
        HttpResponse<String> health = get(r, "/api/health");
        if (health.statusCode() == 200
            && JSON.readTree(health.body()).get("generation").asLong() == generation) {
          break;
        }
        assertTrue(
            System.nanoTime() < deadline,
            "replica on generation " + generation + ": " + health.body());
        Thread.sleep(20);
      }
    }
  }

  /**
   * Client {@code n}: searches through both replicas in turn until stopped; checks every answer.
   */
  private void search(
      List<PartnerSearchService> replicas,
      int n,
      AtomicBoolean stop,
      ConcurrentLinkedQueue<Answer> answers,
      ConcurrentLinkedQueue<Answer> partials,
      ConcurrentLinkedQueue<String> failures) {
    for (int i = n; !stop.get(); i++) {
      int replica = i % 2;
      String path = PATHS.get(i % PATHS.size());
      try {
        HttpResponse<String> r = get(replicas.get(replica), path);
        Optional<Long> generation =
            r.headers().firstValue("X-Index-Generation").map(Long::parseLong);
        String etag = r.headers().firstValue("ETag").orElse("");
        JsonNode body = r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        Answer a =
            new Answer(
                replica,
                path,
                r.statusCode(),
                generation,
                etag,
                body == null ? -1 : body.get("total").asLong(),
                body != null && body.get("partial").asBoolean());
        if (a.status() != 200 || generation.isEmpty()) {
          failures.add(a.toString());
        } else if (a.partial()) {
          partials.add(a);
        } else if (!etag.startsWith("W/\"" + generation.get() + "-")) {
          failures.add(a + ": the ETag does not name the generation");
        } else if (a.total() != expectedPartners(generation.get())) {
          failures.add(a + ": the content is not that of the generation named");
        } else {
          answers.add(a);
        }
      } catch (IOException | RuntimeException e) {
        failures.add("replica " + replica + " " + path + ": " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private HttpResponse<String> get(PartnerSearchService replica, String path, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + replica.port() + path))
            .timeout(Duration.ofSeconds(10))
            .GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> generationFolders(Path index) throws IOException {
    if (!Files.isDirectory(index)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(index)) {
      return children
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    }
  }
}
