package org.partnersearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnersearch.RealCorpus;
import org.partnersearch.SharedRealCorpus;
import org.partnersearch.analytics.SearchAnalytics;
import org.partnersearch.config.WebConfig;
import org.partnersearch.ops.Metrics;
import org.partnersearch.ops.Readiness;

/** Health probes, metrics, access log, docs and admin analytics over real HTTP. */
@ExtendWith(SharedRealCorpus.class)
class OpsRoutesTest {
  static final String TOKEN = "test-admin-token-0123456789";

  /** One sample line of the Prometheus text format: name, optional labels, value. */
  private static final Pattern SAMPLE =
      Pattern.compile(
          "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*\\})? "
              + "(-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)");

  static ApiFixture api;
  static Metrics metrics;

  @BeforeAll
  static void start(RealCorpus shared) throws Exception {
    metrics = new Metrics();
    api =
        new ApiFixture(
            shared,
            searcher ->
                new ApiServer(
                    WebConfig.DEFAULT,
                    new OpsRoutes(
                        metrics,
                        Readiness.of(searcher),
                        SearchAnalytics.inMemory(Clock.systemUTC(), 30),
                        new OpsRoutes.Settings(
                            false, Optional.of(TOKEN), Duration.ofSeconds(5), 30)),
                    () -> searcher,
                    null));
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
    metrics.close();
  }

  @Test
  void theMetricsExpositionParsesAndCountsASearchByRouteAndStatus() throws Exception {
    String series =
        "partnersearch_http_requests_seconds_count{method=\"GET\",route=\"/api/search\",status=\"200\"}";
    double before = samples(api.get("/metrics").body()).getOrDefault(series, 0.0);
    assertEquals(200, api.get("/api/search?q=Endlager").status());

    ApiFixture.Response scraped = api.get("/metrics");
    assertEquals(200, scraped.status());
    assertTrue(
        scraped.contentType().startsWith("text/plain; version=0.0.4"), scraped.contentType());
    Map<String, Double> after = samples(scraped.body());
    assertEquals(before + 1, after.get(series));
    assertEquals(
        after.get(series),
        after.get(
            "partnersearch_http_requests_seconds_bucket{method=\"GET\",route=\"/api/search\",status=\"200\",le=\"+Inf\"}"),
        "a histogram: its +Inf bucket holds every request");
    for (String meter :
        new String[] {
          "partnersearch_search_seconds_count",
          "partnersearch_search_zero_hits_total",
          "partnersearch_suggest_seconds_count",
          "partnersearch_rate_limited_total",
          "jvm_memory_used_bytes",
          "jetty_server_requests_seconds_count"
        }) {
      assertTrue(after.keySet().stream().anyMatch(k -> k.startsWith(meter)), meter + " is exposed");
    }
  }

  @Test
  void aZeroHitSearchIsCountedInTheMetricsAndTheAnalytics() throws Exception {
    double before = samples(api.get("/metrics").body()).get("partnersearch_search_zero_hits_total");
    assertEquals(0, api.get("/api/search?q=Quarkgluonplasmazzz").json().get("total").asInt());
    assertEquals(
        before + 1,
        samples(api.get("/metrics").body()).get("partnersearch_search_zero_hits_total"));

    ApiFixture.Response report =
        api.send(
            HttpRequest.newBuilder(api.uri("/api/admin/analytics?days=1"))
                .header("Authorization", "Bearer " + TOKEN)
                .GET());
    assertEquals(200, report.status(), report.body());
    assertTrue(
        report.json().get("zeroHitQueries").toString().contains("\"quarkgluonplasmazzz\""),
        report.body());
  }

