package org.partnersearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnersearch.RealCorpus;
import org.partnersearch.SharedRealCorpus;
import org.partnersearch.corpus.Coordinates;
import org.partnersearch.corpus.CorpusLoader;

/** The public API's contract over real HTTP: names and shapes clients rely on. */
@ExtendWith(SharedRealCorpus.class)
class SearchApiTest {
  static ApiFixture api;

  @BeforeAll
  static void start(RealCorpus shared) throws Exception {
    api = new ApiFixture(shared);
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  @Test
  void endlagerFindsDaefFirstWithOnlyThePartMarkedInsideTheCompound() throws Exception {
    ApiFixture.Response r = api.get("/api/search?q=Endlager");
    assertEquals(200, r.status());
    assertTrue(r.contentType().startsWith("application/json"), r.contentType());
    JsonNode first = r.json().get("hits").get(0);
    assertEquals("daef", first.get("id").asText());
    assertEquals(
        "Deutsche Arbeitsgemeinschaft <mark>Endlager</mark>forschung",
        first.get("highlight").get("name").asText());
    assertTrue(
        first
            .get("highlight")
            .get("snippets")
            .get(0)
            .asText()
            .contains("<mark>Endlager</mark>forschung"));
    for (String key :
        List.of(
            "query",
            "total",
            "page",
            "size",
            "tookMs",
            "hits",
            "facets",
            "didYouMean",
            "relaxed",
            "relaxation")) {
      assertTrue(r.json().has(key), "response has " + key);
    }
    for (String key :
        List.of("id", "name", "nameEn", "type", "city", "researchAreas", "score", "highlight")) {
      assertTrue(first.has(key), "hit has " + key);
    }
    assertFalse(first.has("explain"), "explain only when asked for");
    assertEquals("repository-research", first.get("researchAreas").get(0).get("id").asText());
    assertEquals("Repository research", first.get("researchAreas").get(0).get("label").asText());
  }

  @Test
  void snippetsComeFromTheRequestedLanguageFirst() throws Exception {
    JsonNode de = api.get("/api/search?q=Endlager&lang=de").json();
    String snippet = de.get("hits").get(0).get("highlight").get("snippets").get(0).asText();
    assertTrue(snippet.startsWith("Die Deutsche Arbeitsgemeinschaft"), snippet);
    assertEquals(
        "Endlagerforschung",
        de.get("hits").get(0).get("researchAreas").get(0).get("label").asText());
  }

  @Test
  void anEmptyQueryBrowsesAllPartnersByNameWithFacets() throws Exception {
    JsonNode r = api.get("/api/search?q=&size=50").json();
    assertEquals(RealCorpus.partnerCount(), r.get("total").asInt());
    List<String> names = new ArrayList<>();
    r.get("hits").forEach(h -> names.add(h.get("name").asText()));
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(String.CASE_INSENSITIVE_ORDER);
    assertEquals(sorted, names);
    assertTrue(r.get("facets").get("area").size() >= 4);
    assertEquals(
        RealCorpus.partnerCount(),
        api.get("/api/search").json().get("total").asInt(),
        "q may be left out");
  }

  @Test
  void facetsAreDisjunctiveWithinAFacetAndConjunctiveAcross() throws Exception {
    JsonNode all = api.get("/api/search").json();
    JsonNode oneArea = api.get("/api/search?area=cancer-research").json();
    assertEquals(
        all.get("facets").get("area"),
        unselect(oneArea.get("facets").get("area")),
        "the area facet's counts ignore the area selection");
    oneArea
        .get("hits")
        .forEach(h -> assertTrue(h.get("researchAreas").toString().contains("cancer-research")));
    JsonNode twoAreas = api.get("/api/search?area=cancer-research&area=materials-research").json();
    assertEquals(
        RealCorpus.partnersWhere(
            p ->
                p.researchAreas().contains("cancer-research")
                    || p.researchAreas().contains("materials-research")),
        twoAreas.get("total").asInt(),
        "OR within a facet");
    JsonNode withType = api.get("/api/search?area=cancer-research&type=hospital").json();
    assertEquals(
        RealCorpus.partnersWhere(
            p -> p.researchAreas().contains("cancer-research") && p.type().equals("hospital")),
        withType.get("total").asInt(),
        "AND across facets");
    withType.get("hits").forEach(h -> assertEquals("hospital", h.get("type").asText()));
  }

  private static JsonNode unselect(JsonNode facet) {
    String text = facet.toString().replace("\"selected\":true", "\"selected\":false");
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void cityFacetValuesCarryTheCoordinatesOfTheCitiesFile() throws Exception {
    Coordinates dresden =
        new CorpusLoader()
            .load(RealCorpus.CORPUS).cities().stream()
                .filter(c -> c.key().equals("Dresden"))
                .findFirst()
                .orElseThrow()
                .coordinates();
    JsonNode facets = api.get("/api/search?q=Forschung").json().get("facets");
    JsonNode city = null;
    for (JsonNode v : facets.get("city")) {
      assertTrue(v.has("coordinates"), v + " has coordinates");
      city = v.get("value").asText().equals("Dresden") ? v : city;
    }
    assertNotNull(city, "Dresden is among the cities of 'Forschung'");
    assertEquals(dresden.latitude(), city.get("coordinates").get("latitude").asDouble());
    assertEquals(dresden.longitude(), city.get("coordinates").get("longitude").asDouble());
    assertFalse(facets.get("type").get(0).has("coordinates"), "only cities have a place");
  }

  /**
   * The whole response as clients parse it: every key, in order, with its JSON type (an array by
   * its first element), so that moving the JSON settings out of the search records cannot change
   * the shape. A null city is written as null; {@code explain} and {@code coordinates} are left out
   * where they have nothing to say.
   */
  @Test
  void aSearchResponseHasTheSameKeysInTheSameOrderEveryTime() throws Exception {
    String value = "value:s,label:s,count:n,selected:b,children:";
    String response =
        "{query:s,total:n,page:n,size:n,tookMs:n,hits:[{id:s,name:s,nameEn:s,type:s,city:null,"
            + "researchAreas:[{id:s,label:s}],score:n,highlight:{name:s,snippets:[s]}%s}],"
            + "facets:{area:[{"
            + value
            + "[{"
            + value
            + "[]}]}],type:[{"
            + value
            + "[]}],city:[]},"
            + "didYouMean:null,relaxed:b,partial:b,relaxation:null}";

    assertEquals(response.formatted(""), shape(api.get("/api/search?q=Endlager").json()));
    assertEquals(
        response.formatted(",explain:[{word:s,field:s,how:s,matched:s}]"),
        shape(api.get("/api/search?q=Endlager&explain=true").json()));
    assertEquals(
        "{area:[{"
            + value
            + "[{"
            + value
            + "[]}]}],type:[{"
            + value
            + "[]}],"
            + "city:[{"
            + value
            + "[],coordinates:{latitude:n,longitude:n}}]}",
        shape(api.get("/api/search?q=Forschung").json().get("facets")));
  }

  private static String shape(JsonNode node) {
    if (node.isObject()) {
      List<String> fields = new ArrayList<>();
      node.fields().forEachRemaining(e -> fields.add(e.getKey() + ":" + shape(e.getValue())));
      return "{" + String.join(",", fields) + "}";
    }
    if (node.isArray()) {
      return node.isEmpty() ? "[]" : "[" + shape(node.get(0)) + "]";
    }
    return node.isNull()
        ? "null"
        : node.isTextual() ? "s" : node.isNumber() ? "n" : node.isBoolean() ? "b" : "?";
  }

  @Test
  void explainSaysHowEachWordMatched() throws Exception {
    JsonNode hit =
        api.get("/api/search?q=Endlager%20Juelich&explain=true").json().get("hits").get(0);
    assertEquals("daef", hit.get("id").asText());
    JsonNode reasons = hit.get("explain");
    assertEquals("Endlager", reasons.get(0).get("word").asText());
    assertEquals("compound modifier", reasons.get(0).get("how").asText());
    assertEquals("Juelich", reasons.get(1).get("word").asText());
    assertEquals("folding", reasons.get(1).get("how").asText());
    assertEquals("Jülich", reasons.get(1).get("matched").asText());
  }

  @Test
  void aCompoundNoPartnerMentionsIsRelaxedToItsHeadAndTheAnswerSaysSo() throws Exception {
    JsonNode r = api.get("/api/search?q=Teilchenbeschleuniger&lang=de").json();
    assertEquals("rostock", r.get("hits").get(0).get("id").asText());
    assertTrue(r.get("relaxed").asBoolean());
    JsonNode relaxation = r.get("relaxation");
    assertEquals("compound_parts", relaxation.get("step").asText());
    assertEquals("Teilchenbeschleuniger", relaxation.get("from").asText());
    assertEquals(List.of("Teilchen"), List.of(relaxation.get("dropped").get(0).asText()));
    assertEquals(1, relaxation.get("dropped").size());
    assertEquals("Beschleuniger", relaxation.get("query").asText());
    assertTrue(
        r.get("hits")
            .get(0)
            .get("highlight")
            .get("snippets")
            .toString()
            .contains("<mark>Beschleuniger"),
        "the kept part is marked: " + r.get("hits").get(0).get("highlight"));
    assertTrue(
        api.get("/api/search?q=Endlager").json().get("relaxation").isNull(),
        "no relaxation when all words match");
  }

  @Test
  void wordsNoPartnerMentionsAreDroppedByName() throws Exception {
    JsonNode relaxation = api.get("/api/search?q=Endlager%20Fu%C3%9Fball").json().get("relaxation");
    assertEquals("some_words", relaxation.get("step").asText());
    assertEquals("Fußball", relaxation.get("dropped").get(0).asText());
    assertEquals("Endlager", relaxation.get("query").asText());
  }

  @Test
  void typosAreFoundAndCorrectedCompoundAware() throws Exception {
    JsonNode typo = api.get("/api/search?q=Kernteknik").json();
    assertEquals("kompetenzverbund-kerntechnik", typo.get("hits").get(0).get("id").asText());
    assertEquals("Kerntechnik", typo.get("didYouMean").asText());
    assertEquals(
        "Kompetenzverbund",
        api.get("/api/search?q=Kompetenz%20verbund").json().get("didYouMean").asText());
    assertTrue(
        api.get("/api/search?q=Endlager").json().get("didYouMean").isNull(),
        "no correction for known words");
    assertTrue(
        api.get("/api/search?q=Medizin").json().get("didYouMean").isNull(),
        "no correction for a word the index has inside compounds");
  }

  @Test
  void whenNotEveryWordMatchesTheBestPartialMatchesComeBackRelaxed() throws Exception {
    JsonNode r = api.get("/api/search?q=Endlager%20Quantencomputerzauberei").json();
    assertTrue(r.get("relaxed").asBoolean());
    assertEquals("daef", r.get("hits").get(0).get("id").asText());
    assertFalse(api.get("/api/search?q=Endlager").json().get("relaxed").asBoolean());
  }

  @Test
  void aPartnerRecordIsServedWholeUnknownIdsAre404AndMalformedOnes400() throws Exception {
    JsonNode daef = api.get("/api/partners/daef").json();
    assertEquals("Deutsche Arbeitsgemeinschaft Endlagerforschung", daef.get("name").asText());
    assertTrue(daef.get("description").get("de").asText().startsWith("Die Deutsche"));
    ApiFixture.Response unknown = api.get("/api/partners/nope");
    assertEquals(404, unknown.status());
    assertEquals("partner_not_found", unknown.json().get("error").get("code").asText());
    for (String id : List.of("DAEF", "Bad_ID", "a".repeat(65), "..%2F..%2Fetc")) {
      ApiFixture.Response r = api.get("/api/partners/" + id);
      assertEquals(400, r.status(), id);
      assertEquals(400, r.json().get("error").get("status").asInt());
      assertEquals("invalid_id", r.json().get("error").get("code").asText(), id);
    }
  }

  @Test
  void researchAreasListTheWholeTaxonomyWithCountsInTheRequestedLanguage() throws Exception {
    JsonNode r = api.get("/api/research-areas?lang=de").json();
    JsonNode health = r.get("fields").get(0);
    assertEquals("Gesundheit", health.get("label").asText());
    assertEquals("Krebsforschung", health.get("children").get(0).get("label").asText());
    assertEquals(
        RealCorpus.partnersWhere(p -> p.researchAreas().contains("cancer-research")),
        health.get("children").get(0).get("count").asInt());
  }

  @Test
  void healthReportsTheServedIndex() throws Exception {
    JsonNode r = api.get("/api/health").json();
    assertEquals("UP", r.get("status").asText());
    assertEquals(RealCorpus.partnerCount(), r.get("documents").asInt());
    assertTrue(r.get("indexBuiltAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
  }

  @Test
  void unknownRoutesAndWritesAreJsonErrors() throws Exception {
    ApiFixture.Response missing = api.get("/api/nothing");
    assertEquals(404, missing.status());
    assertEquals("not_found", missing.json().get("error").get("code").asText());
    ApiFixture.Response post =
        api.send(
            HttpRequest.newBuilder(api.uri("/api/search"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertTrue(post.status() == 404 || post.status() == 405, "status " + post.status());
    assertNotNull(post.json(), post.body());
  }
}
