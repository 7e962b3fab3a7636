package org.partnersearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnersearch.PartnerSearch;
import org.partnersearch.RealCorpus;
import org.partnersearch.index.IndexGenerations;
import org.partnersearch.search.SearchRequest;
import org.partnersearch.serving.LiveIndex;

/**
 * {@code kill -9} of a forked indexer at random moments: afterwards a server starts and serves a
 * complete generation (old or new) that passes CheckIndex.
 */
class CrashSafetyTest {
  private static final int TRIALS = 12;

  @TempDir Path dir;

  @Test
  void killingTheIndexerAtAnyMomentLeavesAServableCompleteIndex() throws Exception {
    Path index = dir.resolve("index");
    Random random = new Random(Long.getLong("crash.seed", System.nanoTime()));
    long fullRunMillis;
    try (PartnerSearch app = new PartnerSearch()) {
      app.index(RealCorpus.CORPUS, index);
      long start = System.nanoTime();
      Process whole = indexer(index).start();
      assertTrue(whole.waitFor(120, TimeUnit.SECONDS));
      assertEquals(0, whole.exitValue(), "an uninterrupted forked run succeeds");
      fullRunMillis = (System.nanoTime() - start) / 1_000_000;

      List<Long> killedAt = new ArrayList<>();
      for (int trial = 0; trial < TRIALS; trial++) {
        Process p = indexer(index).start();
        long delay = (long) (random.nextDouble() * fullRunMillis);
        killedAt.add(delay);
        Thread.sleep(delay);
        p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
        p.waitFor(30, TimeUnit.SECONDS);
        assertServable(app, index, "after a kill at " + delay + " ms of ~" + fullRunMillis + " ms");
      }
      System.out.println(
          "crash trials: killed the indexer at "
              + killedAt
              + " ms of a ~"
              + fullRunMillis
              + " ms run");
    }
  }

  private static void assertServable(PartnerSearch app, Path index, String when) throws Exception {
    Path current =
        new IndexGenerations(index)
            .current()
            .orElseThrow(() -> new AssertionError("nothing published " + when));
    try (Directory d = FSDirectory.open(current);
        CheckIndex check = new CheckIndex(d)) {
      assertTrue(check.checkIndex().clean, "CheckIndex " + when);
    }
    try (LiveIndex live = app.openIndex(index)) {
      assertEquals(RealCorpus.partnerCount(), app.searcher(live).status().documents(), when);
      assertEquals(
          "daef",
          app.searcher(live, RealCorpus.TEST_TIME_BUDGET)
              .search(SearchRequest.of("Endlager"))
              .hits()
              .get(0)
              .id(),
          when);
    }
  }

  private static ProcessBuilder indexer(Path index) {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java,
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            "org.partnersearch.cli.Main",
            "index",
            "--corpus",
            RealCorpus.CORPUS.toString(),
            "--index",
            index.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
  }
}
