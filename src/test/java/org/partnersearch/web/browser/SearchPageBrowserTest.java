package org.partnersearch.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.partnersearch.RealCorpus;
import org.partnersearch.corpus.Contact;
import org.partnersearch.corpus.Lang;
import org.partnersearch.corpus.Partner;

/** The search page in headless chromium against the real service over the shipped corpus. */
@ExtendWith(BrowserHarness.class)
class SearchPageBrowserTest {
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
  void typingEndlOffersEndlagerforschungAndPickingItWithTheKeyboardPutsDaefFirstWithTheMatchMarked()
      throws Exception {
    Assumptions.assumeTrue(
        web.suggestAvailable(), "/api/suggest answers 404: it is not merged into this branch yet");
    page.open(web.page("/?lang=de"));
    page.searchInput().sendKeys("endl");
    browser
        .waiting()
        .withMessage(
            () ->
                "no suggestion Endlagerforschung for 'endl' in "
                    + browser.js(
                        "return document.querySelector('#search-box [role=listbox]').outerHTML;"))
        .until(
            d ->
                d.findElements(By.cssSelector("#search-box [role='option']")).stream()
                    .anyMatch(o -> o.getText().equals("Endlagerforschung")));
    List<WebElement> options =
        browser.driver.findElements(By.cssSelector("#search-box [role='option']"));
    int target = 0;
    while (!options.get(target).getText().equals("Endlagerforschung")) {
      target++;
    }
    for (int i = 0; i <= target; i++) {
      page.searchInput().sendKeys(Keys.ARROW_DOWN);
    }
    assertEquals(
        options.get(target).getAttribute("id"),
        page.searchInput().getAttribute("aria-activedescendant"));
    page.searchInput().sendKeys(Keys.ENTER);

    browser.waiting().until(d -> !page.hitIds().isEmpty() && page.hitIds().get(0).equals("daef"));
    page.settled();
    assertEquals("daef", page.hitIds().get(0));
    List<String> marked =
        page.hit("daef").findElements(By.tagName("mark")).stream()
            .map(WebElement::getText)
            .toList();
    assertTrue(marked.contains("Endlagerforschung"), "marked in DAEF's result: " + marked);
  }

  @Test
  void selectingAResearchAreaChangesTheCountsAndTheResults() {
    page.open(web.page("/?lang=en"));
    assertEquals("All " + RealCorpus.partnerCount() + " partners", page.count());
    assertEquals(
        String.valueOf(RealCorpus.partnersWhere(p -> p.type().equals("network"))),
        page.facetCount("type", "network"));
    assertEquals(
        String.valueOf(RealCorpus.partnersWhere(p -> "Dresden".equals(p.city()))),
        page.facetCount("city", "Dresden"));

    page.facetBox("area", "repository-research").click();

    String[] repository = web.hitIds("", List.of("repository-research"), List.of());
    page.waitForHits(repository);
    assertEquals(repository.length + " partners", page.count());
    java.util.function.Predicate<Partner> inArea =
        p -> p.researchAreas().contains("repository-research");
    assertEquals(
        String.valueOf(RealCorpus.partnersWhere(inArea.and(p -> p.type().equals("network")))),
        page.facetCount("type", "network"));
    assertEquals(
        RealCorpus.partnersWhere(inArea.and(p -> p.city() != null)) == 0,
        browser.driver.findElements(By.cssSelector("#facet-city input")).isEmpty(),
        "a city facet only with cities");
    assertTrue(page.facetBox("area", "repository-research").isSelected());
    assertEquals(List.of("Repository research"), page.selectedChips());
    assertTrue(
        browser.driver.getCurrentUrl().contains("area=repository-research"),
        browser.driver.getCurrentUrl());
  }

  @Test
  void reloadAndBackAndForwardRestoreTheSameView() {
    page.open(web.page("/?lang=en"));
    String[] all = web.hitIds("cancer research", List.of(), List.of());
    String[] hospitals = web.hitIds("cancer research", List.of(), List.of("hospital"));
    page.searchInput().sendKeys("cancer research", Keys.ENTER);
    page.waitForHits(all);
    page.facetBox("type", "hospital").click();
    page.waitForHits(hospitals);
    String url = browser.driver.getCurrentUrl();

    browser.driver.navigate().refresh();
    page.settled().waitForHits(hospitals);
    assertEquals(url, browser.driver.getCurrentUrl());
    assertTrue(page.facetBox("type", "hospital").isSelected());
    assertEquals("cancer research", page.searchInput().getAttribute("value"));

    browser.driver.navigate().back();
    page.waitForHits(all);
    assertFalse(page.facetBox("type", "hospital").isSelected());
    browser.driver.navigate().forward();
    page.waitForHits(hospitals);

    browser.driver.get(url); // a shared link
    page.settled().waitForHits(hospitals);
  }

