package org.partnersearch.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/**
 * The page and the widget over a corpus with a hostile partner: its markup shows as text in the
 * results, the detail view and the suggestions, and none of it runs.
 */
@ExtendWith(BrowserHarness.class)
@BrowserHarness.HostilePartner
class HostileCorpusBrowserTest {
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
  void theHostilePartnersMarkupShowsAsTextInResultsAndDetailAndRunsNothing() {
    page.open(web.page("/?lang=en&q=Evil"));
    page.waitForHits("evil-partner");
    WebElement hit = page.hit("evil-partner");
    assertTrue(
        hit.getText().contains("Evil <script>alert('name')</script> Endlager GmbH"), hit.getText());
    assertTrue(
        hit.findElements(By.cssSelector("script, img, svg, b")).isEmpty(),
        "no element from corpus text");
    assertEquals("Evil", hit.findElement(By.tagName("mark")).getText());

    hit.findElement(By.cssSelector(".hit-link")).click();
    WebElement dialog = browser.driver.findElement(By.id("detail"));
    browser
        .waiting()
        .until(d -> dialog.isDisplayed() && dialog.getText().contains("onerror=alert('contact')"));
    assertTrue(
        dialog.findElements(By.cssSelector("script, img, svg")).isEmpty(),
        "no element from corpus text");
    for (WebElement link : dialog.findElements(By.tagName("a"))) {
      assertTrue(link.getAttribute("href").matches("https?://.*"), link.getAttribute("href"));
    }
    assertThrows(NoAlertPresentException.class, () -> browser.driver.switchTo().alert());
  }

  @Test
  void theWidgetShowsTheHostileNameAsText() {
    page.open(web.page("/?lang=en"));
    page.searchInput().sendKeys("evil");
    browser.waiting().until(d -> "true".equals(page.searchInput().getAttribute("aria-expanded")));
    WebElement listbox = browser.driver.findElement(By.cssSelector("[role='listbox']"));
    assertTrue(
        listbox.findElements(By.cssSelector("script, img, svg")).isEmpty(),
        listbox.getAttribute("innerHTML"));
    assertFalse(listbox.findElements(By.tagName("mark")).isEmpty());
    assertThrows(NoAlertPresentException.class, () -> browser.driver.switchTo().alert());
  }
}
