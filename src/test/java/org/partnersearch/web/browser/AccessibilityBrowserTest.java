package org.partnersearch.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** axe-core (from npm, see package.json) finds no serious or critical violation. */
@ExtendWith(BrowserHarness.class)
class AccessibilityBrowserTest {
  static final Path AXE = Path.of("node_modules", "axe-core", "axe.min.js");
  static WebFixture web;
  static String axeSource;
  Browser browser;
  SearchPage page;

  @BeforeAll
  static void startService(WebFixture service) throws Exception {
    if (!Files.isRegularFile(AXE)) {
      String message = AXE + " is missing: run npm ci (bash .ci/run does this)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message + "; skipping the accessibility tests outside CI");
    }
    axeSource = Files.readString(AXE);
    web = service;
  }

  @BeforeEach
  void startBrowser(Browser started) {
    browser = started;
    page = new SearchPage(browser);
  }

  /** The serious and critical violations, one readable line each. */
  List<String> seriousViolations() throws Exception {
    browser.js(axeSource);
    String json =
        (String)
            browser.driver.executeAsyncScript(
                """
        const done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ['violations'] })
          .then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));
        """);
    List<String> found = new ArrayList<>();
    for (JsonNode v : new ObjectMapper().readTree(json)) {
      String impact = v.path("impact").asText();
      if (impact.equals("serious") || impact.equals("critical")) {
        List<String> targets = new ArrayList<>();
        v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
        found.add(
            impact
                + " "
                + v.path("id").asText()
                + ": "
                + v.path("help").asText()
                + " at "
                + targets);
      }
    }
    return found;
  }

  @Test
  void theResultsPageHasNoSeriousViolations() throws Exception {
    page.open(web.page("/?lang=en&q=radiation&area=health"));
    assertEquals(List.of(), seriousViolations());
  }

  @Test
  void theMapWithASelectedCityHasNoSeriousViolations() throws Exception {
    page.open(web.page("/?lang=de&q=Forschung&city=Dresden"));
    browser
        .waiting()
        .until(
            d ->
                !d.findElements(By.cssSelector("#map-canvas .map-dot[aria-pressed='true']"))
                    .isEmpty());
    assertEquals(List.of(), seriousViolations());
  }

  @Test
  void theGermanEmptyStateHasNoSeriousViolations() throws Exception {
    page.open(web.page("/?lang=de&q=xyzzy"));
    assertEmptyStateWithAreas();
    assertEquals(List.of(), seriousViolations());
  }

  @Test
  void theEmptyStateOfAQueryWithMarkupHasNoSeriousViolations() throws Exception {
    page.open(
        web.page(
            "/?lang=en&q="
                + java.net.URLEncoder.encode(
                    "<b>qzxvwk</b>", java.nio.charset.StandardCharsets.UTF_8)));
    assertEmptyStateWithAreas();
    browser.screenshot("screenshot-empty");
    assertEquals(List.of(), seriousViolations());
  }

  /** The state axe checks: no hits, the research areas offered to browse. */
  private void assertEmptyStateWithAreas() {
    assertTrue(
        browser.driver.findElement(By.id("empty")).isDisplayed(), "the empty state is shown");
    assertFalse(
        browser.driver.findElements(By.cssSelector("#empty-areas a")).isEmpty(), "areas to browse");
  }

  @Test
  void anOpenPartnerDetailHasNoSeriousViolations() throws Exception {
    page.open(web.page("/?lang=en&partner=dktk"));
    browser.waiting().until(d -> d.findElement(By.id("detail")).isDisplayed());
    assertEquals(List.of(), seriousViolations());
  }

  @Test
  void theOpenWidgetHasNoSeriousViolations() throws Exception {
    Assumptions.assumeTrue(
        web.suggestAvailable(), "/api/suggest answers 404: it is not merged into this branch yet");
    page.open(web.page("/?lang=en"));
    page.searchInput().sendKeys("endl");
    browser.waiting().until(d -> "true".equals(page.searchInput().getAttribute("aria-expanded")));
    assertEquals(List.of(), seriousViolations());
  }
}
