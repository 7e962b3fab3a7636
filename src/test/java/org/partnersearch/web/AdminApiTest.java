package org.partnersearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnersearch.RealCorpus;
import org.partnersearch.SearchLoad;
import org.partnersearch.config.WebConfig;

/** Admin routes over real HTTP: off without a token, bearer auth, slow-down, reindex under load. */
class AdminApiTest {
  private static final String TOKEN = "s3cret-admin-token-for-tests-0123456789";

  @TempDir Path dir;

  private ApiFixture api(WebConfig web, Path corpus) throws Exception {
    return new ApiFixture(dir.resolve("index"), web, corpus);
  }

  private static WebConfig withToken() {
    // 127.0.0.1 is trusted as a proxy so tests can act as several clients through X-Forwarded-For.
    return WebConfig.withCorsOrigins("*").withAdminToken(TOKEN).withTrustedProxies("127.0.0.1");
  }

  private static HttpRequest.Builder post(
      ApiFixture api, String path, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(api.uri(path)).POST(HttpRequest.BodyPublishers.noBody());
    headers.forEach(b::header);
    return b;
  }

  @Test
  void withoutAConfiguredTokenAdminRoutesDoNotExist() throws Exception {
    try (ApiFixture api = api(WebConfig.DEFAULT, Path.of("corpus"))) {
      ApiFixture.Response r =
          api.send(post(api, "/api/admin/reindex", Map.of("Authorization", "Bearer " + TOKEN)));
      assertEquals(404, r.status());
      assertEquals(404, r.json().get("error").get("status").asInt());
    }
  }

