package org.partnersearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnersearch.PartnerSearch;
import org.partnersearch.RealCorpus;
import org.partnersearch.SearchLoad;
import org.partnersearch.index.IndexGenerations;
import org.partnersearch.search.PartnerSearcher;
import org.partnersearch.search.SearchRequest;
import org.partnersearch.search.SearchResponse;
import org.partnersearch.service.Reindexer;
import org.partnersearch.serving.LiveIndex;

/**
 * Reindexing while visitors search: nothing fails, nothing comes back empty, old generations go.
 */
class LiveReindexTest {
  private static final List<String> QUERIES =
      List.of(
          "Endlager",
          "Strahlenforschung",
          "Hochschule",
          "Kernteknik",
          "\"proton therapy\"",
          "cancer",
          "Oeko-Institut",
          "ct.qmat",
          "");

  @TempDir Path dir;

  @Test
  void threeReindexesUnderConcurrentSearchesFailNothingAndLoseNoHits() throws Exception {
    Path index = dir.resolve("index");
    try (PartnerSearch app = new PartnerSearch()) {
      app.index(RealCorpus.CORPUS, index);
      try (LiveIndex live = app.openIndex(index)) {
        PartnerSearcher searcher = app.searcher(live, Duration.ofSeconds(5));
        Map<String, Long> expectedTotals = new java.util.HashMap<>();
        QUERIES.forEach(q -> expectedTotals.put(q, searcher.search(SearchRequest.of(q)).total()));
        Reindexer reindexer = new Reindexer(app, RealCorpus.CORPUS, index, live);

        SearchLoad load =
            SearchLoad.start(
                4,
                QUERIES,
                q -> {
                  SearchResponse r = searcher.search(SearchRequest.of(q));
                  return r.total() != expectedTotals.get(q) || r.hits().isEmpty()
                      ? r.total() + " hits instead of " + expectedTotals.get(q)
                      : null;
                });
        long firstGeneration = searcher.status().generation();
        load.awaitRequests(4); // every client is warm and searching before the first reindex
        load.during(
            () -> {
              for (int i = 0; i < 3; i++) {
                reindexer.reindex();
              }
            });
        List<String> problems = load.stop();

        assertEquals(List.of(), problems);
        assertTrue(
            load.searchesDuring() > 0,
            "searches completed while reindexing: " + load.searchesDuring());
        assertEquals(
            firstGeneration + 3,
            searcher.status().generation(),
            "the server switched to the newest");
        try (var folders = Files.list(index)) {
          assertEquals(
              4,
              folders.filter(Files::isDirectory).count(),
              "superseded ones stay a while for replicas");
        }
        new IndexGenerations(index, Duration.ZERO, java.time.Clock.systemUTC()).removeOld();
        try (var folders = Files.list(index)) {
          assertEquals(
              2,
              folders.filter(Files::isDirectory).count(),
              "then only the newest and the previous remain");
        }
        try (CheckIndex check =
            new CheckIndex(FSDirectory.open(live.generations().current().orElseThrow()))) {
          assertTrue(check.checkIndex().clean);
        }
      }
    }
  }

  @Test
  void aSecondReindexWhileOneRunsIsRefused() throws Exception {
    Path index = dir.resolve("index");
    try (PartnerSearch app = new PartnerSearch()) {
      app.index(RealCorpus.CORPUS, index);
      try (LiveIndex live = app.openIndex(index)) {
        Reindexer reindexer = new Reindexer(app, RealCorpus.CORPUS, index, live);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        live.addListener(
            new org.apache.lucene.search.ReferenceManager.RefreshListener() {
              @Override
              public void beforeRefresh() throws java.io.IOException {
                inside.countDown();
                try {
                  release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }

              @Override
              public void afterRefresh(boolean didRefresh) {}
            });
        ExecutorService first = Executors.newSingleThreadExecutor();
        Future<?> running =
            first.submit(
                () -> {
                  reindexer.reindex();
                  return null;
                });
        assertTrue(inside.await(30, TimeUnit.SECONDS));
        assertThrows(Reindexer.AlreadyRunningException.class, reindexer::reindex);
        release.countDown();
        running.get(30, TimeUnit.SECONDS);
        first.shutdown();
      }
    }
  }
}
