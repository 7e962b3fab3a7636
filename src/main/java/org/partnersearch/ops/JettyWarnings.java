package org.partnersearch.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * Jetty's own log lines carry what clients sent: {@code Bad port [9\u0085evil]} quotes a Host
 * header verbatim, control characters (U+0085 is a line break to many log viewers), bidi overrides
 * and all, and anyone can make Jetty write as many as they like. So each of its lines is written
 * with control, format and line-separator characters escaped as {@code \\uXXXX}, cut to {@value
 * #MAX_CHARS} characters, its exception reduced to class and escaped message; and at most {@value
 * #PER_MINUTE} a minute are written, then one line saying how many were dropped.
 *
 * <p>A logback turbo filter (logback.xml), so it holds whatever the log format: the original event
 * is denied and its sanitised copy logged in its place through the same logger.
 */
public final class JettyWarnings extends TurboFilter {
  static final int MAX_CHARS = 300;
  static final int PER_MINUTE = 20;
  private static final String JETTY = "org.eclipse.jetty";
  private static final long MINUTE_MILLIS = 60_000;

  /** Set while this filter logs a sanitised copy, which must pass. */
  private final ThreadLocal<Boolean> relogging = ThreadLocal.withInitial(() -> false);

  private long windowStart;
  private int inWindow;
  private int dropped;

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    // NOTE: a level check (format null, as Jetty's isDebugEnabled asks it many times a request)
    // passes before the thread-local is read: that read was 0.6 % of a search over HTTP (JFR).
    if (format == null
        || relogging.get()
        || !logger.getName().startsWith(JETTY)
        || !logger.isEnabledFor(level)) {
      return FilterReply.NEUTRAL;
    }
    int droppedBefore;
    synchronized (this) {
      long now = System.currentTimeMillis();
      if (now - windowStart >= MINUTE_MILLIS) {
        windowStart = now;
        inWindow = 0;
      }
      if (++inWindow > PER_MINUTE) {
        dropped++;
        return FilterReply.DENY;
      }
      droppedBefore = dropped;
      dropped = 0;
    }
    String message = escape(MessageFormatter.arrayFormat(format, params, t).getMessage());
    Throwable cause = t != null ? t : MessageFormatter.getThrowableCandidate(params);
    if (cause != null) {
      message +=
          " ("
              + cause.getClass().getName()
              + ": "
              + escape(String.valueOf(cause.getMessage()))
              + ")";
    }
    relogging.set(true);
    try {
      if (droppedBefore > 0) {
        logger.warn(
            "{} more lines of Jetty dropped (at most {} a minute are written)",
            droppedBefore,
            PER_MINUTE);
      }
      log(logger, level, message);
    } finally {
      relogging.set(false);
    }
    return FilterReply.DENY;
  }

  private static void log(Logger logger, Level level, String message) {
    switch (level.toInt()) {
      case Level.ERROR_INT -> logger.error("{}", message);
      case Level.WARN_INT -> logger.warn("{}", message);
      case Level.INFO_INT -> logger.info("{}", message);
      default -> logger.debug("{}", message);
    }
  }

  /**
   * Control (C0, C1), format and line/paragraph separator characters as {@code \\uXXXX}; at most
   * {@link #MAX_CHARS}.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 16);
    for (int i = 0; i < text.length() && out.length() < MAX_CHARS; i++) {
      char c = text.charAt(i);
      int type = Character.getType(c);
      if (type == Character.CONTROL
          || type == Character.FORMAT
          || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR
          || type == Character.SURROGATE && !validSurrogate(text, i)) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.length() < MAX_CHARS || text.length() <= MAX_CHARS ? out.toString() : out + "…";
  }

  private static boolean validSurrogate(String text, int i) {
    char c = text.charAt(i);
    return Character.isHighSurrogate(c)
        ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }
}
