package org.partnersearch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figures of one benchmark run and their arithmetic: ratios to the trivial endpoint, CPU per
 * 1,000 requests, tail ratios, the targets of the performance issue met or missed, as Markdown
 * tables and a PNG plot of latency and throughput against corpus size.
 */
final class BenchReport {
  static final String PING = "ping";
  static final String SEARCH = "search";
  static final String SUGGEST = "suggest";

  /** One load phase against one endpoint. Latencies in µs, CPU of the server process in ms. */
  record Row(
      int docs,
      String endpoint,
      boolean open,
      int clients,
      long requests,
      double seconds,
      long errors,
      long p50,
      long p99,
      long p999,
      double cpuMillis,
      long gcPauses,
      double gcMillis) {
    double throughput() {
      return requests / seconds;
    }

    double cpuPer1000() {
      return requests == 0 ? 0 : cpuMillis * 1000 / requests;
    }

    double tail() {
      return p50 == 0 ? 0 : (double) p99 / p50;
    }
  }

  /** What one corpus size measured besides load. Times in ms, sizes in bytes, memory in KiB. */
  record Size(
      int docs,
      double buildSeconds,
      long indexBytes,
      double bareSeconds,
      long bareBytes,
      long buildHeapMib,
      long suggestEntries,
      double suggesterMillis,
      double openMillis,
      double firstSearchMillis,
      double trivialStartMillis,
      long rssKib,
      long peakRssKib) {
    double buildRate() {
      return docs / buildSeconds;
    }

    double bareRate() {
      return docs / bareSeconds;
    }
  }

  private final List<Size> sizes = new ArrayList<>();
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final String command;

  BenchReport(String command) {
    this.command = command;
  }

  void add(Size size) {
    sizes.add(size);
  }

  void add(Row row) {
    rows.add(row);
  }

  /** A line printed under the command, e.g. how long the warm-up took. */
  void note(String line) {
    notes.add(line);
  }

  List<Size> sizes() {
    return sizes;
  }

  Optional<Row> row(int docs, String endpoint, boolean open, int clients) {
    return rows.stream()
        .filter(
            r ->
                r.docs == docs
                    && r.endpoint.equals(endpoint)
                    && r.open == open
                    && (open || r.clients == clients))
        .findFirst();
  }

