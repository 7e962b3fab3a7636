package org.partnersearch.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.partnersearch.RealCorpus;
import org.partnersearch.corpus.CorpusException;
import org.partnersearch.corpus.CorpusLoader;
import org.partnersearch.corpus.CorpusProblem;

/**
 * Fuzzes corpus loading with arbitrary bytes as one partner file: the loader either accepts the
 * corpus or reports problems with a file; it never throws anything else or runs away.
 */
class CorpusFuzzTest {
  private static Path corpus;

  private static synchronized Path corpus() throws IOException {
    if (corpus == null) {
      corpus = RealCorpus.copyTo(Files.createTempDirectory("fuzz-corpus"));
    }
    return corpus;
  }

  @FuzzTest(maxDuration = "10m")
  void loadingArbitraryBytesAsAPartnerFileReportsProblemsOrSucceeds(byte[] yaml)
      throws IOException {
    Path dir = corpus();
    Files.write(dir.resolve("partners/daef.yaml"), yaml);
    try {
      new CorpusLoader().load(dir);
    } catch (CorpusException e) {
      assertFalse(e.problems().isEmpty());
      for (CorpusProblem p : e.problems()) {
        assertFalse(p.message().isBlank(), p.toString());
      }
    }
  }
}
