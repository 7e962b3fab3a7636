package org.partnersearch.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A copy of the real corpus in a temporary folder, to break (or edit) one thing at a time. */
public final class CorpusFixture {
  private final Path dir;

  private CorpusFixture(Path dir) {
    this.dir = dir;
  }

  public static CorpusFixture copyOfRealCorpus(Path tempDir) {
    try {
      return new CorpusFixture(org.partnersearch.RealCorpus.copyTo(tempDir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The real corpus as an editor leaves it after a routine change: one partner added (as
   * corpus/README.md describes) and one description reworded. Every check of the corpus must still
   * pass on it.
   */
  public static CorpusFixture editedCopyOfRealCorpus(Path tempDir) {
    return copyOfRealCorpus(tempDir)
        .copyResource("edits/hzdr-test-partner.yaml", "partners/hzdr-test-partner.yaml")
        .replaceEnglishDescription(
            "partners/daef.yaml",
            ">-\n"
                + "    A network of German research institutions on the final disposal of radioactive waste,\n"
                + "    reworded by an editor.");
  }

  /** The corpus folder. */
  public Path dir() {
    return dir;
  }

  Path file(String relative) {
    return dir.resolve(relative);
  }

  /** Replaces the one occurrence of {@code from}; failing loudly keeps the fixtures honest. */
  CorpusFixture replace(String relative, String from, String to) {
    String text = read(relative);
    assertEquals(
        1,
        text.split(java.util.regex.Pattern.quote(from), -1).length - 1,
        "'" + from + "' should occur once in " + relative);
    return write(relative, text.replace(from, to));
  }

  /** Replaces the English description, whatever its length, with {@code yamlValue}. */
  CorpusFixture replaceEnglishDescription(String relative, String yamlValue) {
    String text = read(relative);
    int start = text.indexOf("  en: >-\n");
    int end = text.indexOf("  de: >-\n");
    assertEquals(true, start > 0 && end > start, "description block in " + relative);
    return write(
        relative, text.substring(0, start) + "  en: " + yamlValue + "\n" + text.substring(end));
  }

  CorpusFixture write(String relative, String content) {
    try {
      Files.writeString(file(relative), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  CorpusFixture copyResource(String resource, String relative) {
    try (var in = CorpusFixture.class.getResourceAsStream("/corpus/" + resource)) {
      Files.write(file(relative), in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  CorpusFixture delete(String relative) {
    try {
      Files.delete(file(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  String read(String relative) {
    try {
      return Files.readString(file(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Corpus load() throws CorpusException {
    return new CorpusLoader().load(dir);
  }

  /** The problems as "file:line: field: message", with the file relative to the corpus folder. */
  List<String> problems() {
    CorpusException e = assertThrows(CorpusException.class, this::load);
    return e.problems().stream()
        .map(p -> new CorpusProblem(dir.relativize(p.file()), p.line(), p.field(), p.message()))
        .map(CorpusProblem::toString)
        .toList();
  }
}
