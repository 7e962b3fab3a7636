package org.partnersearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnersearch.RealCorpus;
import org.partnersearch.SharedRealCorpus;
import org.partnersearch.analytics.AnalyticsReport;
import org.partnersearch.analytics.SearchAnalytics;
import org.partnersearch.config.WebConfig;
import org.partnersearch.ops.Metrics;
import org.partnersearch.ops.Readiness;

/**
 * What anyone on the internet can send must not grow the server's state, logs or analytics, nor
 * hold its connections: odd methods, many compounds, floods of picks, forged Host headers, CORS
 * preflights and clients that send their headers one byte at a time.
 */
@ExtendWith(SharedRealCorpus.class)
class SafeInPublicTest {
  private static final String SITE = "https://host.example";

  static ApiFixture api;
  static Metrics metrics;
  static SearchAnalytics analytics;

  static RealCorpus corpus;

  @BeforeAll
  static void start(RealCorpus shared) throws Exception {
    corpus = shared;
    metrics = new Metrics();
    analytics = SearchAnalytics.inMemory(Clock.systemUTC(), 30);
    // No rate limit here, so the floods below reach the server; the limit has a test of its own.
    WebConfig web = WebConfig.withCorsOrigins(SITE).withRequestsPerMinute(0);
    api =
        new ApiFixture(
            shared,
            searcher ->
                new ApiServer(
                    web,
                    new OpsRoutes(
                        metrics,
                        Readiness.of(searcher),
                        analytics,
                        new OpsRoutes.Settings(false, Optional.empty(), Duration.ofSeconds(5), 30)),
                    () -> searcher,
                    null));
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
    metrics.close();
  }

  @Test
  void unknownMethodsAre501AndNeverBecomeMetricsSeries() throws Exception {
    api.get("/api/search?q=Endlager"); // every meter of a request exists before the first scrape
    int before = api.get("/metrics").body().length();
    Random random = new Random(5);
    String last = "";
    for (int i = 0; i < 100; i++) {
      StringBuilder method = new StringBuilder();
      for (int c = 0; c < 3_000; c++) {
        method.append((char) ('A' + random.nextInt(26)));
      }
      last = method.toString();
      ApiFixture.Response r = api.raw(last, "/api/search?q=x", Map.of(), "");
      assertEquals(501, r.status(), r.body());
      assertEquals("not_implemented", r.json().get("error").get("code").asText());
    }
    String after = api.get("/metrics").body();
    assertFalse(after.contains(last.substring(0, 40)));
    assertTrue(
        after.contains("method=\"OTHER\",route=\"unmatched\",status=\"501\""),
        "counted under one name");
    assertTrue(
        after.length() - before < 10_000,
        "/metrics grew by " + (after.length() - before) + " characters");
  }

  @Test
  void twelveCompoundsAreAnsweredOrRefusedAsTooComplexNeverA500() throws Exception {
    String q =
        "Krebsforschung Kernforschung Strahlenforschung Endlagerforschung Materialforschung Umweltforschung "
            + "Energieforschung Gesundheitsforschung Sicherheitsforschung Klimaforschung Werkstoffforschung "
            + "Rohstoffforschung";
    ApiFixture.Response r =
        api.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    assertTrue(r.status() == 200 || r.status() == 400, r.body());
    if (r.status() == 400) {
      assertEquals("query_too_complex", r.json().get("error").get("code").asText());
    }
  }

  @Test
  void aFloodOfSpamPicksIsNotCountedAndRealPicksStillAre() throws Exception {
    for (int i = 0; i < 300; i++) {
      assertEquals(
          204, pick("{\"kind\":\"term\",\"text\":\"spam\u202E " + i + "\"}", null).status());
      assertEquals(
          204, pick("{\"kind\":\"partner\",\"id\":\"no-such-partner-" + i + "\"}", null).status());
    }
    String term = firstTerm();
    assertEquals(204, pick("{\"kind\":\"partner\",\"id\":\"daef\"}", SITE).status());
    assertEquals(204, pick("{\"kind\":\"partner\",\"id\":\"daef\"}", null).status());
    if (term != null) {
      assertEquals(204, pick("{\"kind\":\"term\",\"text\":\"" + term + "\"}", null).status());
    }
    List<AnalyticsReport.Count> picks = analytics.report(1, 50).topPicks();
    assertEquals(new AnalyticsReport.Count("partner:daef", 2), picks.get(0), picks.toString());
    assertTrue(
        picks.stream().noneMatch(c -> c.text().contains("spam") || c.text().contains("no-such")),
        picks.toString());
    assertEquals(term == null ? 1 : 2, picks.size(), picks.toString());
  }

