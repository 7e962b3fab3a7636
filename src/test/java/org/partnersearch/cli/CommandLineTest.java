package org.partnersearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as editors use it: index, search, suggest, validate, analyze, and its exit codes. */
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
    assertTrue(indexed.out().startsWith("indexed 13 documents"), indexed.out());

    assertFirst(index, "Endlager", "[daef]");
    assertFirst(index, "Strahlen", "[kvsf]", "[oncoray]"); // both are radiation research centres
    assertFirst(index, "Oeko-Institut", "[daef]");
    assertFirst(index, "Kerntechnik", "[kompetenzverbund-kerntechnik]");

    Run suggested = run("suggest", "--index", index, "--lang", "de", "Endl");
    assertEquals(0, suggested.exit(), suggested.err());
    assertTrue(suggested.out().startsWith("area     *Endl*agerforschung  [repository-research]"), suggested.out());
    assertTrue(suggested.out().contains("partner  Deutsche Arbeitsgemeinschaft *Endl*agerforschung  [daef]"),
        suggested.out());
  }

  private static void assertFirst(String index, String query, String... anyOfIds) {
    Run r = run("search", "--index", index, query);
    assertEquals(0, r.exit(), r.err());
    String first = r.out().lines().filter(l -> l.startsWith(" 1. ")).findFirst().orElse("");
    assertTrue(Stream.of(anyOfIds).anyMatch(first::contains),
        query + " should list one of " + String.join(" ", anyOfIds) + " first:\n" + r.out());
  }

  @Test
  void wrongArgumentsGiveUsageAndExitCode2() {
    Run r = run("search");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("Usage:"), r.err());
    assertEquals(2, run("index", "--no-such-option").exit());
    assertEquals(2, run("frobnicate").exit());
  }

  @Test
  void aBrokenCorpusExits1WithFileLineAndFieldAndLeavesTheIndexAsItWas() throws IOException {
    Path corpus = org.partnersearch.RealCorpus.copyTo(dir.resolve("corpus"));
    String index = dir.resolve("index").toString();
    assertEquals(0, run("index", "--corpus", corpus.toString(), "--index", index).exit());
    String publishedBefore = Files.readString(dir.resolve("index/CURRENT"));

    Path daef = corpus.resolve("partners/daef.yaml");
    Files.writeString(daef, Files.readString(daef).replace("researchAreas: [repository-research, nuclear-safety]",
        "researchAreas: [repository-research, nuclear-physics]"));
    Run r = run("index", "--corpus", corpus.toString(), "--index", index);

    assertEquals(1, r.exit());
    assertTrue(r.err().contains("daef.yaml:11: researchAreas[1]: unknown research area 'nuclear-physics'"), r.err());
    assertEquals(publishedBefore, Files.readString(dir.resolve("index/CURRENT")));
    assertTrue(run("search", "--index", index, "Endlager").out().contains(" 1. "), "old index still answers");
    assertEquals(1, run("validate", "--corpus", corpus.toString()).exit());
  }

  @Test
  void validateReportsAHealthyCorpus() {
    Run r = run("validate");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("corpus OK: 13 partners"), r.out());
  }

  @Test
  void analyzeShowsTokensWithPositionsAndOffsets() {
    Run r = run("analyze", "--lang", "de", "Endlagerforschung");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("0\\s+\\+endlag\\S*\\s+0-8\\s+\"Endlager\"")), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("0\\s+\\+forschung\\s+8-17\\s+\"forschung\"")), r.out());
    assertEquals(2, run("analyze", "--lang", "fr", "x").exit());
  }

}
