package org.partnersearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnersearch.RealCorpus;
import org.partnersearch.serving.SnapshotOpener;
import org.slf4j.LoggerFactory;

/**
 * The load benchmark reads the server's "opened" line from its log: the real line, laid out with
 * the patterns of both logback configurations (the server's, and the tests' that a benchmark server
 * run from the test class path picks up), must give it the open time and the suggester's entries.
 */
class OpenedLogLineTest {
  private static final Pattern LOGBACK_PATTERN = Pattern.compile("<pattern>(.*?)</pattern>");

  @TempDir Path dir;

  @Test
  void theBenchmarkParsesTheOpenedLineInBothLogbackLayouts() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(SnapshotOpener.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    long entries;
    try (RealCorpus corpus = RealCorpus.indexInto(dir)) {
      var snapshot = corpus.index.acquire();
      try {
        entries = snapshot.suggester().size();
      } finally {
        corpus.index.release(snapshot);
      }
    } finally {
      logger.detachAppender(lines);
    }
    assertEquals(1, lines.list.size(), lines.list.toString());
    for (Path config :
        List.of(
            Path.of("src/main/resources/logback.xml"),
            Path.of("src/test/resources/logback-test.xml"))) {
      String line = layout(logger, config).doLayout(lines.list.get(0));
      Matcher opened = LoadBenchmark.OPENED.matcher(line);
      assertTrue(opened.find(), config + ": " + line);
      assertEquals(entries, Long.parseLong(opened.group(2)), line);
      assertTrue(
          Long.parseLong(opened.group(3)) <= Long.parseLong(opened.group(1)),
          "the suggester is part of the open: " + line);
    }
  }

  private static PatternLayout layout(Logger logger, Path config) throws Exception {
    Matcher pattern = LOGBACK_PATTERN.matcher(Files.readString(config));
    assertTrue(pattern.find(), "no <pattern> in " + config);
    PatternLayout layout = new PatternLayout();
    layout.setContext(logger.getLoggerContext());
    layout.setPattern(pattern.group(1));
    layout.start();
    return layout;
  }
}
