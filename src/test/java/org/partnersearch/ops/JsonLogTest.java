package org.partnersearch.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnersearch.RealCorpus;
import org.partnersearch.ServeProcess;

/**
 * {@code serve --log-format json} as a log shipper reads it: every line one flat JSON object with
 * an ISO-8601 timestamp; the access line's {@code status} and {@code ms} and the index build's
 * counts are numbers; no {@code \/} escaping; the configuration line names the rate limit and the
 * proxies.
 */
class JsonLogTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void everyLineIsAFlatObjectWithTypedFieldsFromTheFirstBuildToAnAccessLine() throws Exception {
    List<String> lines;
    // The shipped logback.xml (access log on), not the tests' logback-test.xml.
    try (ServeProcess serve =
        ServeProcess.start(
            List.of("-Dlogback.configurationFile=logback.xml"),
            "--index",
            dir.resolve("index").toString(),
            "--log-format",
            "json",
            "--trusted-proxies",
            "10.0.0.1",
            "--drain-seconds",
            "0")) {
      int port = serve.port();
      serve.await(Pattern.compile("ready: serving"));
      HttpResponse<String> search =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + port + "/api/search?q=Endlager"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, search.statusCode());
      serve.await(Pattern.compile("\"logger\":\"access\""));
      serve.process().destroy();
      assertTrue(serve.process().waitFor(30, TimeUnit.SECONDS));
      lines = serve.lines();
    }
    String all = String.join("\n", lines);
    assertFalse(all.contains("\\/"), "no escaped slashes:\n" + all);
    List<JsonNode> objects = new ArrayList<>();
    for (String line : lines) {
      JsonNode object = JSON.readTree(line);
      assertTrue(object.isObject(), line);
      object
          .fields()
          .forEachRemaining(f -> assertTrue(f.getValue().isValueNode(), "flat: " + line));
      Instant.parse(object.get("timestamp").asText()); // ISO-8601, or it throws
      assertTrue(object.get("message").isTextual() && object.get("level").isTextual(), line);
      objects.add(object);
    }

    JsonNode access = only(objects, "access", "/api/search");
    assertEquals("GET", access.get("method").asText());
    assertEquals("/api/search", access.get("route").asText());
    assertTrue(
        access.get("status").isInt() && access.get("status").asInt() == 200, access.toString());
    assertTrue(access.get("ms").isNumber(), access.toString());

    JsonNode built = only(objects, "index", "index built");
    assertEquals("first-start", built.get("trigger").asText());
    assertTrue(built.get("documents").isInt(), built.toString());
    assertEquals(RealCorpus.partnerCount(), built.get("documents").asInt());
    assertTrue(
        built.get("ms").isIntegralNumber() && built.get("bytes").isIntegralNumber(),
        built.toString());

    String config =
        only(objects, "org.partnersearch.service.PartnerSearchService", "listening on")
            .get("message")
            .asText();
    assertTrue(
        config.contains("rateLimit=600/min") && config.contains("trustedProxies=[10.0.0.1]"),
        config);
  }

  private static JsonNode only(List<JsonNode> objects, String logger, String messagePart) {
    List<JsonNode> found =
        objects.stream()
            .filter(
                o ->
                    o.get("logger").asText().equals(logger)
                        && o.get("message").asText().contains(messagePart))
            .toList();
    assertEquals(1, found.size(), logger + " '" + messagePart + "' in " + objects);
    return found.get(0);
  }
}