  private static String firstTerm() throws Exception {
    var suggestions = api.get("/api/suggest?q=Endl&lang=de").json().get("suggestions");
    for (var s : suggestions) {
      if (s.get("kind").asText().equals("term")) {
        return s.get("text").asText();
      }
    }
    return null;
  }

  @Test
  void searchesSuggestionsAndPicksShareTheRateLimitAndEveryRefusalIsCounted() throws Exception {
    Metrics own = new Metrics();
    WebConfig web = WebConfig.DEFAULT.withRequestsPerMinute(3);
    try (ApiFixture limited =
        new ApiFixture(
            corpus,
            searcher ->
                new ApiServer(
                    web,
                    new OpsRoutes(
                        own,
                        Readiness.of(searcher),
                        SearchAnalytics.inMemory(Clock.systemUTC(), 30),
                        new OpsRoutes.Settings(false, Optional.empty(), Duration.ofSeconds(5), 30)),
                    () -> searcher,
                    null))) {
      HttpRequest.Builder pick =
          HttpRequest.newBuilder(limited.uri("/api/suggest/picks"))
              .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"partner\",\"id\":\"daef\"}"));
      List<Integer> statuses =
          List.of(
              limited.get("/api/search?q=Endlager").status(),
              limited.get("/api/suggest?q=Endl").status(),
              limited.send(pick).status(),
              limited.send(pick).status(),
              limited.get("/api/search?q=Endlager").status());
      assertEquals(List.of(200, 200, 204, 429, 429), statuses);
      assertTrue(limited.get("/metrics").body().contains("partnersearch_rate_limited_total 2.0"));
    } finally {
      own.close();
    }
  }

  @Test
  void picksFromPagesOfOtherSitesAreRefused() throws Exception {
    ApiFixture.Response r = pick("{\"kind\":\"partner\",\"id\":\"daef\"}", "https://evil.example");
    assertEquals(403, r.status());
    assertEquals("origin_not_allowed", r.json().get("error").get("code").asText());
  }

  private static ApiFixture.Response pick(String json, String origin) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(api.uri("/api/suggest/picks"))
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (origin != null) {
      b.header("Origin", origin);
    }
    return api.send(b);
  }

  @Test
  void aCorsPreflightFromAListedOriginIs204WithTheAllowedMethodsAndHeaders() throws Exception {
    HttpResponse<String> r = preflight(SITE);
    assertEquals(204, r.statusCode(), r.body());
    assertEquals(SITE, r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    assertTrue(r.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("GET"));
    assertTrue(
        r.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Content-Type"));

    HttpResponse<String> other = preflight("https://evil.example");
    assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
  }

  private static HttpResponse<String> preflight(String origin) throws Exception {
    return api.client.send(
        HttpRequest.newBuilder(api.uri("/api/search?q=x"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "GET")
            .header("Access-Control-Request-Headers", "content-type")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void openSearchTrustsNoForwardedHostFromAClientAndSaysItsAnswerVariesByHost() throws Exception {
    HttpResponse<String> r =
        api.client.send(
            HttpRequest.newBuilder(api.uri("/opensearch.xml"))
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    assertFalse(r.body().contains("evil.example"), r.body());
    assertTrue(r.body().contains("http://127.0.0.1:" + api.server.port() + "/"), r.body());
    assertTrue(r.headers().firstValue("Vary").orElse("").contains("Host"));
    assertTrue(r.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
  }

  @Test
  void aClientThatDribblesItsHeadersIsCutOffWithinTenSeconds() throws Exception {
    long start = System.nanoTime();
    boolean closed = false;
    try (Socket socket = new Socket("127.0.0.1", api.server.port())) {
      socket.setSoTimeout(200);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(
          "GET /api/search?q=x HTTP/1.1\r\nHost: localhost\r\nX-Slow: "
              .getBytes(StandardCharsets.US_ASCII));
      while (!closed && System.nanoTime() - start < Duration.ofSeconds(25).toNanos()) {
        try {
          out.write('a');
          out.flush();
          closed = in.read() == -1;
        } catch (java.net.SocketTimeoutException stillOpen) {
          // nothing to read yet: the server is still waiting for the rest of the headers
        } catch (IOException reset) {
          closed = true;
        }
        Thread.sleep(300);
      }
    }
    Duration held = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(closed, "still open after " + held.toSeconds() + " s");
    // Within 10 s of the check that first saw the dribbling; the margin is for a busy machine.
    assertTrue(held.compareTo(Duration.ofSeconds(13)) < 0, "held for " + held.toMillis() + " ms");
  }
}
