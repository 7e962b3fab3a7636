package org.partnersearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {
  private static BenchReport.Row row(
      String endpoint, int clients, long requests, long p50, long p99) {
    return new BenchReport.Row(
        10_000, endpoint, false, clients, requests, 10.0, 0, p50, p99, p99 * 2, 2_000.0, 3, 12.5);
  }

  @Test
  void ratiosCompareWithThePingOfTheSameCorpusAndConcurrency() {
    BenchReport report = new BenchReport("cmd");
    report.add(row(BenchReport.PING, 4, 40_000, 1000, 2000));
    report.add(row(BenchReport.SEARCH, 4, 8_000, 4000, 10_000));
    report.add(row(BenchReport.PING, 8, 80_000, 1000, 2000));
    assertEquals(0.2, report.ratioToPing(10_000, BenchReport.SEARCH, 4), 1e-9);
    assertTrue(Double.isNaN(report.ratioToPing(10_000, BenchReport.SEARCH, 2)));
  }

  @Test
  void rowArithmetic() {
    BenchReport.Row r = row(BenchReport.SEARCH, 4, 8_000, 4000, 10_000);
    assertEquals(800.0, r.throughput(), 1e-9);
    assertEquals(250.0, r.cpuPer1000(), 1e-9, "2,000 ms of CPU over 8,000 requests");
    assertEquals(2.5, r.tail(), 1e-9);
  }

  @Test
  void targetsAreJudgedWithTheThresholdsOfTheCorpusSize() {
    BenchReport report = new BenchReport("cmd");
    report.note("10,000 partners: the JIT went quiet");
    report.add(
        new BenchReport.Size(
            10_000, 10.0, 1_000_000, 2.0, 100_000, 100, 5, 50.0, 80.0, 3_000.0, 1_000.0, 1024,
            2048));
    for (int clients : new int[] {2, 4, 8}) {
      report.add(row(BenchReport.PING, clients, 40_000, 1000, 2000));
      report.add(row(BenchReport.SEARCH, clients, 8_000, 4000, 10_000));
      report.add(row(BenchReport.SUGGEST, clients, 16_000, 2000, 4000));
    }
    List<BenchReport.Target> targets = report.targets();
    assertEquals(
        List.of(true, false, true, false, true),
        targets.stream().map(BenchReport.Target::met).toList(),
        "search 0.20 >= 0.15; suggest 0.40 < 0.5; tail 2.5 <= 3; build 1,000/5,000 docs/s = 0.2 < 0.4; start 3.0 x");
    assertTrue(
        report.markdown().contains("| 10,000 | 1,000 | 5,000 | 0.20 | 100 / 10 |"),
        report.markdown());
    assertTrue(
        report.markdown().startsWith("Command: `cmd`\n\n- 10,000 partners: the JIT went quiet\n"),
        report.markdown());
  }
}
