package org.partnersearch.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A copy of the real corpus in a temporary folder, to break one thing at a time. */
final class CorpusFixture {
  private final Path dir;

  private CorpusFixture(Path dir) {
    this.dir = dir;
  }

  static CorpusFixture copyOfRealCorpus(Path tempDir) {
    Path source = Path.of("corpus");
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path p : paths.toList()) {
        Path target = tempDir.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CorpusFixture(tempDir);
  }

  Path file(String relative) {
    return dir.resolve(relative);
  }

  /** Replaces the one occurrence of {@code from}; failing loudly keeps the fixtures honest. */
  CorpusFixture replace(String relative, String from, String to) {
    String text = read(relative);
    assertEquals(1, text.split(java.util.regex.Pattern.quote(from), -1).length - 1,
        "'" + from + "' should occur once in " + relative);
    return write(relative, text.replace(from, to));
  }

  /** Replaces the English description, whatever its length, with {@code yamlValue}. */
  CorpusFixture replaceEnglishDescription(String relative, String yamlValue) {
    String text = read(relative);
    int start = text.indexOf("  en: >-\n");
    int end = text.indexOf("  de: >-\n");
    assertEquals(true, start > 0 && end > start, "description block in " + relative);
    return write(relative, text.substring(0, start) + "  en: " + yamlValue + "\n" + text.substring(end));
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
