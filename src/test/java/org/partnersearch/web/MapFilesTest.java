package org.partnersearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The committed map (public/map/germany.svg and germany.json) is exactly what {@code
 * scripts/make-map.mjs} makes from the pinned npm packages, so anyone can re-run the script and a
 * hand edit cannot slip in.
 */
class MapFilesTest {
  private static final Path SCRIPT = Path.of("scripts", "make-map.mjs");
  private static final Path D3_GEO = Path.of("node_modules", "d3-geo", "package.json");

  @Test
  void theCommittedMapIsWhatTheScriptMakes() throws Exception {
    if (!Files.isRegularFile(D3_GEO)) {
      String message = D3_GEO + " is missing: run npm ci (bash .ci/run does this)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message + "; skipping outside CI");
    }
    Process node;
    try {
      node =
          new ProcessBuilder("node", SCRIPT.toString(), "--check")
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      throw new AssertionError(
          "node is not installed: apt-get install -y npm (bash .ci/run does this)", e);
    }
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!node.waitFor(60, TimeUnit.SECONDS)) {
      node.destroyForcibly();
      fail("node " + SCRIPT + " --check took over a minute");
    }
    assertEquals(0, node.exitValue(), output);
  }
}
