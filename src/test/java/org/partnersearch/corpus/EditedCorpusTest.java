package org.partnersearch.corpus;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editors' check passes on a copy of corpus/ with one partner added and one description
 * reworded, as after a routine edit: the corpus belongs to the editors, and no rule may pin what it
 * holds today. ({@code CommandLineTest} runs {@code validate} on the same copy.)
 */
class EditedCorpusTest extends CorpusRules {
  @TempDir static Path copy;

  @Override
  Path corpusDir() {
    return CorpusFixture.editedCopyOfRealCorpus(copy).dir();
  }
}
