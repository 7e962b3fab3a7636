package org.partnersearch.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnersearch.RealCorpus;
import org.partnersearch.config.ServiceConfig;
import org.partnersearch.config.WebConfig;
import org.partnersearch.service.PartnerSearchService;

/**
 * Every {@code curl} example in README.md, run as written by the real {@code curl} against a real
 * server on a random port (with the admin token in {@code PARTNER_SEARCH_ADMIN_TOKEN}, as the
 * README tells operators to start it), must answer 2xx. {@code .ci/run} installs curl.
 */
class ReadmeCurlTest {
  private static final String TOKEN = "readme-admin-token-0123456789";
  @TempDir Path dir;

  @Test
  void everyCurlExampleOfTheReadmeAnswers2xx() throws Exception {
    List<String> examples = curlExamples(Path.of("README.md"));
    assertFalse(examples.size() < 10, "the README's examples were found: " + examples);
    ServiceConfig config =
        new ServiceConfig(
            "127.0.0.1",
            0,
            dir.resolve("index"),
            RealCorpus.CORPUS,
            Duration.ofSeconds(2),
            WebConfig.DEFAULT.withAdminToken(TOKEN),
            ServiceConfig.LogFormat.TEXT,
            false,
            Duration.ZERO,
            Duration.ofSeconds(5),
            30);
    List<String> failures = new ArrayList<>();
    try (PartnerSearchService service = new PartnerSearchService(config)) {
      service.start();
      for (String example : examples) {
        String answer = run(example.replace("localhost:7070", "127.0.0.1:" + service.port()));
        if (!answer.matches("2\\d\\d")) {
          failures.add(example + "\n  -> " + answer);
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  /**
   * The lines of the README's code blocks that start with {@code curl}, without their trailing
   * comments.
   */
  static List<String> curlExamples(Path readme) throws IOException {
    List<String> found = new ArrayList<>();
    boolean inCode = false;
    for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
      if (line.startsWith("```")) {
        inCode = !inCode;
      } else if (inCode && line.startsWith("curl ")) {
        int comment = line.indexOf("  #");
        found.add((comment < 0 ? line : line.substring(0, comment)).strip());
      }
    }
    return found;
  }

  /**
   * Runs one example in bash, with curl made to fail on HTTP errors and to write the status to
   * stderr; returns the status, or what went wrong.
   */
  private static String run(String example) throws IOException, InterruptedException {
    String script =
        "set -o pipefail\n"
            + "curl() { command curl --silent --show-error --max-time 20 --write-out '%{stderr}%{http_code}\\n' \"$@\"; }\n"
            + example
            + " > /dev/null";
    ProcessBuilder bash = new ProcessBuilder("bash", "-c", script);
    bash.environment().put("PARTNER_SEARCH_ADMIN_TOKEN", TOKEN);
    Process p = bash.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "timed out";
    }
    return p.exitValue() == 0 ? err : "exit " + p.exitValue() + ": " + err;
  }
}
