package org.partnersearch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnersearch.config.ServiceConfig;

/**
 * deploy/ keeps what it promises: the systemd unit and its sysusers file pass systemd's own checks
 * ({@code systemd-analyze verify}, {@code systemd-sysusers --dry-run}; {@code .ci/run} installs
 * them, so on CI a missing tool fails instead of skipping), the unit believes the proxy it sits
 * behind, and the Docker build context holds the jar and the corpus but no local state.
 */
class DeployFilesTest {
  private static final Path UNIT = Path.of("deploy/partner-search.service");
  private static final Path SYSUSERS = Path.of("deploy/partner-search.sysusers");
  @TempDir Path dir;

  @Test
  void systemdAnalyzeVerifiesTheUnitWithoutAWord() throws Exception {
    requireTool("systemd-analyze");
    String unit = Files.readString(UNIT);
    if (!Files.isExecutable(Path.of("/usr/bin/java"))) {
      // NOTE: a machine whose Java is not Debian's; verify checks that ExecStart's program exists.
      unit =
          unit.replace(
              "/usr/bin/java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
    Path copy = Files.writeString(dir.resolve("partner-search.service"), unit);
    assertEquals(
        List.of("exit 0"),
        run("systemd-analyze", "verify", copy.toString()),
        "systemd-analyze verify: every warning is a problem");
  }

  @Test
  void theSysusersFileCreatesTheUnitsUser() throws Exception {
    requireTool("systemd-sysusers");
    List<String> dryRun =
        run("systemd-sysusers", "--dry-run", SYSUSERS.toAbsolutePath().toString());
    assertEquals("exit 0", dryRun.get(dryRun.size() - 1), String.join("\n", dryRun));
    assertTrue(
        dryRun.stream().noneMatch(l -> l.contains("Unknown") || l.contains("Failed")),
        dryRun.toString());
    String user = setting(Files.readString(UNIT), "User");
    assertTrue(
        Files.readString(SYSUSERS).lines().anyMatch(l -> l.startsWith("u " + user + " ")),
        "deploy/partner-search.sysusers creates " + user);
  }

  @Test
  void theUnitBelievesTheProxyOnItsOwnAddressAndStopsWithinItsTimeout() throws IOException {
    String unit = Files.readString(UNIT);
    String host = setting(unit, "Environment=PARTNER_SEARCH_HOST");
    assertEquals("127.0.0.1", host, "behind a proxy on the same machine");
    assertTrue(
        List.of(setting(unit, "Environment=PARTNER_SEARCH_TRUSTED_PROXIES").split(","))
            .contains(host),
        "without it every visitor shares the proxy's rate-limit bucket");
    int stopSeconds = Integer.parseInt(setting(unit, "TimeoutStopSec"));
    assertTrue(
        ServiceConfig.DEFAULT_DRAIN_SECONDS + ServiceConfig.DEFAULT_SHUTDOWN_SECONDS < stopSeconds);
    assertTrue(
        unit.contains(
            "runuser -u "
                + setting(unit, "User")
                + " -- java -jar /opt/partner-search/partner-search.jar index"),
        "says how to run index as the service's user");
    assertTrue(
        unit.contains("--index " + setting(unit, "Environment=PARTNER_SEARCH_INDEX")),
        "on the service's index folder");
  }

  @Test
  void theDockerContextHoldsTheJarAndTheCorpusButNoLocalState() throws IOException {
    List<String> rules =
        Files.readAllLines(Path.of(".dockerignore")).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
    for (String kept :
        List.of(
            "target/partner-search.jar",
            "corpus/partners/daef.yaml",
            "corpus/schema/partner.schema.json")) {
      assertFalse(excluded(rules, kept), kept + " is in the context");
    }
    for (String left :
        List.of(
            "target/classes/logback.xml",
            "index/CURRENT",
            "node_modules/axe-core/axe.js",
            ".git/HEAD",
            "src/main/java/org/partnersearch/PartnerSearch.java")) {
      assertTrue(excluded(rules, left), left + " stays out of the context");
    }
    Matcher copy =
        Pattern.compile("(?m)^COPY (\\S+) ")
            .matcher(Files.readString(Path.of("deploy/Dockerfile")));
    while (copy.find()) {
      assertFalse(
          excluded(rules, copy.group(1)), "COPY " + copy.group(1) + " needs it in the context");
    }
  }

  @Test
  void theImagesUserHasTheUidTheDockerfileTellsOperatorsToChownTheIndexTo() throws IOException {
    String dockerfile = Files.readString(Path.of("deploy/Dockerfile"));
    Matcher uid = Pattern.compile("useradd .*--uid (\\d+)").matcher(dockerfile);
    assertTrue(uid.find(), "a fixed uid");
    assertTrue(
        dockerfile.contains("chown " + uid.group(1) + ":" + uid.group(1) + " index"), dockerfile);
    assertTrue(
        dockerfile.contains("-v \"$PWD/corpus:/app/corpus:ro\"")
            && dockerfile.contains("docker exec"),
        "says how editors' corpus changes reach a container");
  }

  /**
   * Docker's rules: the last pattern matching the path or one of its parent folders decides; {@code
   * !} keeps.
   */
  private static boolean excluded(List<String> rules, String path) {
    boolean out = false;
    for (String rule : rules) {
      boolean keep = rule.startsWith("!");
      String pattern = (keep ? rule.substring(1) : rule).replaceAll("/+$", "");
      var matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
      for (Path p = Path.of(path); p != null; p = p.getParent()) {
        if (matcher.matches(p)) {
          out = !keep;
          break;
        }
      }
    }
    return out;
  }

  private static String setting(String unit, String key) {
    return unit.lines()
        .filter(l -> l.startsWith(key + "="))
        .map(l -> l.substring(key.length() + 1))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + key + "= in the unit"));
  }

  private static void requireTool(String tool) {
    boolean present =
        Files.isExecutable(Path.of("/usr/bin", tool)) || Files.isExecutable(Path.of("/bin", tool));
    if (!present && System.getenv("CI") != null) {
      throw new AssertionError(tool + " is missing: .ci/run installs Debian's package systemd");
    }
    Assumptions.assumeTrue(present, tool + " is not installed (Debian package systemd)");
  }

  /** The tool's output lines, then "exit N". */
  private static List<String> run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines =
        new ArrayList<>(
            new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " finishes");
    lines.add("exit " + p.exitValue());
    return lines;
  }
}
