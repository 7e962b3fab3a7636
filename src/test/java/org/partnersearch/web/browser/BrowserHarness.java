package org.partnersearch.web.browser;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.partnersearch.RealCorpus;
import org.partnersearch.SharedRealCorpus;

/**
 * The setup every browser test shares: the real service (a {@link WebFixture}) for the test class,
 * over the run's shared corpus or, with {@link HostilePartner}, over a copy that adds the hostile
 * partner; and a fresh headless Chromium ({@link Browser}) for each test. Both are handed in as
 * parameters and closed by JUnit when their class or test is done.
 *
 * <pre>{@code
 * @ExtendWith(BrowserHarness.class)
 * class SomeBrowserTest {
 *   static WebFixture web;
 *   Browser browser;
 *
 *   @BeforeAll
 *   static void startService(WebFixture service) { web = service; }
 *
 *   @BeforeEach
 *   void startBrowser(Browser started) { browser = started; }
 * }</pre>
 *
 * NOTE: one service per class, not per run: each class starts with an empty rate limiter and
 * cache, as it did with a service of its own.
 */
final class BrowserHarness implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(BrowserHarness.class);

  /**
   * On a test class: serve the shipped corpus plus {@code
   * src/test/resources/xss/evil-partner.yaml}.
   */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @interface HostilePartner {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == WebFixture.class || type == Browser.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == Browser.class) {
      // Stored in the test's own context: closed when the test is done.
      return context
          .getStore(NAMESPACE)
          .getOrComputeIfAbsent(Browser.class, k -> startBrowser(), Browser.class);
    }
    ExtensionContext testClass =
        context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
    return testClass
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Service.class, k -> Service.start(testClass), Service.class)
        .web();
  }

  private static Browser startBrowser() {
    try {
      return Browser.start();
    } catch (IOException e) {
      throw new IllegalStateException("could not start headless chromium", e);
    }
  }

  /** The service of one test class, and the copy of the corpus it may have made. */
  private record Service(WebFixture web, Path copy) implements AutoCloseable {
    static Service start(ExtensionContext testClass) {
      try {
        if (testClass.getRequiredTestClass().isAnnotationPresent(HostilePartner.class)) {
          Path copy = Files.createTempDirectory("hostile-corpus");
          return new Service(
              WebFixture.start(
                  copy.resolve("index"), RealCorpus.withHostilePartner(copy.resolve("corpus"))),
              copy);
        }
        return new Service(WebFixture.over(SharedRealCorpus.get(testClass)), null);
      } catch (Exception e) {
        throw new IllegalStateException("could not start the service for the browser tests", e);
      }
    }

    @Override
    public void close() throws IOException {
      web.close();
      if (copy != null) {
        SharedRealCorpus.delete(copy);
      }
    }
  }
}
