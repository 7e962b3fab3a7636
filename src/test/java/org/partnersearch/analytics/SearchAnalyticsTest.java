package org.partnersearch.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchAnalyticsTest {
  @TempDir Path dir;
  private Instant now = Instant.parse("2026-03-10T12:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  @Test
  void zeroHitAndRelaxedQueriesAreCountedNormalisedAndSurviveARestart() throws Exception {
    Path file = dir.resolve("index/analytics.json");
    SearchAnalytics a = SearchAnalytics.persistent(file, clock, 30);
    a.searched("Kernfusion", 0, false);
    a.searched("  kernFUSION ", 0, false);
    a.searched("Endlager Uber", 3, true);
    a.searched("Endlager", 5, false);
    a.searched("", 13, false); // browsing: not a query
    a.picked("partner", "daef");
    a.save();

    AnalyticsReport r = SearchAnalytics.persistent(file, clock, 30).report(7, 10);
    assertEquals(4, r.searches());
    assertEquals(2, r.zeroHitSearches());
    assertEquals(List.of(new AnalyticsReport.Count("kernfusion", 2)), r.zeroHitQueries());
    assertEquals(List.of(new AnalyticsReport.Count("endlager uber", 1)), r.relaxedQueries());
    assertEquals(
        List.of(
            new AnalyticsReport.Count("kernfusion", 2),
            new AnalyticsReport.Count("endlager", 1),
            new AnalyticsReport.Count("endlager uber", 1)),
        r.topQueries());
    assertEquals(List.of(new AnalyticsReport.Count("partner:daef", 1)), r.topPicks());
  }

  @Test
  void theWindowCountsOnlyItsDaysAndOldDaysAreDropped() throws Exception {
    SearchAnalytics a = SearchAnalytics.inMemory(clock, 30);
    a.searched("alt", 0, false);
    now = now.plus(Duration.ofDays(3));
    a.searched("neu", 0, false);
    assertEquals(List.of(new AnalyticsReport.Count("neu", 1)), a.report(1, 10).zeroHitQueries());
    assertEquals(2, a.report(4, 10).zeroHitSearches());
    now = now.plus(Duration.ofDays(40));
    assertEquals(0, a.report(30, 10).searches());
  }

  @Test
  void aFloodOfOneOffQueriesEvictsTheLeastCountedInsteadOfLockingOutRealOnes() throws Exception {
    Path file = dir.resolve("analytics.json");
    SearchAnalytics a = SearchAnalytics.persistent(file, clock, 30);
    a.searched("endlager", 3, false);
    a.searched("endlager", 3, false);
    for (int i = 0; i < SearchAnalytics.MAX_DISTINCT_PER_DAY * 3; i++) {
      a.searched("spam " + i + " " + "x".repeat(90), 0, false);
    }
    a.searched("kernteknik", 0, false); // a new real query after the flood still counts
    a.searched("kernteknik", 0, false);
    a.searched("endlager", 3, false);
    AnalyticsReport r = a.report(1, 2);
    assertEquals(
        List.of(
            new AnalyticsReport.Count("endlager", 3), new AnalyticsReport.Count("kernteknik", 2)),
        r.topQueries());
    a.save();
    assertTrue(
        Files.size(file) < 4L * SearchAnalytics.MAX_DISTINCT_PER_DAY * 130,
        "the file holds at most the capped texts: " + Files.size(file) + " bytes");
    assertEquals(
        r.topQueries(), SearchAnalytics.persistent(file, clock, 30).report(1, 2).topQueries());
  }

  @Test
  void aFullListDropsItsLeastCountedEighthAtOnceAndKeepsTheRest() {
    SearchAnalytics a = SearchAnalytics.inMemory(clock, 30);
    int max = SearchAnalytics.MAX_DISTINCT_PER_DAY;
    int dropped = SearchAnalytics.EVICTED_AT_ONCE;
    for (int i = 0; i < max; i++) {
      String q = String.format("q%04d", i);
      a.searched(q, 1, false);
      if (i >= dropped) {
        a.searched(q, 1, false); // counted twice: kept
      }
    }
    a.searched("neu", 1, false);
    a.searched("neu2", 1, false); // room is left: nothing more is dropped
    List<AnalyticsReport.Count> kept = a.report(1, 2 * max).topQueries();
    assertEquals(max - dropped + 2, kept.size());
    assertTrue(kept.contains(new AnalyticsReport.Count("neu", 1)), "the new text is counted");
    assertTrue(kept.contains(new AnalyticsReport.Count(String.format("q%04d", dropped), 2)));
    assertTrue(
        kept.stream()
            .map(AnalyticsReport.Count::text)
            .filter(t -> t.startsWith("q"))
            .allMatch(t -> t.compareTo(String.format("q%04d", dropped)) >= 0),
        "the texts counted once before it are gone");
  }

  @Test
  void formatAndControlCharactersAreNotKept() {
    assertEquals(
        Optional.of("evil gnp"),
        SearchAnalytics.normalise("e\u202Ev\u200Bi\u2066l\u0085 gnp\uFEFF"));
  }

  @Test
  void eMailAddressesAndLongNumbersAreNotKept() {
    assertEquals(
        Optional.of("kontakt <email> tel <number>"),
        SearchAnalytics.normalise("Kontakt jane.doe@example.org Tel 0351 260 1234"));
    assertEquals(
        SearchAnalytics.MAX_TEXT,
        SearchAnalytics.normalise("x".repeat(500)).orElseThrow().length());
  }

  @Test
  void anUnreadableFileIsSetAsideAndCountingStartsFromZero() throws Exception {
    Path file = dir.resolve("analytics.json");
    Files.writeString(file, "{not json");
    SearchAnalytics a = SearchAnalytics.persistent(file, clock, 30);
    assertEquals(0, a.report(7, 10).searches());
    assertTrue(Files.exists(dir.resolve("analytics.json.unreadable")));
  }
}
