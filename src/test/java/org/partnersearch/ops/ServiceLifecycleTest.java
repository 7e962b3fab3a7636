package org.partnersearch.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnersearch.PartnerSearch;
import org.partnersearch.RealCorpus;
import org.partnersearch.config.ServiceConfig;
import org.partnersearch.config.WebConfig;
import org.partnersearch.corpus.CorpusException;
import org.partnersearch.index.IndexSchema;
import org.partnersearch.service.PartnerSearchService;

/**
 * The serving process in-process: /readyz flips during start; analytics are saved on stop; an index
 * of an older schema is rebuilt.
 */
class ServiceLifecycleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();
  private int port;

  @Test
  void readyzIs503WhileTheIndexIsBuiltAndOpenedThen200AndAnalyticsSurviveARestart()
      throws Exception {
    ServiceConfig config =
        new ServiceConfig(
            "127.0.0.1",
            0,
            dir.resolve("index"),
            RealCorpus.CORPUS,
            Duration.ofSeconds(2),
            WebConfig.DEFAULT.withAdminToken("an-admin-token-for-tests"),
            ServiceConfig.LogFormat.TEXT,
            false,
            Duration.ZERO,
            Duration.ofSeconds(5),
            30);
    try (PartnerSearchService service = new PartnerSearchService(config).listen()) {
      port = service.port();
      assertEquals(200, get("/livez").statusCode(), "the process is up before the index is");
      HttpResponse<String> starting = get("/readyz");
      assertEquals(503, starting.statusCode());
      assertEquals("STARTING", JSON.readTree(starting.body()).get("status").asText());
      HttpResponse<String> search = get("/api/search?q=Endlager");
      assertEquals(503, search.statusCode());
      assertEquals("not_ready", JSON.readTree(search.body()).get("error").get("code").asText());

      service.prepare(); // builds the index (there is none), opens and warms it up

      assertEquals(200, get("/readyz").statusCode());
      assertEquals(
          0, JSON.readTree(get("/api/search?q=Kernfusionzzz").body()).get("total").asInt());
      String metrics = get("/metrics").body();
      assertTrue(metrics.contains("partnersearch_index_generation 1.0"), metrics);
      assertTrue(
          metrics.contains(
              "partnersearch_index_documents "
                  + org.partnersearch.RealCorpus.partnerCount()
                  + ".0"),
          metrics);
      assertTrue(metrics.contains("jetty_threads_busy"), "Jetty's thread pool is bound");
    }
    assertThrows(ConnectException.class, () -> get("/livez"), "stopped");
    assertTrue(
        Files.readString(config.analyticsFile()).contains("kernfusionzzz"),
        "saved beside the index on stop");

    try (PartnerSearchService again = new PartnerSearchService(config)) {
      again.start(); // listens while the index (it exists now) is opened
      port = again.port();
      assertEquals(200, get("/readyz").statusCode());
      HttpResponse<String> report =
          client.send(
              HttpRequest.newBuilder(uri("/api/admin/analytics"))
                  .header("Authorization", "Bearer an-admin-token-for-tests")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertTrue(
          report.body().contains("\"zeroHitQueries\":[{\"text\":\"kernfusionzzz\",\"count\":1}]"),
          report.body());
    }
  }

  @Test
  void startReportsABrokenCorpusWhenThereIsNoIndexToServe() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("empty-corpus"));
    ServiceConfig config =
        new ServiceConfig(
            "127.0.0.1",
            0,
            dir.resolve("index"),
            corpus,
            Duration.ofSeconds(2),
            WebConfig.DEFAULT,
            ServiceConfig.LogFormat.TEXT,
            false,
            Duration.ZERO,
            Duration.ofSeconds(5),
            30);
    try (PartnerSearchService service = new PartnerSearchService(config)) {
      assertThrows(CorpusException.class, service::start);
      port = service.port();
      assertEquals(503, get("/readyz").statusCode(), "listening, but never ready");
    }
  }

  @Test
  void anIndexBuiltByAnOlderVersionIsRebuiltFromTheCorpusOnStart() throws Exception {
    Path index = dir.resolve("index");
    try (PartnerSearch app = new PartnerSearch()) {
      asBuiltBySchema1(app.index(RealCorpus.CORPUS, index).generation());
      assertEquals(Optional.of("1"), app.outdatedSchema(index));
    }
    ServiceConfig config =
        new ServiceConfig(
            "127.0.0.1",
            0,
            index,
            RealCorpus.CORPUS,
            Duration.ofSeconds(2),
            WebConfig.DEFAULT,
            ServiceConfig.LogFormat.TEXT,
            false,
            Duration.ZERO,
            Duration.ofSeconds(5),
            30);
    try (PartnerSearchService service = new PartnerSearchService(config).listen()) {
      port = service.port();
      service.prepare();
      JsonNode health = JSON.readTree(get("/api/health").body());
      assertEquals(2, health.get("generation").asInt(), health.toString());
      assertFalse(health.get("degraded").asBoolean(), health.toString());
      assertTrue(get("/api/suggest?q=Endl").body().contains("Endlagerforschung"));
    }
  }

  /** What an older version left: no suggester folder, and its own schema version in the commit. */
  private static void asBuiltBySchema1(Path generation) throws IOException {
    IOUtils.rm(generation.resolve("suggest"));
    IndexWriterConfig append =
        new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND);
    try (Directory dir = FSDirectory.open(generation);
        IndexWriter writer = new IndexWriter(dir, append)) {
      Map<String, String> data = new HashMap<>(SegmentInfos.readLatestCommit(dir).getUserData());
      data.put(IndexSchema.META_SCHEMA, "1");
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
    }
  }

  @Test
  void oneTokenCheckForReindexAndAnalyticsReindexTimesAMetricsTokenAndThePublicUrl()
      throws Exception {
    String admin = "an-admin-token-for-tests";
    String metricsToken = "a-metrics-token-for-tests";
    ServiceConfig config =
        new ServiceConfig(
            "127.0.0.1",
            0,
            dir.resolve("index"),
            RealCorpus.CORPUS,
            Duration.ofSeconds(2),
            WebConfig.DEFAULT
                .withAdminToken(admin)
                .withMetricsToken(metricsToken)
                .withPublicUrl("https://partners.example.org/"),
            ServiceConfig.LogFormat.TEXT,
            false,
            Duration.ZERO,
            Duration.ofSeconds(5),
            30);
    try (PartnerSearchService service = new PartnerSearchService(config)) {
      service.start();
      port = service.port();
      // The scheme in lower case and blanks around the token: accepted alike by both admin routes.
      String padded = "bearer   " + admin + "  ";
      for (int i = 0; i < 6; i++) { // wrong tokens first: they must not lock out the right one
        assertEquals(
            i < 5 ? 401 : 429,
            send("POST", "/api/admin/reindex", "Bearer wrong-" + i).statusCode());
      }
      HttpResponse<String> reindexed = send("POST", "/api/admin/reindex", padded);
      assertEquals(200, reindexed.statusCode(), reindexed.body());
      assertEquals(200, send("GET", "/api/admin/analytics", padded).statusCode());

      assertEquals(
          401, get("/metrics").statusCode(), "with a metrics token, /metrics is not public");
      HttpResponse<String> metrics = send("GET", "/metrics", "Bearer " + metricsToken);
      assertEquals(200, metrics.statusCode());
      assertTrue(
          metrics.body().contains("partnersearch_reindex_seconds_count{outcome=\"published\"} 1"),
          metrics.body());

      HttpResponse<String> openSearch = get("/opensearch.xml");
      assertTrue(
          openSearch.body().contains("template=\"https://partners.example.org/api/suggest?q="),
          "the configured public URL, not this request's Host: " + openSearch.body());
    }
  }

  private HttpResponse<String> send(String method, String path, String authorization)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", authorization)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