  @Test
  void aQueryWithMarkupShowsAsTextAndRunsNothing() {
    String attack = "<img src=x onerror=alert(1)>";
    page.open(web.page("/?lang=en"));
    page.searchInput().sendKeys(attack, Keys.ENTER);
    browser.waiting().until(d -> page.count().contains(attack));
    page.settled();

    assertEquals("0 partners for “" + attack + "”", page.count());
    assertTrue(
        browser.driver.findElement(By.id("empty")).isDisplayed(), "the empty state is shown");
    assertFalse(
        browser.driver.findElements(By.cssSelector("#facet-area input")).isEmpty(), "facets stay");
    assertTrue(
        browser
            .driver
            .findElements(By.cssSelector("main img, #search-box img, .results-head img"))
            .isEmpty());
    assertThrows(NoAlertPresentException.class, () -> browser.driver.switchTo().alert());
    assertEquals(attack + " – Partner search", browser.driver.getTitle());
  }

  @Test
  void aSearchThatFindsNothingShowsTheQueryAsTextAndTheResearchAreasThatLeadToResults() {
    String query = "<b>qzxvwk</b>";
    page.open(web.page("/?lang=en"));
    page.searchInput().sendKeys(query, Keys.ENTER);
    browser.waiting().until(d -> page.count().contains(query));
    page.settled();

    WebElement empty = browser.driver.findElement(By.id("empty"));
    assertTrue(empty.isDisplayed(), "the empty state is shown");
    assertEquals(
        "No partner found for “" + query + "”",
        browser.driver.findElement(By.id("empty-title")).getText());
    assertTrue(empty.findElements(By.tagName("b")).isEmpty(), "the query's markup stays text");
    List<WebElement> areas =
        browser.driver.findElements(By.cssSelector("#empty-areas a.empty-area"));
    assertFalse(areas.isEmpty(), "research areas to browse");
    WebElement area = areas.get(0);
    String id = area.getAttribute("data-area");
    String count = area.findElement(By.className("facet-count")).getText();
    area.click();

    page.waitForHits(web.hitIds("", List.of(id), List.of()));
    assertEquals(count + " partners", page.count());
    assertFalse(empty.isDisplayed(), "the empty state is gone");
    assertEquals("", page.searchInput().getAttribute("value"));
    assertTrue(
        browser.driver.getCurrentUrl().contains("area=" + id), browser.driver.getCurrentUrl());
  }

  @Test
  void aCompoundNoPartnerMentionsShowsThePartnersForItsHeadAndSaysSo() {
    page.open(web.page("/?lang=de&q=Teilchenbeschleuniger"));
    WebElement relaxed = browser.driver.findElement(By.id("relaxed"));
    assertTrue(relaxed.isDisplayed(), "the page says the query was relaxed");
    assertEquals(
        "Kein Partner erwähnt „Teilchenbeschleuniger“; gezeigt werden Partner für „Beschleuniger“.",
        relaxed.getText());
    assertTrue(page.hitIds().contains("rostock"), page.hitIds().toString());
    assertFalse(browser.driver.findElement(By.id("empty")).isDisplayed(), "no dead end");
  }

  @Test
  void aDroppedWordWithMarkupIsNamedAsText() {
    String word = "<b>Fußball</b>";
    page.open(
        web.page(
            "/?lang=en&q="
                + java.net.URLEncoder.encode(
                    "Endlager " + word, java.nio.charset.StandardCharsets.UTF_8)));
    WebElement relaxed = browser.driver.findElement(By.id("relaxed"));
    assertEquals(
        "No partner mentions “" + word + "”; showing partners for “Endlager”.", relaxed.getText());
    assertTrue(relaxed.findElements(By.xpath("./*")).isEmpty(), "the visitor's markup stays text");
    page.open(web.page("/?lang=en&q=Endlager"));
    assertFalse(
        browser.driver.findElement(By.id("relaxed")).isDisplayed(),
        "no notice when every word matched");
  }