  @Test
  void aMissingOrWrongTokenIs401AndRepeatedFailuresAreSlowedDownButNeverLockOutTheRightToken()
      throws Exception {
    try (ApiFixture api = api(withToken(), Path.of("corpus"))) {
      ApiFixture.Response none = api.send(post(api, "/api/admin/reindex", Map.of()));
      assertEquals(401, none.status());
      assertEquals("unauthorized", none.json().get("error").get("code").asText());
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < BearerAuth.FAILURES_PER_MINUTE + 1; i++) {
        statuses.add(
            api.send(
                    post(
                        api,
                        "/api/admin/reindex",
                        Map.of(
                            "Authorization",
                            "Bearer wrong-" + i,
                            "X-Forwarded-For",
                            "203.0.113.7")))
                .status());
      }
      assertEquals(401, statuses.get(0));
      assertEquals(429, statuses.get(statuses.size() - 1), statuses.toString());
      ApiFixture.Response right =
          api.send(
              post(
                  api,
                  "/api/admin/reindex",
                  Map.of(
                      "Authorization",
                      "bearer  " + TOKEN + " ",
                      "X-Forwarded-For",
                      "203.0.113.7")));
      assertEquals(
          200,
          right.status(),
          "the right token passes even from an address that guessed too often: " + right.body());
      assertEquals(
          org.partnersearch.RealCorpus.partnerCount(), right.json().get("documents").asInt());
      assertEquals(2, right.json().get("generation").asInt());
      assertTrue(
          api.client
              .send(
                  HttpRequest.newBuilder(api.uri("/api/admin/reindex"))
                      .header("Origin", "https://evil.example")
                      .header("Authorization", "Bearer " + TOKEN)
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString())
              .headers()
              .firstValue("Access-Control-Allow-Origin")
              .isEmpty(),
          "no CORS on admin routes");
    }
  }

  @Test
  void aBrokenCorpusIs422WithEveryProblemAndTheServedIndexStays() throws Exception {
    Path corpus = RealCorpus.copyTo(dir.resolve("corpus"));
    try (ApiFixture api = api(withToken(), corpus)) {
      Path daef = corpus.resolve("partners/daef.yaml");
      String asWritten = Files.readString(daef);
      Files.writeString(daef, asWritten.replace("type: network", "type: netwerk"));
      ch.qos.logback.classic.Logger buildLog =
          (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("index");
      var lines =
          new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
      lines.start();
      buildLog.addAppender(lines);
      ApiFixture.Response r;
      try {
        r = api.send(post(api, "/api/admin/reindex", Map.of("Authorization", "Bearer " + TOKEN)));
        assertEquals(
            1, api.get("/api/health").json().get("generation").asInt(), "the served index stays");
        Files.writeString(daef, asWritten);
        assertEquals(
            200,
            api.send(post(api, "/api/admin/reindex", Map.of("Authorization", "Bearer " + TOKEN)))
                .status());
      } finally {
        buildLog.detachAppender(lines);
      }
      assertEquals(
          List.of(
              "WARN index not built (admin-reindex): the corpus has 1 problem(s)",
              "INFO index built (admin-reindex): gen-000002"),
          lines.list.stream()
              .map(
                  e ->
                      e.getLevel()
                          + " "
                          + e.getFormattedMessage().replaceAll("(problem\\(s\\)|gen-\\d+).*", "$1"))
              .toList(),
          "one log line per refused and per published build");
      assertEquals(422, r.status(), r.body());
      assertEquals("corpus_invalid", r.json().get("error").get("code").asText());
      assertEquals(422, r.json().get("error").get("status").asInt(), "the API's one error shape");
      assertTrue(
          r.json()
              .get("error")
              .get("problems")
              .get(0)
              .asText()
              .contains("daef.yaml:10: type: unknown type 'netwerk'"),
          r.body());
      assertEquals(
          2,
          api.get("/api/health").json().get("generation").asInt(),
          "generation 1, then 2 once fixed");
      assertEquals(
          "daef", api.get("/api/search?q=Endlager").json().get("hits").get(0).get("id").asText());
    }
  }

  @Test
  void threeReindexesWhileSeveralHttpClientsSearchFailNothingAndLoseNoHits() throws Exception {
    // No per-client limit: four clients from one address searching as fast as they can pass 600 a
    // minute once searches are fast, and this test is about reindexing, not the limit (tested
    // below).
    try (ApiFixture api = api(withToken().withRequestsPerMinute(0), Path.of("corpus"))) {
      List<String> queries =
          List.of("Endlager", "Hochschule", "Kernteknik", "cancer", "ct.qmat", "Strahlen");
      Map<String, Integer> totals = new java.util.HashMap<>();
      for (String q : queries) {
        totals.put(q, api.get("/api/search?q=" + q).json().get("total").asInt());
      }
      SearchLoad load =
          SearchLoad.start(
              4,
              queries,
              q -> {
                ApiFixture.Response r = api.get("/api/search?q=" + q);
                return r.status() != 200 || r.json().get("total").asInt() != totals.get(q)
                    ? r.status() + " " + r.body()
                    : null;
              });
      load.during(
          () -> {
            for (int i = 0; i < 3; i++) {
              ApiFixture.Response r =
                  api.send(
                      post(api, "/api/admin/reindex", Map.of("Authorization", "Bearer " + TOKEN)));
              assertEquals(200, r.status(), r.body());
            }
          });
      assertEquals(List.of(), load.stop());
      assertEquals(4, api.get("/api/health").json().get("generation").asInt());
      assertFalse(load.requests() < 24, "requests: " + load.requests());
    }
  }

  @Test
  void searchAndSuggestAreRateLimitedPerClientWith429AndRetryAfter() throws Exception {
    WebConfig web = WebConfig.DEFAULT.withRequestsPerMinute(5).withTrustedProxies("127.0.0.1");
    try (ApiFixture api = api(web, Path.of("corpus"))) {
      for (int i = 0; i < 5; i++) {
        assertEquals(
            200,
            api.send(
                    HttpRequest.newBuilder(api.uri("/api/search?q=Endlager"))
                        .header("X-Forwarded-For", "192.0.2.1"))
                .status());
      }
      ApiFixture.Response limited =
          api.send(
              HttpRequest.newBuilder(api.uri("/api/suggest?q=endl"))
                  .header("X-Forwarded-For", "192.0.2.1"));
      assertEquals(429, limited.status());
      assertEquals("too_many_requests", limited.json().get("error").get("code").asText());
      assertEquals(
          200,
          api.send(
                  HttpRequest.newBuilder(api.uri("/api/search?q=Endlager"))
                      .header("X-Forwarded-For", "192.0.2.2"))
              .status(),
          "another client is not affected");
      assertEquals(200, api.get("/api/health").status(), "health is not rate limited");
    }
  }

  @Test
  void forwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
    WebConfig web = WebConfig.DEFAULT.withRequestsPerMinute(3);
    try (ApiFixture api = api(web, Path.of("corpus"))) {
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        statuses.add(
            api.send(
                    HttpRequest.newBuilder(api.uri("/api/search?q=x"))
                        .header("X-Forwarded-For", "192.0.2." + i))
                .status());
      }
      assertEquals(
          List.of(200, 200, 200, 429), statuses, "a spoofed header does not buy fresh buckets");
    }
  }
}
