package org.partnersearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnersearch.RealCorpus;
import org.partnersearch.config.WebConfig;

/**
 * HTTP caching over a real server: ETags name the generation and the normalised request, 304 on
 * {@code If-None-Match}, a reindex changes them, and every route has the Cache-Control it should.
 */
class HttpCachingTest {
  private static final String TOKEN = "caching-test-admin-token-0123456789";
  private static final int MAX_AGE = 42;

  @TempDir static Path dir;
  static ApiFixture api;

  @BeforeAll
  static void start() throws Exception {
    api =
        new ApiFixture(
            dir.resolve("index"),
            WebConfig.DEFAULT.withAdminToken(TOKEN).withCacheSeconds(MAX_AGE),
            RealCorpus.CORPUS);
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(api.uri(path)).timeout(Duration.ofSeconds(20)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return api.client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse("(none)");
  }

  @Test
  void equalRequestsInOneGenerationGetTheSameEtagWhateverTheParameterOrderAndDefaults()
      throws Exception {
    HttpResponse<String> a = get("/api/search?q=Endlager&lang=de&area=repository-research");
    HttpResponse<String> b =
        get("/api/search?area=repository-research&lang=de&page=1&q=Endlager&size=10");
    assertEquals(200, a.statusCode());
    assertTrue(header(a, "ETag").startsWith("W/\""), header(a, "ETag"));
    assertEquals(header(a, "ETag"), header(b, "ETag"));
    String generation = api.get("/api/health").json().get("generation").asText();
    assertEquals(generation, header(a, "X-Index-Generation"));
    assertTrue(
        header(a, "ETag").startsWith("W/\"" + generation + "-"), "the ETag names the generation");

    assertTrue(
        a.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")),
        "shared caches keep gzipped and plain bodies apart: " + a.headers().allValues("Vary"));
    assertNotEquals(
        header(a, "ETag"),
        header(get("/api/search?q=Endlager&lang=en&area=repository-research"), "ETag"));
    assertNotEquals(header(a, "ETag"), header(get("/api/search?q=Endlager&lang=de"), "ETag"));
    assertNotEquals(
        header(get("/api/partners/daef"), "ETag"), header(get("/api/partners/dktk"), "ETag"));
    assertNotEquals(
        header(get("/api/suggest?q=Endl"), "ETag"),
        header(get("/api/suggest?q=Endl&format=opensearch"), "ETag"));
  }

  @Test
  void ifNoneMatchWithTheCurrentEtagAnswers304WithoutABody() throws Exception {
    for (String path :
        List.of(
            "/api/search?q=Strahlen",
            "/api/suggest?q=zentrum",
            "/api/partners/daef",
            "/api/research-areas?lang=de")) {
      HttpResponse<String> first = get(path);
      String etag = header(first, "ETag");
      HttpResponse<String> again = get(path, "If-None-Match", etag);
      assertEquals(304, again.statusCode(), path);
      assertEquals("", again.body(), path);
      assertEquals(etag, header(again, "ETag"), path);
      assertEquals("public, max-age=" + MAX_AGE, header(again, "Cache-Control"), path);
      // A strong form of the same tag, or one in a list, matches too (weak comparison).
      assertEquals(
          304, get(path, "If-None-Match", "\"x\", " + etag.substring(2)).statusCode(), path);
      assertEquals(
          200, get(path, "If-None-Match", "W/\"0-000000000000000000000000\"").statusCode(), path);
    }
  }

  @Test
  void aReindexChangesTheEtagsAndAnOldEtagGetsTheNewAnswer() throws Exception {
    String path = "/api/search?q=Hochschule";
    HttpResponse<String> before = get(path);
    long generation = Long.parseLong(header(before, "X-Index-Generation"));

    HttpResponse<String> reindex =
        api.client.send(
            HttpRequest.newBuilder(api.uri("/api/admin/reindex"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, reindex.statusCode(), reindex.body());
    assertEquals("no-store", header(reindex, "Cache-Control"));

    HttpResponse<String> after = get(path, "If-None-Match", header(before, "ETag"));
    assertEquals(200, after.statusCode(), "the client's copy is of the old generation");
    assertEquals(Long.toString(generation + 1), header(after, "X-Index-Generation"));
    assertNotEquals(header(before, "ETag"), header(after, "ETag"));
    assertEquals(304, get(path, "If-None-Match", header(after, "ETag")).statusCode());
  }

  @Test
  void everyRouteHasTheCacheControlItShould() throws Exception {
    String cacheable = "public, max-age=" + MAX_AGE;
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("/api/search?q=cancer", cacheable);
    expected.put("/api/search", cacheable);
    expected.put("/api/suggest?q=Endl", cacheable);
    expected.put("/api/suggest?q=oeko&format=opensearch", cacheable);
    expected.put("/api/partners/daef", cacheable);
    expected.put("/api/research-areas", cacheable);
    // Without --public-url its URLs come from the Host header, so no cache may keep it (issue 12).
    expected.put("/opensearch.xml", "no-store");
    expected.put("/", cacheable);
    expected.put("/widget.js", cacheable);
    expected.put("/api/health", "no-store");
    expected.put("/livez", "no-store");
    expected.put("/readyz", "no-store");
    expected.put("/metrics", "no-store");
    expected.put("/api/ping", "no-store");
    // Errors: ours, Javalin's and Jetty's own.
    expected.put("/api/search?size=0", "no-store");
    expected.put("/api/search?area=no-such-area", "no-store");
    expected.put("/api/partners/no-such-partner", "no-store");
    expected.put("/api/suggest?q=x&format=rss", "no-store");
    expected.put("/api/nothing-here", "no-store");
    expected.put("/no-such-file.js", "no-store");
    expected.put("/api/search?q=(20,000 letters: Jetty's own 414)", "no-store");
    Map<String, String> actual = new LinkedHashMap<>();
    for (String path : expected.keySet()) {
      String sent =
          path.startsWith("/api/search?q=(") ? "/api/search?q=" + "a".repeat(20_000) : path;
      actual.put(path, header(get(sent), "Cache-Control"));
    }
    assertEquals(expected, actual);
  }

  @Test
  void aGzippedAnswerNamesTheSameGenerationAndSaysItVariesByEncoding() throws Exception {
    HttpResponse<String> gzipped =
        get("/api/search?q=Forschung&size=50", "Accept-Encoding", "gzip");
    assertEquals(
        "gzip", header(gzipped, "Content-Encoding"), "large enough for Javalin to compress");
    assertTrue(
        gzipped.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")));
    assertEquals(
        header(get("/api/search?q=Forschung&size=50"), "ETag"),
        header(gzipped, "ETag"),
        "weak: the same content, whatever the encoding");
  }

  @Test
  void aSearchCutShortByItsTimeBudgetIsNeverStored() throws Exception {
    org.partnersearch.search.PartnerSearcher inNoTime =
        api.corpus.app.searcher(api.corpus.index, Duration.ZERO);
    io.javalin.Javalin hurried =
        new ApiServer(
                WebConfig.DEFAULT.withCacheSeconds(MAX_AGE),
                OpsRoutes.standalone(inNoTime),
                () -> inNoTime,
                null)
            .create()
            .start("127.0.0.1", 0);
    try {
      HttpResponse<String> r =
          api.client.send(
              HttpRequest.newBuilder(
                      java.net.URI.create(
                          "http://127.0.0.1:"
                              + hurried.port()
                              + "/api/search?q=Kernteknik%20Endlager"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertTrue(r.body().contains("\"partial\":true"), r.body());
      assertEquals("no-store", header(r, "Cache-Control"), "a later try may find everything");
      assertEquals(Optional.empty(), r.headers().firstValue("ETag"));
      assertTrue(
          r.headers().firstValue("X-Index-Generation").isPresent(),
          "it still says which generation answered");
    } finally {
      hurried.stop();
    }
  }

  @Test
  void errorsCarryNoValidatorAndAdminAnswersAreNeverStored() throws Exception {
    HttpResponse<String> notFound = get("/api/partners/no-such-partner");
    assertEquals(404, notFound.statusCode());
    assertEquals(Optional.empty(), notFound.headers().firstValue("ETag"));
    assertEquals(Optional.empty(), notFound.headers().firstValue("X-Index-Generation"));

    HttpResponse<String> unauthorized =
        api.client.send(
            HttpRequest.newBuilder(api.uri("/api/admin/reindex"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, unauthorized.statusCode());
    assertEquals("no-store", header(unauthorized, "Cache-Control"));
    HttpResponse<String> pick =
        api.client.send(
            HttpRequest.newBuilder(api.uri("/api/suggest/picks"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"partner\",\"id\":\"daef\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals("no-store", header(pick, "Cache-Control"));
    assertFalse(
        header(get("/api/health"), "ETag").startsWith("W/"),
        "health is never validated from a cache");
  }
}
