package org.partnersearch.corpus;

import java.nio.file.Path;

/**
 * One thing wrong with the corpus, located as precisely as the parser allows.
 *
 * @param line 1-based line in {@code file}, or 0 where no line is known
 * @param field the field's path in the file, e.g. {@code description.de} or {@code
 *     researchAreas[1]}; empty for a problem with the file as a whole
 */
public record CorpusProblem(Path file, int line, String field, String message) {
  @Override
  public String toString() {
    String where = line > 0 ? file + ":" + line : file.toString();
    return field.isEmpty() ? where + ": " + message : where + ": " + field + ": " + message;
  }
}
