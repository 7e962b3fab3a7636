package org.partnersearch.web.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven by Debian's chromedriver. Both paths are given explicitly, so
 * Selenium Manager never runs and nothing is downloaded. Without them the tests fail on CI ({@code
 * CI=true}) and are skipped elsewhere.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Dimension DESKTOP = new Dimension(1280, 900);
  static final Dimension PHONE = new Dimension(390, 844);
  static final Duration WAIT = Duration.ofSeconds(15);

  final ChromeDriver driver;
  private final ChromeDriverService service;
  private final Path profile;

  private Browser(ChromeDriver driver, ChromeDriverService service, Path profile) {
    this.driver = driver;
    this.service = service;
    this.profile = profile;
  }

  static Browser start() throws IOException {
    requireInstalled(CHROMIUM, "chromium");
    requireInstalled(CHROMEDRIVER, "chromium-driver");
    Path profile = Files.createTempDirectory("partner-search-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--lang=en-US",
        "--user-data-dir=" + profile,
        "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
    // The page's default language follows the browser's; pin it so the tests do not depend on the
    // machine.
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    Browser browser = new Browser(driver, service, profile);
    browser.viewport(DESKTOP);
    return browser;
  }

  private static void requireInstalled(Path path, String debianPackage) {
    if (Files.isExecutable(path)) {
      return;
    }
    String message =
        path + " is missing: apt-get install -y " + debianPackage + " (bash .ci/run does this)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message);
    }
    Assumptions.abort(message + "; skipping the browser tests outside CI");
  }

  /** Sizes the window so that the page itself (not the window) gets exactly this size. */
  void viewport(Dimension size) {
    driver.manage().window().setSize(size);
    long width = (Long) js("return window.innerWidth;");
    long height = (Long) js("return window.innerHeight;");
    driver
        .manage()
        .window()
        .setSize(
            new Dimension(
                size.width + (int) (size.width - width),
                size.height + (int) (size.height - height)));
  }

  WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, WAIT);
    wait.ignoring(
        StaleElementReferenceException.class); // the page re-renders its results on every change
    return wait;
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Writes what the browser shows to {@code target/<name>.png} for people to look at. */
  Path screenshot(String name) throws IOException {
    File png = driver.getScreenshotAs(OutputType.FILE);
    Path to = Path.of("target", name + ".png");
    Files.createDirectories(to.getParent());
    Files.copy(png.toPath(), to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return to;
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      service.stop();
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }
}