  @Test
  void theEmptyStateSpeaksGermanAndNamesTheResearchAreasInGerman() {
    page.open(web.page("/?lang=de&q=qzxvwk"));
    assertEquals(
        "Kein Partner gefunden für „qzxvwk“",
        browser.driver.findElement(By.id("empty-title")).getText());
    Set<String> labels =
        browser.driver.findElements(By.cssSelector("#empty-areas .empty-area-label")).stream()
            .map(WebElement::getText)
            .collect(Collectors.toSet());
    // Every research field that holds a partner, by its German label.
    Set<String> fields =
        RealCorpus.records().taxonomy().fields().stream()
            .filter(
                f ->
                    RealCorpus.partnersWhere(
                            p ->
                                p.researchAreas().contains(f.id())
                                    || f.areas().stream()
                                        .anyMatch(a -> p.researchAreas().contains(a.id())))
                        > 0)
            .map(f -> f.label().get(Lang.DE))
            .collect(Collectors.toSet());
    assertEquals(fields, labels);
    assertEquals(
        "Forschungsbereiche durchsuchen",
        browser.driver.findElement(By.id("empty-areas-title")).getText());
  }

  @Test
  void aPartnersDetailOpensOnThePageAndSurvivesAReload() {
    String[] krause = web.hitIds("Krause", List.of(), List.of());
    // Whichever partner names a Krause among its contacts, with a role and a website, as the
    // editors wrote it.
    Partner shown =
        RealCorpus.records().partners().stream()
            .filter(
                p ->
                    p.website() != null
                        && p.contacts().stream()
                            .anyMatch(c -> c.name().contains("Krause") && c.role() != null))
            .findFirst()
            .orElseThrow();
    Contact contact =
        shown.contacts().stream()
            .filter(c -> c.name().contains("Krause"))
            .findFirst()
            .orElseThrow();
    page.open(web.page("/?lang=en&q=Krause"));
    page.waitForHits(krause);
    page.hit(shown.id()).findElement(By.cssSelector(".hit-link")).click();

    WebElement dialog = browser.driver.findElement(By.id("detail"));
    browser.waiting().until(d -> dialog.isDisplayed() && dialog.getText().contains(contact.name()));
    assertTrue(dialog.getText().contains(contact.role()), dialog.getText());
    String host = java.net.URI.create(shown.website()).getHost().replaceFirst("^www\\.", "");
    String href = dialog.findElement(By.partialLinkText(host)).getAttribute("href");
    assertTrue(href.startsWith(shown.website().replaceFirst("/$", "")), href);
    assertTrue(browser.driver.getCurrentUrl().contains("partner=" + shown.id()));

    browser.driver.navigate().refresh();
    browser.waiting().until(d -> d.findElement(By.id("detail")).isDisplayed());
    browser.driver.findElement(By.id("detail-close")).click();
    browser.waiting().until(d -> !d.findElement(By.id("detail")).isDisplayed());
    assertFalse(
        browser.driver.getCurrentUrl().contains("partner="), browser.driver.getCurrentUrl());
    assertEquals(List.of(krause), page.hitIds());
  }

  @Test
  void theInterfaceSpeaksGermanWhenAskedAndOffersDidYouMean() {
    page.open(web.page("/?lang=de&q=helth"));
    assertEquals(
        "Kooperationspartner finden", browser.driver.findElement(By.tagName("h1")).getText());
    assertEquals("de", browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
    assertTrue(browser.driver.findElement(By.id("facet-area")).getText().contains("Gesundheit"));
    WebElement didYouMean = browser.driver.findElement(By.cssSelector("#did-you-mean a"));
    assertTrue(
        browser.driver.findElement(By.id("did-you-mean")).getText().startsWith("Meinten Sie"));
    String suggestion = didYouMean.getText();
    didYouMean.click();
    browser.waiting().until(d -> page.count().contains("„" + suggestion + "“"));
    assertEquals(suggestion, page.searchInput().getAttribute("value"));
  }

  @Test
  void screenshotsOfThePageAtDesktopAndPhoneWidth() throws Exception {
    page.open(web.page("/?lang=en&q=radiation&area=health"));
    page.settled();
    Path desktop = browser.screenshot("screenshot-desktop");
    browser.viewport(Browser.PHONE);
    page.open(web.page("/?lang=de"));
    Path phone = browser.screenshot("screenshot-phone");
    assertTrue(Files.size(desktop) > 10_000 && Files.size(phone) > 10_000);
    assertEquals(
        List.of(390L, 844L), browser.js("return [window.innerWidth, window.innerHeight];"));
  }
}
