package org.partnersearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnersearch.RealCorpus;
import org.partnersearch.SharedRealCorpus;
import org.partnersearch.config.WebConfig;

/** The page, the widget, CORS from the allow-list and the security headers, over real HTTP. */
@ExtendWith(SharedRealCorpus.class)
class WebAssetsTest {
  static final String ALLOWED = "https://www.partner.example";
  static RealCorpus corpus;
  static Javalin server;
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start(RealCorpus shared) throws Exception {
    corpus = shared;
    server =
        new ApiServer(
                WebConfig.withCorsOrigins(ALLOWED + "/, http://localhost:8080"),
                OpsRoutes.standalone(corpus.searcher),
                () -> corpus.searcher,
                null)
            .create()
            .start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
  }

  static HttpResponse<String> get(String path, String origin) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void thePageIsServedAtTheRootWithTheSecurityHeaders() throws Exception {
    HttpResponse<String> page = get("/", null);
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
    assertTrue(
        page.body()
            .contains(
                "<link rel=\"search\" type=\"application/opensearchdescription+xml\" href=\"/opensearch.xml\""));
    assertEquals(
        Optional.of(WebAssets.CONTENT_SECURITY_POLICY),
        page.headers().firstValue("content-security-policy"));
    assertEquals(Optional.of("nosniff"), page.headers().firstValue("x-content-type-options"));
    assertEquals(
        Optional.of("strict-origin-when-cross-origin"),
        page.headers().firstValue("referrer-policy"));
    assertTrue(WebAssets.CONTENT_SECURITY_POLICY.startsWith("default-src 'self'"));
    assertTrue(
        !page.body().contains("<script>") && !page.body().contains("style="),
        "no inline script or style");
  }

  @Test
  void theWidgetAndItsStylesheetAreServed() throws Exception {
    HttpResponse<String> js = get("/widget.js", "https://anyone.example");
    assertEquals(200, js.statusCode());
    assertTrue(js.headers().firstValue("content-type").orElse("").contains("javascript"));
    assertEquals(200, get("/widget.css", null).statusCode());
  }

  @Test
  void anAllowedOriginMayReadTheApi() throws Exception {
    HttpResponse<String> r = get("/api/search?q=Endlager", ALLOWED);
    assertEquals(200, r.statusCode());
    assertEquals(Optional.of(ALLOWED), r.headers().firstValue("access-control-allow-origin"));
  }

  @Test
  void anyOtherOriginGetsNoCorsHeader() throws Exception {
    HttpResponse<String> r = get("/api/search?q=Endlager", "https://evil.example");
    assertEquals(200, r.statusCode());
    assertEquals(Optional.empty(), r.headers().firstValue("access-control-allow-origin"));
  }

  @Test
  void originsMustBeSchemeHostAndPort() {
    assertEquals(List.of(), WebConfig.withCorsOrigins(" ").corsOrigins());
    assertEquals(
        List.of("https://a.example", "http://localhost:8080"),
        WebConfig.withCorsOrigins("https://a.example/, http://localhost:8080").corsOrigins());
    assertThrows(IllegalArgumentException.class, () -> WebConfig.withCorsOrigins("a.example"));
    assertThrows(
        IllegalArgumentException.class, () -> WebConfig.withCorsOrigins("https://a.example/path"));
  }
}