  @Test
  void oneAccessLogLinePerRequestWithRouteStatusAndDurationButNoQueryOrAddress() throws Exception {
    Logger access = (Logger) AccessLog.LOG;
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    access.addAppender(lines);
    ch.qos.logback.classic.Level level = access.getLevel();
    access.setLevel(ch.qos.logback.classic.Level.INFO);
    try {
      api.get("/api/partners/daef?secret=Jane.Doe");
      api.get("/api/search?q=Jane%20Doe");
    } finally {
      access.setLevel(level);
      access.detachAppender(lines);
    }
    assertEquals(2, lines.list.size(), lines.list.toString());
    String first = lines.list.get(0).getFormattedMessage();
    assertTrue(first.matches("GET /api/partners/\\{id} 200 \\d+\\.\\d ms"), first);
    assertTrue(lines.list.get(1).getFormattedMessage().startsWith("GET /api/search 200 "));
    String all =
        lines.list.toString()
            + lines.list.stream().map(e -> String.valueOf(e.getKeyValuePairs())).toList();
    assertFalse(all.contains("Jane") || all.contains("daef") || all.contains("127.0.0.1"), all);
  }

  @Test
  void livezAndReadyzAnswerUpAndReady() throws Exception {
    assertEquals("UP", api.get("/livez").json().get("status").asText());
    ApiFixture.Response ready = api.get("/readyz");
    assertEquals(200, ready.status());
    assertEquals("READY", ready.json().get("status").asText());
  }

  @Test
  void swaggerUiIsServedFromItsWebjarOverOurOpenApiDescription() throws Exception {
    assertEquals(302, api.get("/docs/").status());
    ApiFixture.Response docs = api.raw("/docs");
    assertEquals(302, docs.status());
    assertEquals("", docs.contentType(), "no body, so no type");
    assertEquals("", docs.body());
    ApiFixture.Response page = api.get("/docs/index.html");
    assertEquals(200, page.status());
    assertTrue(page.contentType().startsWith("text/html"), page.contentType());
    Matcher assets = Pattern.compile("(?:href|src)=\"(/[^\"]+)\"").matcher(page.body());
    int found = 0;
    while (assets.find()) {
      assertEquals(200, api.get(assets.group(1)).status(), assets.group(1));
      found++;
    }
    assertEquals(3, found, "css, bundle, initializer");
    assertTrue(api.get("/docs/docs.js").body().contains("'/openapi.yaml'"));
    assertTrue(api.get("/openapi.yaml").body().startsWith("openapi: 3.1.0"));
  }

  @Test
  void adminAnalyticsNeedTheTokenAndPicksAreCounted() throws Exception {
    assertEquals(401, api.get("/api/admin/analytics").status());
    ApiFixture.Response wrong =
        api.send(
            HttpRequest.newBuilder(api.uri("/api/admin/analytics"))
                .header("Authorization", "Bearer " + TOKEN + "x")
                .GET());
    assertEquals(401, wrong.status());
    assertEquals("unauthorized", wrong.json().get("error").get("code").asText());

    ApiFixture.Response picked =
        api.send(
            HttpRequest.newBuilder(api.uri("/api/suggest/picks"))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"kind\":\"partner\",\"id\":\"daef\",\"text\":\"DAEF\"}")));
    assertEquals(204, picked.status());
    assertEquals("", picked.contentType(), "no body, so no type");
    ApiFixture.Response bad =
        api.send(
            HttpRequest.newBuilder(api.uri("/api/suggest/picks"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"person\",\"id\":\"x\"}")));
    assertEquals(400, bad.status());
    assertEquals("invalid_pick", bad.json().get("error").get("code").asText());

    ApiFixture.Response report =
        api.send(
            HttpRequest.newBuilder(api.uri("/api/admin/analytics"))
                .header("Authorization", "Bearer " + TOKEN)
                .GET());
    assertTrue(
        report
            .json()
            .get("topPicks")
            .toString()
            .contains("{\"text\":\"partner:daef\",\"count\":1}"),
        report.body());
  }

  /**
   * Every sample of a Prometheus text exposition; fails on any line that is not a comment or a
   * sample.
   */
  static Map<String, Double> samples(String exposition) {
    Map<String, Double> samples = new TreeMap<>();
    for (String line : exposition.split("\n")) {
      if (line.isEmpty() || line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      assertTrue(m.matches(), "not a Prometheus sample: " + line);
      samples.put(
          m.group(1) + (m.group(2) == null ? "" : m.group(2)),
          Double.parseDouble(m.group(3).replace("+Inf", "Infinity").replace("-Inf", "-Infinity")));
    }
    return samples;
  }
}
