package org.partnersearch.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.partnersearch.RealCorpus;

/**
 * The map of the city facet in headless chromium over the shipped corpus. Expected dots and counts
 * come from the page's own checkbox list or the API, never from numbers written here, so an editor
 * adding a partner breaks nothing.
 */
@ExtendWith(BrowserHarness.class)
class CityMapBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static WebFixture web;
  Browser browser;
  SearchPage page;

  @BeforeAll
  static void startService(WebFixture service) {
    web = service;
  }

  @BeforeEach
  void startBrowser(Browser started) {
    browser = started;
    page = new SearchPage(browser);
  }

  @Test
  void searchingForschungShowsOneDotPerCityWithTheCheckboxesCounts() throws Exception {
    page.open(web.page("/?lang=en&q=Forschung"));
    Map<String, String> boxes = checkboxCounts();
    assertTrue(boxes.containsKey("Dresden"), "Forschung finds partners in Dresden: " + boxes);
    waitForDots(boxes);

    JsonNode api = get("/api/search?q=Forschung&size=50");
    long withoutCity = 0;
    for (JsonNode hit : api.get("hits")) {
      withoutCity += hit.get("city").isNull() ? 1 : 0;
    }
    assertTrue(
        withoutCity > 0 && api.get("total").asLong() <= 50, "a network without a city matches");
    assertEquals("Nationwide (no city): " + withoutCity + " partners", text("map-nationwide"));
  }

  @Test
  void clickingDresdenNarrowsTheResultsExactlyAsItsCheckboxDoesAndBackRestores() throws Exception {
    page.open(web.page("/?lang=en&q=Forschung"));
    waitForDots(checkboxCounts());
    List<String> before = page.hitIds();

    dot("Dresden").click();
    browser.waiting().until(d -> d.getCurrentUrl().contains("city=Dresden"));
    page.settled();
    browser.waiting().until(d -> "true".equals(dot("Dresden").getAttribute("aria-pressed")));
    String byDotUrl = browser.driver.getCurrentUrl();
    List<String> byDot = page.hitIds();
    String byDotCount = page.count();
    assertTrue(page.facetBox("city", "Dresden").isSelected(), "the checkbox follows the map");
    assertEquals(List.of("Dresden"), page.selectedChips());

    browser.driver.navigate().back();
    page.waitForHits(before.toArray(String[]::new));
    browser.waiting().until(d -> "false".equals(dot("Dresden").getAttribute("aria-pressed")));
    assertFalse(page.facetBox("city", "Dresden").isSelected());

    page.facetBox("city", "Dresden").click();
    browser.waiting().until(d -> d.getCurrentUrl().contains("city=Dresden"));
    page.settled();
    assertEquals(byDotUrl, browser.driver.getCurrentUrl(), "the same URL state");
    page.waitForHits(byDot.toArray(String[]::new));
    assertEquals(byDotCount, page.count());
    assertEquals(
        expectedIds(get("/api/search?q=Forschung&city=Dresden&size=50")),
        byDot,
        "exactly Dresden's partners");
  }

  @Test
  void aDotIsAKeyboardControlNamedInThePagesLanguage() {
    page.open(web.page("/?lang=de&q=Forschung"));
    Map<String, String> boxes = checkboxCounts();
    waitForDots(boxes);
    WebElement dresden = dot("Dresden");
    assertEquals("button", dresden.getTagName());
    assertEquals(
        "Dresden, " + boxes.get("Dresden") + " Partner", dresden.getAttribute("aria-label"));

    dresden.sendKeys(Keys.ENTER);
    browser.waiting().until(d -> d.getCurrentUrl().contains("city=Dresden"));
    page.settled();
    browser.waiting().until(d -> "true".equals(dot("Dresden").getAttribute("aria-pressed")));
    dot("Dresden").sendKeys(Keys.SPACE);
    browser.waiting().until(d -> !d.getCurrentUrl().contains("city=Dresden"));
    page.settled();
    browser.waiting().until(d -> "false".equals(dot("Dresden").getAttribute("aria-pressed")));
  }

  @Test
  void aCityIsNamedInThePagesLanguageOnTheMapAndInTheResults(
      @TempDir Path corpusDir, @TempDir Path ownIndex) throws Exception {
    // München is the one listed city whose names differ; the copy moves the Rostock partner there.
    Path rostock = RealCorpus.copyTo(corpusDir).resolve("partners/rostock.yaml");
    Files.writeString(rostock, Files.readString(rostock).replace("city: Rostock", "city: München"));
    try (WebFixture munich = WebFixture.start(ownIndex, corpusDir)) {
      page.open(munich.page("/?lang=en&city=M%C3%BCnchen"));
      page.waitForHits("rostock");
      browser
          .waiting()
          .until(d -> "Munich, 1 partner".equals(dot("München").getAttribute("aria-label")));
      assertEquals("Munich", page.hit("rostock").findElement(By.className("hit-city")).getText());

      page.open(munich.page("/?lang=de&city=M%C3%BCnchen"));
      browser
          .waiting()
          .until(d -> "München, 1 Partner".equals(dot("München").getAttribute("aria-label")));
      assertEquals("München", page.hit("rostock").findElement(By.className("hit-city")).getText());
    }
  }

  @Test
  void thePagePlacesPlacesWhereD3GeoDoes() throws Exception {
    page.open(web.page("/?lang=en"));
    JsonNode parameters = JSON.readTree(get("/map/germany.json").toString());
    String differences =
        (String)
            browser.driver.executeAsyncScript(
                """
        const done = arguments[arguments.length - 1];
        Promise.all([import('/map.js'), fetch('/map/germany.json').then((r) => r.json())])
          .then(([map, p]) => done(JSON.stringify(p.samples.map((s) => {
            const [x, y] = map.project(p, s.longitude, s.latitude);
            return Math.max(Math.abs(x - s.x), Math.abs(y - s.y));
          }))), (e) => done(String(e)));
        """);
    JsonNode found = JSON.readTree(differences);
    assertEquals(parameters.get("samples").size(), found.size(), differences);
    for (JsonNode difference : found) {
      assertTrue(
          difference.asDouble() < 1e-6, "the page's formula differs from d3-geo by " + differences);
    }
  }

  @Test
  void theMapIsSmallAndOnAPhoneItOpensLikeTheFilters() throws Exception {
    HttpResponse<byte[]> svg =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(web.page("/map/germany.svg"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, svg.statusCode());
    assertTrue(svg.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
    assertTrue(svg.body().length <= 60 * 1024, svg.body().length + " bytes");

    page.open(web.page("/?lang=en&q=Forschung&city=Dresden"));
    waitForDots(checkboxCounts());
    Path desktop = browser.screenshot("screenshot-map-desktop");

    browser.viewport(Browser.PHONE);
    page.open(web.page("/?lang=de&q=Forschung"));
    WebElement toggle = browser.driver.findElement(By.id("map-toggle"));
    assertFalse(
        browser.driver.findElement(By.id("map-body")).isDisplayed(), "closed at first on a phone");
    assertEquals("false", toggle.getAttribute("aria-expanded"));
    toggle.click();
    assertEquals("true", toggle.getAttribute("aria-expanded"));
    assertTrue(browser.driver.findElement(By.id("map-body")).isDisplayed());
    waitForDots(checkboxCounts());
    browser.js("document.getElementById('map-toggle').scrollIntoView();");
    Path phone = browser.screenshot("screenshot-map-phone");
    assertTrue(Files.size(desktop) > 10_000 && Files.size(phone) > 10_000);
  }

  private WebElement dot(String city) {
    return browser.driver.findElement(
        By.cssSelector("#map-canvas .map-dot[data-city='" + city + "']"));
  }

  /**
   * Each city of the checkbox list with its count (read as text: on a phone the list is folded
   * away).
   */
  private Map<String, String> checkboxCounts() {
    @SuppressWarnings("unchecked")
    Map<String, String> counts =
        (Map<String, String>)
            browser.js(
                "return Object.fromEntries(Array.from(document.querySelectorAll('#facet-city .facet-option'),"
                    + " li => [li.querySelector('input').value, li.querySelector('.facet-count').textContent]));");
    return new TreeMap<>(counts);
  }

  /** Waits until the map shows exactly these cities with these counts. */
  private void waitForDots(Map<String, String> expected) {
    browser
        .waiting()
        .withMessage(() -> "expected dots " + expected + " but saw " + dots())
        .until(d -> dots().equals(expected));
  }

  private Map<String, String> dots() {
    @SuppressWarnings("unchecked")
    Map<String, String> shown =
        (Map<String, String>)
            browser.js(
                "return Object.fromEntries(Array.from(document.querySelectorAll('#map-canvas .map-dot'), b => [b.dataset.city, b.textContent]));");
    return new TreeMap<>(shown);
  }

  private String text(String id) {
    return browser.driver.findElement(By.id(id)).getText();
  }

  private static List<String> expectedIds(JsonNode response) {
    List<String> ids = new ArrayList<>();
    response.get("hits").forEach(hit -> ids.add(hit.get("id").asText()));
    return ids;
  }

  private static JsonNode get(String pathAndQuery) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(web.page(pathAndQuery))).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), pathAndQuery);
    return JSON.readTree(response.body());
  }
}
