package org.partnersearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnersearch.RealCorpus;
import org.partnersearch.SharedRealCorpus;
import org.partnersearch.config.WebConfig;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code /api/suggest}, {@code /opensearch.xml} and {@code /api/ping} over HTTP on a random port.
 */
@ExtendWith(SharedRealCorpus.class)
class SuggestApiTest {
  static RealCorpus corpus;
  static Javalin server;
  static String origin;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start(RealCorpus shared) throws Exception {
    corpus = shared;
    server =
        new ApiServer(
                WebConfig.DEFAULT,
                OpsRoutes.standalone(corpus.searcher),
                () -> corpus.searcher,
                null)
            .create()
            .start(0);
    origin = "http://localhost:" + server.port();
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
  }

  static HttpResponse<String> get(String pathAndQuery) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(origin + pathAndQuery)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void suggestAnswersWithTheWidgetsShape() throws Exception {
    HttpResponse<String> r = get("/api/suggest?q=" + q("Universitaet Ros") + "&size=3&lang=de");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    JsonNode body = JSON.readTree(r.body());
    assertEquals("Universitaet Ros", body.get("query").asText());
    JsonNode first = body.get("suggestions").get(0);
    assertEquals("Universität Rostock", first.get("text").asText());
    assertEquals(
        "<mark>Universität</mark> <mark>Ros</mark>tock", first.get("highlighted").asText());
    assertEquals("partner", first.get("kind").asText());
    assertEquals("rostock", first.get("id").asText());
    assertTrue(body.get("suggestions").size() <= 3);
  }

  @Test
  void aTermSuggestionHasANullIdAndMarkupLeavesEscaped() throws Exception {
    HttpResponse<String> r = get("/api/suggest?q=tecnet");
    assertFalse(r.body().contains("<"), "raw markup in " + r.body());
    JsonNode first = JSON.readTree(r.body()).get("suggestions").get(0);
    assertEquals("term", first.get("kind").asText());
    assertTrue(first.has("id") && first.get("id").isNull());
    assertEquals("<mark>techne</mark>tium", first.get("highlighted").asText());
  }

  @Test
  void badInputGetsAnEmptyListOrA400JsonErrorNeverA500() throws Exception {
    List<String> emptyLists =
        List.of(
            "",
            "?q=",
            "?q=k",
            "?q=" + q("\u0000\u0001\u001f"),
            "?q=" + q("<script>alert(1)</script>"),
            "?q=" + q("\"><img src=x onerror=alert(1)>"),
            "?q=" + q("%00%ff"),
            "?q=" + q("\uD800x"));
    for (String query : emptyLists) {
      HttpResponse<String> r = get("/api/suggest" + query);
      assertEquals(200, r.statusCode(), query + ": " + r.body());
      assertFalse(r.body().contains("<"), query + ": " + r.body());
      JsonNode body = JSON.readTree(r.body());
      assertTrue(body.get("suggestions").isArray(), query);
    }
    List<String[]> errors = new ArrayList<>();
    errors.add(new String[] {"?q=" + "x".repeat(2000), "query_too_long"});
    errors.add(new String[] {"?q=" + "a".repeat(101), "query_too_long"});
    errors.add(new String[] {"?q=tu&size=0", "invalid_size"});
    errors.add(new String[] {"?q=tu&size=21", "invalid_size"});
    errors.add(new String[] {"?q=tu&size=many", "invalid_size"});
    errors.add(new String[] {"?q=tu&lang=fr", "invalid_lang"});
    errors.add(new String[] {"?q=tu&format=xml", "invalid_format"});
    for (String[] e : errors) {
      HttpResponse<String> r = get("/api/suggest" + e[0]);
      assertEquals(400, r.statusCode(), e[0] + ": " + r.body());
      assertEquals(e[1], JSON.readTree(r.body()).get("error").get("code").asText(), e[0]);
    }
  }

  @Test
  void theOpenSearchFormatIsTheQueryAndAnArrayOfCompletions() throws Exception {
    HttpResponse<String> r = get("/api/suggest?q=" + q("german canc") + "&format=opensearch");
    assertEquals(200, r.statusCode());
    assertTrue(
        r.headers()
            .firstValue("content-type")
            .orElse("")
            .startsWith("application/x-suggestions+json"));
    JsonNode body = JSON.readTree(r.body());
    assertTrue(body.isArray());
    assertEquals(2, body.size());
    assertEquals("german canc", body.get(0).asText());
    assertEquals("German Cancer Consortium", body.get(1).get(0).asText());
    body.get(1).forEach(s -> assertTrue(s.isTextual()));
  }

  @Test
  void theOpenSearchDocumentIsValidXmlPointingAtTheSearchPageAndTheSuggestions() throws Exception {
    HttpResponse<String> r = get("/opensearch.xml");
    assertEquals(200, r.statusCode());
    assertTrue(
        r.headers()
            .firstValue("content-type")
            .orElse("")
            .startsWith("application/opensearchdescription+xml"));
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
    Element root = doc.getDocumentElement();
    assertEquals(OpenSearchDescription.NAMESPACE, root.getNamespaceURI());
    assertEquals("OpenSearchDescription", root.getLocalName());
    String shortName =
        root.getElementsByTagNameNS(OpenSearchDescription.NAMESPACE, "ShortName")
            .item(0)
            .getTextContent();
    assertTrue(shortName.length() <= 16, shortName);
    NodeList urls = root.getElementsByTagNameNS(OpenSearchDescription.NAMESPACE, "Url");
    String html = null;
    String suggestions = null;
    for (int i = 0; i < urls.getLength(); i++) {
      Element url = (Element) urls.item(i);
      switch (url.getAttribute("type")) {
        case "text/html" -> html = url.getAttribute("template");
        case "application/x-suggestions+json" -> suggestions = url.getAttribute("template");
        default -> {}
      }
    }
    assertEquals(origin + "/?q={searchTerms}", html);
    assertEquals(origin + "/api/suggest?q={searchTerms}&format=opensearch", suggestions);

    // The template answers in the documented format.
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(suggestions.replace("{searchTerms}", q("chemn"))))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(answer.body());
    assertEquals("chemn", body.get(0).asText());
    assertEquals("Chemnitz University of Technology", body.get(1).get(0).asText());
  }

  @Test
  void pingIsTheTrivialEndpoint() throws Exception {
    HttpResponse<String> r = get("/api/ping");
    assertEquals(200, r.statusCode());
    assertEquals("{\"pong\":true}", r.body());
  }
}
