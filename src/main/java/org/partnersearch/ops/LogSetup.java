package org.partnersearch.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.partnersearch.config.ServiceConfig.LogFormat;
import org.slf4j.LoggerFactory;

/**
 * Switches the console log to JSON lines when asked for; text lines (logback.xml) otherwise. Called
 * once at start, before the first request.
 */
public final class LogSetup {
  private LogSetup() {}

  public static void apply(LogFormat format) {
    if (format != LogFormat.JSON
        || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ConsoleAppender<ILoggingEvent> json = new ConsoleAppender<>();
    json.setContext(context);
    json.setName("JSON");
    json.setTarget("System.err");
    FlatJsonEncoder encoder = new FlatJsonEncoder();
    encoder.setContext(context);
    encoder.start();
    json.setEncoder(encoder);
    json.start();
    root.detachAndStopAllAppenders();
    root.addAppender(json);
  }

  /** Restores the log level that {@link #warningsOnly()} replaced. */
  public interface Quiet extends AutoCloseable {
    @Override
    void close();
  }

  /** Until closed, only warnings and errors are logged: for the one-off commands. */
  public static Quiet warningsOnly() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return () -> {};
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    root.setLevel(Level.WARN);
    return () -> root.setLevel(before);
  }
}
