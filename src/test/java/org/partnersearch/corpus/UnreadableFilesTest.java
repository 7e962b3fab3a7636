package org.partnersearch.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files the loader cannot or must not read become problems, never crashes or hangs. */
class UnreadableFilesTest {
  @TempDir Path tempDir;

  @Test
  void malformedYamlIsReportedAtTheLineTheParserStopped() {
    CorpusFixture corpus =
        CorpusFixture.copyOfRealCorpus(tempDir)
            .replace("partners/daef.yaml", "type: network", "type: [network");
    assertEquals(
        List.of(
            "partners/daef.yaml:11: is not valid YAML: while parsing a flow sequence "
                + "started on line 10: expected ',' or ']', but got :"),
        corpus.problems());
  }

  @Test
  void aKeyWrittenTwiceIsReportedInsteadOfSilentlyOverwritten() {
    CorpusFixture corpus =
        CorpusFixture.copyOfRealCorpus(tempDir)
            .replace("partners/daef.yaml", "type: network\n", "type: network\ntype: company\n");
    assertEquals(
        List.of(
            "partners/daef.yaml:11: is not valid YAML: the key 'type' appears twice: "
                + "keep one of them"),
        corpus.problems());
  }

  @Test
  void anAliasBombIsRejectedQuicklyAtItsFirstAnchor() {
    CorpusFixture corpus =
        CorpusFixture.copyOfRealCorpus(tempDir)
            .copyResource("alias-bomb.yaml", "partners/bomb.yaml");
    List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(5), corpus::problems);
    assertEquals(
        List.of(
            "partners/bomb.yaml:4: uses the YAML anchor '&a': anchors and aliases are "
                + "not allowed, write the value out"),
        problems);
  }

  @Test
  void yamlTagsAreRejectedBecauseTheyCouldNameJavaTypes() {
    CorpusFixture corpus =
        CorpusFixture.copyOfRealCorpus(tempDir)
            .replace(
                "partners/daef.yaml",
                "type: network",
                "type: !!javax.script.ScriptEngineManager network");
    assertEquals(
        List.of(
            "partners/daef.yaml:10: uses the YAML tag "
                + "'tag:yaml.org,2002:javax.script.ScriptEngineManager': tags are not allowed, remove it"),
        corpus.problems());
  }

  @Test
  void aFileOverOneMebibyteIsRejectedBeforeParsing() {
    CorpusFixture corpus = CorpusFixture.copyOfRealCorpus(tempDir);
    corpus.write(
        "partners/daef.yaml", corpus.read("partners/daef.yaml") + "#" + "x".repeat(1024 * 1024));
    List<String> problems = corpus.problems();
    assertEquals(1, problems.size());
    assertEquals(
        true,
        problems
            .get(0)
            .matches(
                "partners/daef\\.yaml: the file has \\d+ bytes, more than the limit of 1048576: shorten it"),
        problems.get(0));
  }

  @Test
  void deepNestingIsRejected() {
    CorpusFixture corpus =
        CorpusFixture.copyOfRealCorpus(tempDir)
            .replace(
                "partners/daef.yaml",
                "contacts: []",
                "contacts: " + "[".repeat(30) + "]".repeat(30));
    assertEquals(
        List.of("partners/daef.yaml:13: nested deeper than 20 levels: flatten the structure"),
        corpus.problems());
  }

  @Test
  void missingFilesAndStrayFilesAreReported() {
    CorpusFixture corpus =
        CorpusFixture.copyOfRealCorpus(tempDir)
            .delete("glossary.yaml")
            .write("partners/hzb.yml", "id: hzb\n")
            .write("partners/empty.yaml", "# nothing yet\n");
    assertEquals(
        List.of(
            "glossary.yaml: the file is missing: restore it (see corpus/README.md)",
            "partners/empty.yaml: the file is empty: fill in the fields its schema asks for",
            "partners/hzb.yml: not a partner file: partner files end in .yaml, rename or remove it"),
        corpus.problems());
  }

  @Test
  void aFileThatIsNotUtf8IsReported() {
    CorpusFixture corpus = CorpusFixture.copyOfRealCorpus(tempDir);
    corpus.copyResource("latin1.yaml", "partners/latin1.yaml");
    assertEquals(
        List.of("partners/latin1.yaml: is not valid UTF-8: save it with UTF-8 encoding"),
        corpus.problems());
  }
}
