package org.partnersearch.web.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What the tests read from and do on the search page, by the page's ids and roles. */
final class SearchPage {
  private final Browser browser;

  SearchPage(Browser browser) {
    this.browser = browser;
  }

  /** Opens a URL of the page and waits until its results are shown. */
  SearchPage open(String url) {
    browser.driver.get(url);
    return settled();
  }

  /** Waits until no search is running and a count is shown. */
  SearchPage settled() {
    browser
        .waiting()
        .withMessage("the page never finished its search")
        .until(
            d ->
                !d.findElement(By.id("count")).getText().isEmpty()
                    && d.findElement(By.id("results")).getAttribute("aria-busy") == null);
    return this;
  }

  List<String> hitIds() {
    // One script, so a re-render between reading the list and its items cannot make them stale.
    @SuppressWarnings("unchecked")
    List<String> ids =
        (List<String>)
            browser.js(
                "return Array.from(document.querySelectorAll('#hits > li.hit'), li => li.dataset.id);");
    return ids;
  }

  /** Waits for exactly these partners in this order. */
  void waitForHits(String... ids) {
    List<String> expected = List.of(ids);
    browser
        .waiting()
        .withMessage(() -> "expected hits " + expected + " but saw " + hitIds())
        .until(
            d ->
                hitIds().equals(expected)
                    && d.findElement(By.id("results")).getAttribute("aria-busy") == null);
  }

  WebElement hit(String id) {
    return browser.driver.findElement(By.cssSelector("#hits > li.hit[data-id='" + id + "']"));
  }

  String count() {
    return browser.driver.findElement(By.id("count")).getText();
  }

  WebElement searchInput() {
    return browser.driver.findElement(By.cssSelector("#search-box input[role='combobox']"));
  }

  WebElement facetBox(String facet, String value) {
    return browser.driver.findElement(
        By.cssSelector("#facet-" + facet + " input[value='" + value + "']"));
  }

  /** The count shown beside a facet value, e.g. "5". */
  String facetCount(String facet, String value) {
    return facetBox(facet, value)
        .findElement(By.xpath("following-sibling::label/span[@class='facet-count']"))
        .getText();
  }

  List<String> selectedChips() {
    return browser.driver.findElements(By.cssSelector("#selected .chip--removable")).stream()
        .map(WebElement::getText)
        .map(s -> s.replace("×", "").trim())
        .toList();
  }
}
