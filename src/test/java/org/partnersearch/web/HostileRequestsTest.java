package org.partnersearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnersearch.RealCorpus;
import org.partnersearch.SharedRealCorpus;

/**
 * Malformed and hostile requests: each gets a 2xx or 4xx JSON answer within a second, with no stack
 * trace, no exception name and no raw markup, and the server stays healthy.
 */
@ExtendWith(SharedRealCorpus.class)
class HostileRequestsTest {
  static ApiFixture api;

  @BeforeAll
  static void start(RealCorpus shared) throws Exception {
    api = new ApiFixture(shared);
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  static String q(String raw) {
    return "/api/search?q=" + URLEncoder.encode(raw, StandardCharsets.UTF_8);
  }

  /** The request and the status it must get (0: any 2xx or 4xx). */
  static Stream<Arguments> requests() {
    return Stream.concat(queries(), Stream.concat(suggestions(), pathsAndParameters()));
  }

  static String s(String raw) {
    return "/api/suggest?q=" + URLEncoder.encode(raw, StandardCharsets.UTF_8);
  }

  static Stream<Arguments> suggestions() {
    return Stream.of(
        Arguments.of(s(""), 200),
        Arguments.of(s("e"), 200),
        Arguments.of(s("a".repeat(2000)), 400),
        Arguments.of(s("<script>alert(1)</script>"), 200),
        Arguments.of(s("\"><img src=x onerror=alert(1)>"), 200),
        Arguments.of(s("endl\u0000\u0007\u001b"), 200),
        Arguments.of(s("\u202Eendl\u200B"), 200),
        Arguments.of(s("e\u0301".repeat(40)), 200),
        Arguments.of(s("((((((((((endl"), 200),
        Arguments.of(s("endl*"), 200),
        Arguments.of(s("endl~"), 200),
        Arguments.of(s("\uD83D\uDE00\uD83D\uDE00"), 200),
        Arguments.of(s("endl") + "&size=0", 400),
        Arguments.of(s("endl") + "&size=21", 400),
        Arguments.of(s("endl") + "&size=abc", 400),
        Arguments.of(s("endl") + "&lang=zz", 400),
        Arguments.of(s("endl") + "&format=xml", 400),
        Arguments.of(s("<b>endl</b>") + "&format=opensearch", 200),
        Arguments.of("/api/suggest?q=%ED%A0%80endl", 0),
        Arguments.of("/api/suggest?q=%FF%FE", 0));
  }

  static Stream<Arguments> pathsAndParameters() {
    return Stream.of(
        Arguments.of("/api/partners/daef%00", 0), // Jetty refuses a NUL in the path: 400
        Arguments.of("/api/partners/daef%20", 400), // not an id: invalid_id
        Arguments.of("/api/partners/daef/extra", 404),
        Arguments.of("/api/partners/%2e%2e", 0),
        Arguments.of("/api/partners/" + "a".repeat(5000), 400),
        Arguments.of("/%2e%2e/%2e%2e/etc/passwd", 0),
        Arguments.of("/../../../etc/passwd", 0),
        Arguments.of("/widget.js%00.html", 0),
        Arguments.of("/api/search?q=Endlager&q=Strahlen", 200),
        Arguments.of("/api/search?q=x&page=1.5", 400),
        Arguments.of("/api/search?q=x&size=1e3", 400),
        Arguments.of("/api/search?q=x&page=%20", 200),
        Arguments.of("/api/search?q=Endlager&explain=%3Cscript%3E", 200),
        Arguments.of("/api/search?city=Atlantis", 400),
        Arguments.of("/api/search?area=%3Cimg%20src%3Dx%3E", 400),
        Arguments.of("/api/search?" + "type=network&".repeat(11), 400),
        Arguments.of("/api/search?" + "x=1&".repeat(2000), 0),
        Arguments.of("/api/search?q=" + "%E2%80%8B".repeat(300), 0),
        Arguments.of("/api/search?q=" + "e%CC%81".repeat(150), 0),
        Arguments.of("/api/research-areas?lang=%3Cscript%3E", 400),
        Arguments.of("/api/health?x=%3Cscript%3E", 200),
        Arguments.of("/api/admin/reindex", 404),
        Arguments.of("/api/admin/analytics", 404),
        Arguments.of("/api//search?q=x", 0),
        Arguments.of("/API/SEARCH?q=x", 0));
  }

  /** Requests with other methods, content types, headers and bodies. */
  static Stream<Arguments> otherRequests() {
    return Stream.of(
        Arguments.of(
            "POST",
            "/api/search",
            Map.of("Content-Type", "application/json"),
            "{\"q\":\"Endlager\"}"),
        Arguments.of("PUT", "/api/search?q=x", Map.of(), "x"),
        Arguments.of("DELETE", "/api/partners/daef", Map.of(), ""),
        Arguments.of(
            "PATCH", "/api/partners/daef", Map.of("Content-Type", "application/json"), "{}"),
        Arguments.of("POST", "/api/suggest?q=endl", Map.of("Content-Type", "text/xml"), "<x/>"),
        Arguments.of("POST", "/api/admin/reindex", Map.of(), ""),
        Arguments.of("POST", "/api/admin/reindex", Map.of("Authorization", "Bearer wrong"), ""),
        Arguments.of(
            "POST", "/api/admin/reindex", Map.of("Authorization", "Basic YWRtaW46YWRtaW4="), ""),
        Arguments.of("DELETE", "/api/admin/reindex", Map.of(), ""),
        Arguments.of("GET", "/api/search?q=x", Map.of("Cookie", "a=" + "b".repeat(20_000)), ""),
        Arguments.of(
            "GET",
            "/api/search?q=x",
            Map.of("Content-Type", "multipart/form-data; boundary=x"),
            "--x--"),
        Arguments.of("GET", "/api/search?q=x", Map.of("Accept", "text/html"), ""),
        Arguments.of("GET", "/api/search?q=x", Map.of("X-Forwarded-For", "<script>"), ""),
        Arguments.of("GET", "/api/search?q=x", Map.of("Origin", "https://evil.example"), ""),
        Arguments.of("GET", "/api/search?q=x", Map.of("Accept-Language", "<script>"), ""));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("otherRequests")
  void otherMethodsContentTypesAndHeadersGetSafeJson(
      String method, String target, Map<String, String> headers, String body) throws Exception {
    ApiFixture.Response r = api.raw(method, target, headers, body);
    assertSafe(r);
    if (!method.equals("GET")) {
      assertTrue(
          r.status() >= 400, "the public API is read-only: " + method + " got " + r.status());
    }
  }

  static Stream<Arguments> queries() {
    return Stream.of(
        Arguments.of(q("\"unbalanced quote"), 200),
        Arguments.of(q("((((Endlager"), 200),
        Arguments.of(q("Endlager)))]]}}"), 200),
        Arguments.of(q("OR"), 200),
        Arguments.of(q("AND NOT"), 200),
        Arguments.of(q("-"), 200),
        Arguments.of(q("*"), 200),
        Arguments.of(q("?"), 200),
        Arguments.of(q("Endl*"), 200),
        Arguments.of(q("*lager"), 200),
        Arguments.of(q("/reg.*ex/"), 200),
        Arguments.of(q("Endlager~2"), 200),
        Arguments.of(q("Endlager^100"), 200),
        Arguments.of(q("name:Endlager"), 200),
        Arguments.of(q("\\"), 200),
        Arguments.of(q("a".repeat(10_000)), 400),
        Arguments.of(q("a".repeat(20_000)), 414),
        Arguments.of(q("a ".repeat(200)), 400),
        Arguments.of(q("Endlager\u0000\u0001\u0007\u001b[31m"), 200),
        Arguments.of(q("<script>alert(1)</script>"), 200),
        Arguments.of(q("<img src=x onerror=alert(1)>"), 200),
        Arguments.of(q("\"><img src=x onerror=alert(1)> Endlager"), 200),
        Arguments.of(q("(".repeat(500)), 200),
        Arguments.of(q("😀 \u202E\u200B\uFEFF Öko"), 200),
        Arguments.of(q("\"a\" OR \"b\" -\"c\" OR"), 200),
        Arguments.of(q("<b>Endlager</b>") + "&explain=true", 200),
        Arguments.of("/api/search?q=x&page=0", 400),
        Arguments.of("/api/search?q=x&page=-1", 400),
        Arguments.of("/api/search?q=x&page=abc", 400),
        Arguments.of("/api/search?q=x&size=0", 400),
        Arguments.of("/api/search?q=x&size=51", 400),
        Arguments.of("/api/search?q=x&size=99999999999", 400),
        Arguments.of("/api/search?q=x&page=1000&size=50", 400),
        Arguments.of("/api/search?q=x&page=2147483647&size=50", 400),
        Arguments.of("/api/search?area=no-such-area", 400),
        Arguments.of("/api/search?type=%3Cscript%3E", 400),
        Arguments.of("/api/search?" + "area=health&".repeat(11), 400),
        Arguments.of("/api/search?lang=fr", 400),
        Arguments.of("/api/search?q=%ZZ", 0),
        Arguments.of("/api/search?q=%", 0),
        Arguments.of("/api/search?q=%C0%AF", 0),
        Arguments.of("/api/../../etc/passwd", 0),
        Arguments.of("/api/search?q=%00", 200),
        Arguments.of("/api/partners/%3Cscript%3E", 400),
        Arguments.of("/api/partners/..%2F..%2Fetc%2Fpasswd", 400),
        Arguments.of("/api/research-areas?lang=xx", 400),
        Arguments.of("/api/%3Cscript%3E", 404));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("requests")
  void isAnsweredWithSafeJsonInTime(String request, int expectedStatus) throws Exception {
    ApiFixture.Response r = api.raw(request);
    if (expectedStatus != 0) {
      assertEquals(expectedStatus, r.status(), r.body());
    }
    assertSafe(r);
  }

  private static void assertSafe(ApiFixture.Response r) {
    assertTrue(r.status() >= 200 && r.status() < 500, "status " + r.status());
    assertNotNull(r.json(), "JSON body: " + r.body());
    // A hang or a search far past its 500 ms budget, not a speed measure (docs/benchmarks.md has
    // those): on a loaded 2-core machine a budgeted search took 1.5 s of wall clock.
    assertTrue(r.millis() < 3000, "answered in " + r.millis() + " ms");
    assertFalse(r.body().contains("<"), "no raw markup: " + r.body());
    for (String leak :
        new String[] {"Exception", "\tat ", "java.", "org.apache", "org.partnersearch"}) {
      assertFalse(r.body().contains(leak), "no internals (" + leak + "): " + r.body());
    }
    if (r.status() >= 400) {
      JsonNode error = r.json().get("error");
      assertEquals(r.status(), error.get("status").asInt());
      assertFalse(error.get("code").asText().isBlank());
      assertFalse(error.get("message").asText().isBlank());
    } else if (r.json().has("hits")) {
      for (JsonNode hit : r.json().get("hits")) {
        assertOnlyMarkTags(hit.get("highlight").get("name").asText());
        hit.get("highlight").get("snippets").forEach(s -> assertOnlyMarkTags(s.asText()));
      }
    }
  }

  private static void assertOnlyMarkTags(String html) {
    assertFalse(html.replace("<mark>", "").replace("</mark>", "").contains("<"), html);
  }

  @Test
  void theServerIsHealthyAfterwards() throws Exception {
    for (Arguments a : requests().toList()) {
      api.raw((String) a.get()[0]);
    }
    for (Arguments a : otherRequests().toList()) {
      Object[] x = a.get();
      @SuppressWarnings("unchecked")
      Map<String, String> headers = (Map<String, String>) x[2];
      api.raw((String) x[0], (String) x[1], headers, (String) x[3]);
    }
    ApiFixture.Response health = api.get("/api/health");
    assertEquals(200, health.status());
    assertEquals("UP", health.json().get("status").asText());
    assertEquals(
        "daef", api.get("/api/search?q=Endlager").json().get("hits").get(0).get("id").asText());
  }
}
