package org.partnersearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partnersearch.RealCorpus;
import picocli.CommandLine;

/**
 * The command line as editors use it: index, search, suggest, validate, analyze, and its exit
 * codes.
 */
class CommandLineTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void indexThenSearchListsTheExpectedPartnerFirstForTheIssuesExamples() {
    String index = dir.resolve("index").toString();
    Run indexed = run("index", "--index", index);
    assertEquals(0, indexed.exit(), indexed.err());
    assertTrue(
        indexed.out().startsWith("indexed " + RealCorpus.partnerCount() + " documents"),
        indexed.out());

    assertFirst(index, "Endlager", "[daef]");
    assertFirst(index, "Strahlen", "[kvsf]", "[oncoray]"); // both are radiation research centres
    assertFirst(index, "Oeko-Institut", "[daef]");
    assertFirst(index, "Kerntechnik", "[kompetenzverbund-kerntechnik]");

    Run suggested = run("suggest", "--index", index, "--lang", "de", "Endl");
    assertEquals(0, suggested.exit(), suggested.err());
    assertTrue(
        suggested.out().startsWith("area     *Endl*agerforschung  [repository-research]"),
        suggested.out());
    assertTrue(
        suggested
            .out()
            .contains("partner  Deutsche Arbeitsgemeinschaft *Endl*agerforschung  [daef]"),
        suggested.out());
  }

  private static void assertFirst(String index, String query, String... anyOfIds) {
    Run r = run("search", "--index", index, query);
    assertEquals(0, r.exit(), r.err());
    String first = r.out().lines().filter(l -> l.startsWith(" 1. ")).findFirst().orElse("");
    assertTrue(
        Stream.of(anyOfIds).anyMatch(first::contains),
        query + " should list one of " + String.join(" ", anyOfIds) + " first:\n" + r.out());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "search",
        "index --no-such-option",
        "frobnicate",
        "search --size 100 Endlager",
        "search --size many Endlager",
        "search --lang fr Endlager",
        "suggest --lang fr Endl",
        "analyze --lang fr x",
        "analyze --chain KLINGON x",
        "search --index /nonexistent Endlager",
        "suggest --index /nonexistent Endl",
        "serve --log-format xml",
        "serve --port 70000",
        "serve --cors-origins not-an-origin",
        "validate --corpus /nonexistent",
        "index --corpus /nonexistent"
      })
  void wrongArgumentsExit2WithOneLineSayingWhatToChange(String args) {
    Run r = run(args.split(" "));
    assertEquals(2, r.exit(), r.err());
    assertEquals("", r.out());
    assertEquals(1, r.err().lines().count(), "one line:\n" + r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    assertTrue(r.err().matches("partner-search( " + args.split(" ")[0] + ")?: .+\\R"), r.err());
  }

  @Test
  void aMissingIndexNamesTheFolderAndTheCommandThatBuildsIt() {
    Run r = run("search", "--index", "no-index-here", "Endlager");
    assertEquals(2, r.exit());
    assertTrue(
        r.err()
            .startsWith(
                "partner-search search: no index in ./no-index-here: run `partner-search index` first"),
        r.err());
  }

  /** A real process, because log lines go to the process's stderr, not to picocli's writer. */
  @Test
  void oneOffCommandsPrintNoInfoLogLines() throws Exception {
    String index = dir.resolve("index").toString();
    assertEquals(0, run("index", "--index", index).exit());
    Process search =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "search",
                "--index",
                index,
                "Endlager")
            .start();
    String out =
        new String(search.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    String err =
        new String(search.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, search.waitFor());
    assertTrue(out.contains("[daef]"), out);
    assertEquals("", err, "nothing but results");
  }

  @Test
  void aBrokenCorpusExits1WithFileLineAndFieldAndLeavesTheIndexAsItWas() throws IOException {
    Path corpus = org.partnersearch.RealCorpus.copyTo(dir.resolve("corpus"));
    String index = dir.resolve("index").toString();
    assertEquals(0, run("index", "--corpus", corpus.toString(), "--index", index).exit());
    String publishedBefore = Files.readString(dir.resolve("index/CURRENT"));

    Path daef = corpus.resolve("partners/daef.yaml");
    Files.writeString(
        daef,
        Files.readString(daef)
            .replace(
                "researchAreas: [repository-research, nuclear-safety]",
                "researchAreas: [repository-research, nuclear-physics]"));
    Run r = run("index", "--corpus", corpus.toString(), "--index", index);

    assertEquals(1, r.exit());
    assertTrue(
        r.err().contains("daef.yaml:11: researchAreas[1]: unknown research area 'nuclear-physics'"),
        r.err());
    assertEquals(publishedBefore, Files.readString(dir.resolve("index/CURRENT")));
    assertTrue(
        run("search", "--index", index, "Endlager").out().contains(" 1. "),
        "old index still answers");
    assertEquals(1, run("validate", "--corpus", corpus.toString()).exit());
  }

  @Test
  void validateReportsAHealthyCorpus() {
    Run r = run("validate");
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.out().startsWith("corpus OK: " + RealCorpus.partnerCount() + " partners"), r.out());
  }

  @Test
  void validatePassesAfterAnEditorAddsAPartnerAndRewordsADescription() {
    Path edited =
        org.partnersearch.corpus.CorpusFixture.editedCopyOfRealCorpus(dir.resolve("corpus")).dir();
    Run r = run("validate", "--corpus", edited.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.out().startsWith("corpus OK: " + (RealCorpus.partnerCount() + 1) + " partners"), r.out());
  }

  @Test
  void analyzeShowsTokensWithPositionsAndOffsets() {
    Run r = run("analyze", "--lang", "de", "Endlagerforschung");
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.out().lines().anyMatch(l -> l.matches("0\\s+<endlag\\S*\\s+0-8\\s+\"Endlager\"")),
        r.out());
    assertTrue(
        r.out().lines().anyMatch(l -> l.matches("0\\s+\\+forschung\\s+8-17\\s+\"forschung\"")),
        r.out());
  }
}
