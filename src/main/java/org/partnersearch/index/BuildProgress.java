package org.partnersearch.index;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows how an index build advances: on a terminal a progress bar redrawn in place, otherwise
 * (logs, CI, a forked benchmark) one line every {@value #LOG_EVERY_SECONDS} s; both with documents
 * done, rate and time left, and a summary line at the end. Small builds (the real corpus) print
 * nothing (the {@code index} command prints its own summary), and {@link #NONE} prints nothing at
 * all.
 */
public final class BuildProgress {
  /** Reports nothing: for the server's first build and tests. */
  public static final BuildProgress NONE = new BuildProgress(null, false, System::nanoTime);

  private static final int BAR_WIDTH = 30;
  private static final long REDRAW_NANOS = 250_000_000L;
  private static final long LOG_EVERY_SECONDS = 10;

  /** Builds smaller than this finish before a progress line would help. */
  private static final long QUIET_BELOW = 5_000;

  private final PrintStream out;
  private final boolean terminal;
  private final LongSupplier clock;
  private long total;
  private long started;
  private long lastShown;

  BuildProgress(PrintStream out, boolean terminal, LongSupplier clock) {
    this.out = out;
    this.terminal = terminal;
    this.clock = clock;
  }

  /** To {@code out}: a bar if the process runs on a terminal, periodic lines otherwise. */
  public static BuildProgress to(PrintStream out) {
    return new BuildProgress(out, System.console() != null, System::nanoTime);
  }

  void start(long totalDocuments) {
    total = totalDocuments;
    started = clock.getAsLong();
    lastShown = started;
  }

  /** Called after each document; cheap unless a line is due. */
  void documents(long done) {
    if (out == null || total < QUIET_BELOW) {
      return;
    }
    long now = clock.getAsLong();
    long every = terminal ? REDRAW_NANOS : LOG_EVERY_SECONDS * 1_000_000_000L;
    if (now - lastShown >= every) {
      lastShown = now;
      out.print(terminal ? "\r" + line(done, now) : line(done, now) + System.lineSeparator());
      out.flush();
    }
  }

  /** The phase after writing (verification, publishing), named so a long pause is explained. */
  void phase(String what) {
    if (out != null && total >= QUIET_BELOW) {
      out.print(
          (terminal ? "\r" + " ".repeat(100) + "\r" : "") + what + "…" + System.lineSeparator());
      out.flush();
    }
  }

  void finished(BuildReport report) {
    if (out == null || total < QUIET_BELOW) {
      return;
    }
    double seconds = report.took().toNanos() / 1e9;
    out.printf(
        Locale.ROOT,
        "%sindexed %,d documents in %.1f s (%,.0f docs/s), %,d terms, %.1f MiB (%,.0f bytes/doc); "
            + "suggester of %,d entries built in %.1f s of it%n",
        terminal && total >= QUIET_BELOW ? "\r" : "",
        report.documents(),
        seconds,
        report.documents() / seconds,
        report.terms(),
        report.bytes() / 1048576.0,
        report.bytes() / (double) Math.max(1, report.documents()),
        report.suggesterEntries(),
        report.suggesterTook().toNanos() / 1e9);
    out.flush();
  }

  /**
   * "[#####-----] 45% 45,000/100,000 docs, 1,234 docs/s, 0:44 left" (the bar only on a terminal).
   */
  String line(long done, long now) {
    double seconds = Math.max(1e-9, (now - started) / 1e9);
    double rate = done / seconds;
    long left = rate > 0 ? Math.round((total - done) / rate) : 0;
    int percent = (int) (100 * done / Math.max(1, total));
    String bar = "";
    if (terminal) {
      int filled = BAR_WIDTH * percent / 100;
      bar = "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] ";
    }
    return String.format(
        Locale.ROOT,
        "%s%3d%% %,d/%,d docs, %,.0f docs/s, %d:%02d left",
        bar,
        percent,
        done,
        total,
        rate,
        left / 60,
        left % 60);
  }
}
