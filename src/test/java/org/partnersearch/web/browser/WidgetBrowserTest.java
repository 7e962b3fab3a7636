package org.partnersearch.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** widget.js embedded in a page of another origin, the way a partner's site would use it. */
@ExtendWith(BrowserHarness.class)
class WidgetBrowserTest {
  static WebFixture web;
  Browser browser;

  @BeforeAll
  static void startService(WebFixture service) {
    web = service;
  }

  @BeforeEach
  void openHostSite(Browser started) {
    browser = started;
    browser.driver.get(web.hostSiteUrl + "/");
    browser
        .waiting()
        .withMessage("the widget never appeared on the host site")
        .until(
            d ->
                !d.findElements(By.cssSelector("[data-partner-search] input[role='combobox']"))
                    .isEmpty());
  }

  WebElement input() {
    return browser.driver.findElement(
        By.cssSelector("[data-partner-search] input[role='combobox']"));
  }

  @Test
  void oneElementAndOneScriptGiveAComboboxWithItsStylesheet() {
    WebElement input = input();
    assertEquals("false", input.getAttribute("aria-expanded"));
    assertEquals("list", input.getAttribute("aria-autocomplete"));
    WebElement listbox = browser.driver.findElement(By.id(input.getAttribute("aria-controls")));
    assertEquals("listbox", listbox.getAttribute("role"));
    assertEquals(
        "Search cooperation partners",
        browser
            .driver
            .findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']"))
            .getAttribute("textContent"));
    // widget.css came from the service: the box is styled although the host page has no stylesheet.
    assertEquals(
        "flex", browser.driver.findElement(By.cssSelector(".psw-field")).getCssValue("display"));
  }

  @Test
  void theApiAnswersTheHostOriginThroughCors() {
    Object answer =
        browser.driver.executeAsyncScript(
            """
        const done = arguments[arguments.length - 1];
        fetch(arguments[0] + '/api/search?q=Endlager').then(r => r.json())
          .then(b => done(b.hits[0].id), e => done('failed: ' + e));
        """,
            web.baseUrl);
    assertEquals("daef", answer);
  }

  @Test
  void enterWithoutChoosingGoesToTheSearchPageWithTheQuery() {
    input().sendKeys("proton therapy", Keys.ENTER);
    browser.waiting().until(d -> d.getCurrentUrl().startsWith(web.baseUrl));
    SearchPage page = new SearchPage(browser).settled();
    assertEquals("ukd", page.hitIds().get(0));
    assertEquals("proton therapy", page.searchInput().getAttribute("value"));
    assertTrue(browser.driver.getCurrentUrl().contains("lang=en"), browser.driver.getCurrentUrl());
  }

  @Test
  void suggestionsAreGroupedMarkedAndChosenWithTheKeyboard() throws Exception {
    Assumptions.assumeTrue(
        web.suggestAvailable(), "/api/suggest answers 404: it is not merged into this branch yet");
    input().sendKeys("endl");
    browser
        .waiting()
        .withMessage("no suggestions for 'endl'")
        .until(d -> "true".equals(input().getAttribute("aria-expanded")));
    List<WebElement> options =
        browser.driver.findElements(By.cssSelector("[role='listbox'] [role='option']"));
    assertFalse(options.isEmpty());
    for (WebElement group :
        browser.driver.findElements(By.cssSelector("[role='listbox'] [role='group']"))) {
      assertNotNull(
          browser.driver.findElement(By.id(group.getAttribute("aria-labelledby"))).getText());
    }
    assertTrue(
        options.stream().allMatch(o -> !o.findElements(By.tagName("mark")).isEmpty()),
        "every suggestion marks");
    // Prefix and infix matches mark exactly what was typed; a typo match (ranked last) marks its
    // near spelling.
    assertTrue(
        options.stream()
            .filter(o -> o.getText().toLowerCase(java.util.Locale.ROOT).contains("endl"))
            .allMatch(o -> o.findElement(By.tagName("mark")).getText().equalsIgnoreCase("endl")),
        "each suggestion containing the typed text marks it");
    assertTrue(
        options.get(0).getText().toLowerCase(java.util.Locale.ROOT).contains("endl"),
        "exact prefix first");

    input().sendKeys(Keys.ARROW_DOWN);
    assertEquals(options.get(0).getAttribute("id"), input().getAttribute("aria-activedescendant"));
    assertEquals("true", options.get(0).getAttribute("aria-selected"));
    input().sendKeys(Keys.ARROW_UP);
    assertEquals(
        options.get(options.size() - 1).getAttribute("id"),
        input().getAttribute("aria-activedescendant"));
    input().sendKeys(Keys.ESCAPE);
    assertEquals("false", input().getAttribute("aria-expanded"));
    assertNull(input().getAttribute("aria-activedescendant"));

    input().sendKeys(Keys.ARROW_DOWN);
    assertEquals("true", input().getAttribute("aria-expanded"));
    input().sendKeys(Keys.ENTER);
    browser.waiting().until(d -> d.getCurrentUrl().startsWith(web.baseUrl));
    new SearchPage(browser).settled();
    assertTrue(
        browser.driver.getCurrentUrl().matches(".*[?&](q|area|partner)=.*"),
        browser.driver.getCurrentUrl());
  }
}