  /** Throughput of {@code endpoint} over that of the trivial endpoint, same corpus and clients. */
  double ratioToPing(int docs, String endpoint, int clients) {
    return row(docs, endpoint, false, clients).map(Row::throughput).orElse(0.0)
        / row(docs, PING, false, clients).map(Row::throughput).orElse(Double.NaN);
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("Command: `").append(command).append("`\n\n");
    for (String note : notes) {
      md.append("- ").append(note).append('\n');
    }
    if (!notes.isEmpty()) {
      md.append('\n');
    }
    md.append(
        "| docs | build docs/s | bare Lucene docs/s | ours ÷ bare | bytes/doc ours / bare | build heap MiB "
            + "| suggester entries | suggester build (in the index build) | index open (with suggester) "
            + "| start → first search | trivial app start → 200 | ratio | server RSS / peak MiB |\n");
    md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Size s : sizes) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %,d | %,.0f | %,.0f | %.2f | %,.0f / %,.0f | %d | %,d | %,.0f ms | %,.0f ms | %,.0f ms | %,.0f ms | %.1f "
                  + "| %,d / %,d |%n",
              s.docs,
              s.buildRate(),
              s.bareRate(),
              s.buildRate() / s.bareRate(),
              (double) s.indexBytes / s.docs,
              (double) s.bareBytes / s.docs,
              s.buildHeapMib,
              s.suggestEntries,
              s.suggesterMillis,
              s.openMillis,
              s.firstSearchMillis,
              s.trivialStartMillis,
              s.firstSearchMillis / s.trivialStartMillis,
              s.rssKib / 1024,
              s.peakRssKib / 1024));
    }
    md.append(
        "\n| docs | endpoint | loop | clients | req/s | ÷ ping | p50 ms | p99 ms | p99.9 ms | p99/p50 | errors "
            + "| server CPU ms / 1000 req | GC pauses (n, ms) |\n");
    md.append("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      String ratio =
          r.open
              ? ""
              : String.format(Locale.ROOT, "%.2f", ratioToPing(r.docs, r.endpoint, r.clients));
      md.append(
          String.format(
              Locale.ROOT,
              "| %,d | %s | %s | %s | %,.0f | %s | %.2f | %.2f | %.2f | %.1f | %d | %,.0f | %d, %.0f |%n",
              r.docs,
              r.endpoint,
              r.open ? "open" : "closed",
              r.open
                  ? "64 (rate " + Math.round(r.throughput()) + "/s)"
                  : Integer.toString(r.clients),
              r.throughput(),
              ratio,
              r.p50 / 1000.0,
              r.p99 / 1000.0,
              r.p999 / 1000.0,
              r.tail(),
              r.errors,
              r.cpuPer1000(),
              r.gcPauses,
              r.gcMillis));
    }
    md.append("\n| target | docs | figure | |\n|---|---:|---|---|\n");
    for (Target t : targets()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %s | %s |%n",
              t.what,
              t.docs,
              t.figure,
              t.met ? "met" : "**missed**"));
    }
    return md.toString();
  }

  /** One target of the issue, evaluated. */
  record Target(String what, int docs, String figure, boolean met) {}

  /** The column of a corpus size: 13 docs, 10k, 100k, 1M. */
  static int column(int docs) {
    return docs <= 13 ? 0 : docs <= 10_000 ? 1 : docs <= 100_000 ? 2 : 3;
  }

  List<Target> targets() {
    double[] searchRatio = {0.33, 0.15, 0.07, 0.01};
    double[] suggestRatio = {0.5, 0.5, 0.5, 0.3};
    double[] tail = {3, 3, 3, 5};
    List<Target> out = new ArrayList<>();
    for (Size s : sizes) {
      int c = column(s.docs);
      double search = ratioToPing(s.docs, SEARCH, 4);
      double searchQps = row(s.docs, SEARCH, false, 4).map(Row::throughput).orElse(0.0);
      boolean qpsOk = c < 3 || searchQps >= 100;
      out.add(
          new Target(
              "search ÷ ping, 4 clients ≥ " + searchRatio[c] + (c == 3 ? " and ≥ 100 QPS" : ""),
              s.docs,
              String.format(Locale.ROOT, "%.3f (%,.0f QPS)", search, searchQps),
              search >= searchRatio[c] && qpsOk));
      double suggest = ratioToPing(s.docs, SUGGEST, 4);
      out.add(
          new Target(
              "suggest ÷ ping, 4 clients ≥ " + suggestRatio[c],
              s.docs,
              String.format(Locale.ROOT, "%.2f", suggest),
              suggest >= suggestRatio[c]));
      List<String> tails = new ArrayList<>();
      boolean tailOk = true;
      for (int clients : new int[] {2, 4, 8}) {
        double t = row(s.docs, SEARCH, false, clients).map(Row::tail).orElse(Double.NaN);
        tails.add(String.format(Locale.ROOT, "%d: %.1f", clients, t));
        tailOk &= t <= tail[c];
      }
      out.add(
          new Target(
              "search p99 ÷ p50 at 2, 4, 8 clients ≤ " + (int) tail[c],
              s.docs,
              String.join(", ", tails),
              tailOk));
      for (String endpoint : List.of(SEARCH, SUGGEST)) {
        Optional<Row> at64 = row(s.docs, endpoint, false, 64);
        Optional<Row> at4 = row(s.docs, endpoint, false, 4);
        if (at64.isPresent() && at4.isPresent()) {
          double r = at64.get().throughput() / at4.get().throughput();
          out.add(
              new Target(
                  endpoint + " at 64 clients: no errors, throughput ≥ 0.9 × at 4",
                  s.docs,
                  String.format(Locale.ROOT, "%d errors, %.2f ×", at64.get().errors, r),
                  at64.get().errors == 0 && r >= 0.9));
        }
      }
      if (c > 0) {
        double build = s.buildRate() / s.bareRate();
        out.add(
            new Target(
                "index build docs/s ÷ bare Lucene ≥ 0.4",
                s.docs,
                String.format(
                    Locale.ROOT,
                    "%.2f (%,.0f vs %,.0f docs/s)",
                    build,
                    s.buildRate(),
                    s.bareRate()),
                build >= 0.4));
      }
      double start = s.firstSearchMillis / s.trivialStartMillis;
      boolean openOk = c < 3 || s.openMillis <= 1000;
      out.add(
          new Target(
              "start → first search ≤ 3 × trivial app" + (c == 3 ? ", index open ≤ 1 s" : ""),
              s.docs,
              String.format(
                  Locale.ROOT,
                  "%.1f × (%,.0f vs %,.0f ms; open %,.0f ms)",
                  start,
                  s.firstSearchMillis,
                  s.trivialStartMillis,
                  s.openMillis),
              start <= 3 && openOk));
    }
    return out;
  }

  /** Throughput at 4 clients and p50/p99 at 4 clients against corpus size, side by side. */
  void plot(Path png) throws IOException {
    XYChart qps = chart("Throughput, 4 clients (closed loop)", "requests/s");
    XYChart latency = chart("Latency, 4 clients (closed loop)", "ms");
    for (String endpoint : List.of(PING, SEARCH, SUGGEST)) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      List<Double> p50 = new ArrayList<>();
      List<Double> p99 = new ArrayList<>();
      for (Size s : sizes) {
        row(s.docs, endpoint, false, 4)
            .ifPresent(
                r -> {
                  x.add((double) s.docs);
                  y.add(r.throughput());
                  p50.add(Math.max(0.01, r.p50 / 1000.0));
                  p99.add(Math.max(0.01, r.p99 / 1000.0));
                });
      }
      if (!x.isEmpty()) {
        qps.addSeries("/api/" + endpoint, x, y).setMarker(SeriesMarkers.CIRCLE);
        latency.addSeries(endpoint + " p50", x, p50).setMarker(SeriesMarkers.CIRCLE);
        latency.addSeries(endpoint + " p99", x, p99).setMarker(SeriesMarkers.DIAMOND);
      }
    }
    latency.getStyler().setYAxisLogarithmic(true);
    BitmapEncoder.saveBitmap(
        List.of(qps, latency), 1, 2, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  private static XYChart chart(String title, String yTitle) {
    XYChart chart =
        new XYChartBuilder()
            .width(640)
            .height(420)
            .title(title)
            .xAxisTitle("documents (log)")
            .yAxisTitle(yTitle)
            .build();
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    return chart;
  }
}
