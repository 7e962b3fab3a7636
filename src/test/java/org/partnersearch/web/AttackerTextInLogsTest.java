package org.partnersearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnersearch.RealCorpus;
import org.partnersearch.SharedRealCorpus;
import org.slf4j.LoggerFactory;

/**
 * Text a client sends reaches the log only escaped and only so often: Jetty quotes a bad Host port
 * verbatim in a warning, U+0085 (a line break to many log viewers) included.
 */
@ExtendWith(SharedRealCorpus.class)
class AttackerTextInLogsTest {
  static ApiFixture api;
  static final ListAppender<ILoggingEvent> LOGGED = new ListAppender<>();
  static Logger root;

  @BeforeAll
  static void start(RealCorpus shared) throws Exception {
    api = new ApiFixture(shared);
    root =
        ((LoggerContext) LoggerFactory.getILoggerFactory())
            .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    LOGGED.start();
    root.addAppender(LOGGED);
  }

  @AfterAll
  static void stop() throws Exception {
    root.detachAppender(LOGGED);
    api.close();
  }

  @Test
  void jettyWarningsQuotingAHostHeaderAreEscapedCutShortAndThrottled() throws Exception {
    for (int i = 0; i < 100; i++) {
      String status =
          send("GET / HTTP/1.1\r\nHost: localhost:9\u0085\u00A0" + "x".repeat(1000) + i + "\r\n");
      assertTrue(status.startsWith("HTTP/1.1 400"), status);
    }
    Thread.sleep(200); // the last warnings are written after the answer
    List<ILoggingEvent> jetty =
        LOGGED.list.stream()
            .filter(e -> e.getLoggerName().startsWith("org.eclipse.jetty"))
            .toList();
    assertFalse(jetty.isEmpty(), "Jetty warns about a bad port");
    assertTrue(jetty.size() <= 21, jetty.size() + " lines for 100 bad requests");
    for (ILoggingEvent e : jetty) {
      String line = e.getFormattedMessage();
      assertTrue(
          line.chars()
              .noneMatch(
                  c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT),
          line);
      assertTrue(line.length() <= 320, line.length() + " characters");
    }
    assertTrue(
        jetty.get(0).getFormattedMessage().contains("\\u0085\u00A0xxx"),
        jetty.get(0).getFormattedMessage());
    assertEquals(
        0,
        LOGGED.list.stream()
            .filter(
                e ->
                    e.getThrowableProxy() != null
                        && e.getLoggerName().startsWith("org.eclipse.jetty"))
            .count(),
        "no exception text of Jetty's unescaped");
  }

  private static String send(String head) throws IOException {
    try (Socket s = new Socket("127.0.0.1", api.server.port())) {
      s.setSoTimeout(5000);
      s.getOutputStream()
          .write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)
          .lines()
          .findFirst()
          .orElse("");
    }
  }
}
