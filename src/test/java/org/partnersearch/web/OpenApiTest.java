package org.partnersearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.javalin.Javalin;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnersearch.RealCorpus;
import org.partnersearch.analytics.SearchAnalytics;
import org.partnersearch.config.WebConfig;
import org.partnersearch.ops.Metrics;
import org.partnersearch.ops.Readiness;

/**
 * src/main/resources/openapi.yaml parses cleanly and names exactly the routes the server declares.
 */
class OpenApiTest {
  @TempDir Path indexDir;

  @Test
  void theDescriptionParsesWithoutMessages() throws Exception {
    SwaggerParseResult result = parse();
    assertEquals(List.of(), result.getMessages());
    assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
  }

  @Test
  void everyDeclaredRouteIsDescribedAndEveryDescribedPathIsARoute() throws Exception {
    Set<String> described = new TreeSet<>();
    OpenAPI api = parse().getOpenAPI();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .keySet()
                    .forEach(method -> described.add(method.name() + " " + path)));

    Set<String> declared = new TreeSet<>();
    try (RealCorpus corpus = RealCorpus.indexInto(indexDir);
        Metrics metrics = new Metrics()) {
      // With an admin token, so the admin routes are declared too.
      Javalin app =
          new ApiServer(
                  WebConfig.DEFAULT,
                  new OpsRoutes(
                      metrics,
                      Readiness.of(corpus.searcher),
                      SearchAnalytics.inMemory(Clock.systemUTC(), 30),
                      new OpsRoutes.Settings(
                          false, Optional.of("a-token-of-sixteen+"), Duration.ofSeconds(1), 30)),
                  () -> corpus.searcher,
                  null)
              .create();
      app.unsafe.internalRouter.allHttpHandlers().stream()
          .map(e -> e.endpoint)
          .filter(e -> e.method.isHttpMethod())
          .forEach(e -> declared.add(e.method.name().toUpperCase(Locale.ROOT) + " " + e.path));
    }
    assertEquals(
        declared, described, "routes declared by ApiServer/OpsRoutes vs paths in openapi.yaml");
  }

  private static SwaggerParseResult parse() throws Exception {
    try (InputStream in = OpenApiTest.class.getResourceAsStream(OpsRoutes.OPENAPI_RESOURCE)) {
      assertNotNull(in, "openapi.yaml on the classpath");
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      return new OpenAPIV3Parser()
          .readContents(new String(in.readAllBytes(), StandardCharsets.UTF_8), null, options);
    }
  }
}
