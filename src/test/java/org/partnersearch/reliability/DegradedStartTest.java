package org.partnersearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnersearch.PartnerSearch;
import org.partnersearch.RealCorpus;
import org.partnersearch.search.SearchRequest;
import org.partnersearch.serving.IndexStatus;
import org.partnersearch.serving.LiveIndex;
import org.partnersearch.suggest.SuggestRequest;

/**
 * A corrupt newest generation: the server answers from the previous one and says it is degraded.
 */
class DegradedStartTest {
  @TempDir Path dir;

  @Test
  void aCorruptNewestGenerationFallsBackToThePreviousOneAndReportsDegraded() throws Exception {
    Path index = dir.resolve("index");
    try (PartnerSearch app = new PartnerSearch()) {
      corrupt(twoGenerations(app, index));

      try (LiveIndex live = app.openIndex(index)) {
        IndexStatus status = app.searcher(live).status();
        assertEquals(1, status.generation(), "served from the previous generation");
        assertTrue(status.degraded());
        assertEquals(
            "daef",
            app.searcher(live, RealCorpus.TEST_TIME_BUDGET)
                .search(SearchRequest.of("Endlager"))
                .hits()
                .get(0)
                .id());

        app.index(RealCorpus.CORPUS, index); // an editor reindexes: the next generation is healthy
        live.maybeRefreshBlocking();
        assertFalse(app.searcher(live).status().degraded());
        assertEquals(3, app.searcher(live).status().generation());
      }
    }
  }

  @Test
  void aNewestGenerationWithACorruptSuggesterFallsBackToThePreviousOne() throws Exception {
    Path index = dir.resolve("index");
    try (PartnerSearch app = new PartnerSearch()) {
      Path newest = twoGenerations(app, index);
      corrupt(newest.resolve("suggest"));
      corrupt(newest.resolve("suggest/infix"));

      try (LiveIndex live = app.openIndex(index)) {
        assertEquals(
            1, app.searcher(live).status().generation(), "served from the previous generation");
        assertTrue(app.searcher(live).status().degraded());
        assertFalse(app.searcher(live).suggest(SuggestRequest.of("Endl")).suggestions().isEmpty());
      }
    }
  }

  /** Indexes the real corpus twice; returns the newest generation (2), the previous one is 1. */
  private static Path twoGenerations(PartnerSearch app, Path index) throws Exception {
    app.index(RealCorpus.CORPUS, index);
    return app.index(RealCorpus.CORPUS, index).generation();
  }

  private static boolean isDataFile(Path p) {
    return Files.isRegularFile(p) && !p.getFileName().toString().equals("write.lock");
  }

  /**
   * Overwrites the middle of every file of the folder (not its sub-folders), as a failing disk
   * would.
   */
  private static void corrupt(Path generation) throws IOException {
    try (Stream<Path> files = Files.list(generation)) {
      for (Path f : files.filter(DegradedStartTest::isDataFile).toList()) {
        byte[] bytes = Files.readAllBytes(f);
        for (int i = bytes.length / 4; i < bytes.length; i++) {
          bytes[i] = (byte) 0x5A;
        }
        Files.write(f, bytes);
      }
    }
  }
}
