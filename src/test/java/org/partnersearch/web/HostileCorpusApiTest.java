package org.partnersearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnersearch.RealCorpus;
import org.partnersearch.config.WebConfig;
import org.partnersearch.corpus.CorpusException;
import org.partnersearch.corpus.CorpusLoader;

/**
 * A corpus with a hostile partner (markup in every field): the API escapes it in highlights and
 * suggestions, returns it as data elsewhere, and never lets raw markup into a response body.
 */
class HostileCorpusApiTest {
  @TempDir static Path dir;
  static ApiFixture api;

  @BeforeAll
  static void start() throws Exception {
    Path corpus = RealCorpus.withHostilePartner(dir.resolve("corpus"));
    api = new ApiFixture(dir.resolve("index"), WebConfig.DEFAULT, corpus);
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  @Test
  void highlightsEscapeTheCorpusMarkupAndMarkOnlyTheMatch() throws Exception {
    ApiFixture.Response r = api.get("/api/search?q=Evil&lang=en");
    assertFalse(r.body().contains("<"), r.body());
    JsonNode hit = r.json().get("hits").get(0);
    assertEquals("evil-partner", hit.get("id").asText());
    assertEquals(
        "<mark>Evil</mark> &lt;script&gt;alert(&#x27;name&#x27;)&lt;&#x2F;script&gt; Endlager GmbH",
        hit.get("highlight").get("name").asText());
    String snippet = hit.get("highlight").get("snippets").get(0).asText();
    assertTrue(
        snippet.startsWith("<mark>Evil</mark> research on Endlager &lt;script&gt;"), snippet);
    assertFalse(snippet.replace("<mark>", "").replace("</mark>", "").contains("<"), snippet);
    assertEquals(
        "Evil <script>alert('name')</script> Endlager GmbH",
        hit.get("name").asText(),
        "plain fields are data: the client puts them in as text");
  }

  @Test
  void aSnippetWithoutAMatchIsEscapedToo() throws Exception {
    JsonNode hit = api.get("/api/search?type=company&size=50").json().get("hits");
    for (JsonNode h : hit) {
      for (JsonNode s : h.get("highlight").get("snippets")) {
        assertFalse(s.asText().contains("<"), s.asText());
      }
    }
  }

  @Test
  void suggestionsEscapeEverythingButTheMark() throws Exception {
    ApiFixture.Response r = api.get("/api/suggest?q=evil");
    assertFalse(r.body().contains("<"), r.body());
    boolean sawPartner = false;
    for (JsonNode s : r.json().get("suggestions")) {
      String html = s.get("highlighted").asText();
      assertFalse(html.replace("<mark>", "").replace("</mark>", "").contains("<"), html);
      sawPartner |= "evil-partner".equals(s.get("id").asText());
    }
    assertTrue(sawPartner, r.body());
  }

  @Test
  void thePartnerRecordIsDataWithoutRawMarkupInTheBody() throws Exception {
    ApiFixture.Response r = api.get("/api/partners/evil-partner");
    assertEquals(200, r.status());
    assertFalse(r.body().contains("<"), r.body());
    assertEquals(
        "<img src=x onerror=alert('contact')>",
        r.json().get("contacts").get(0).get("name").asText());
  }

  @Test
  void aScriptUrlAsWebsiteIsRefusedByTheCorpusLoader() throws Exception {
    Path corpus = dir.resolve("corpus");
    Path evil = corpus.resolve("partners/evil-partner.yaml");
    String original = Files.readString(evil);
    try {
      Files.writeString(
          evil, original.replaceAll("(?m)^website: .*$", "website: \"javascript:alert(1)\""));
      CorpusException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              CorpusException.class, () -> new CorpusLoader().load(corpus));
      assertTrue(
          e.getMessage().contains("website: 'javascript:alert(1)' is not a web address"),
          e.getMessage());
    } finally {
      Files.writeString(evil, original);
    }
  }
}
