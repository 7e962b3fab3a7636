package org.partnersearch.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Everything {@code serve} is configured with, read once at start from the command line and the
 * environment (picocli fills the options, {@code ${env:…}} defaults included) and passed down. The
 * defaults are named here; the option declarations and the README table use the same values.
 *
 * @param logClientAddress whether the access log names the client's IP address (personal data: off
 *     by default)
 * @param drainDelay after SIGTERM, how long {@code /readyz} answers 503 while the port stays open,
 *     so load balancers stop sending requests before it closes
 * @param shutdownTimeout how long in-flight requests may take to finish after the drain
 * @param analyticsDays how many days of search analytics are kept (and the longest window asked
 *     for)
 * @param replica a read-only reader of a shared index folder: never builds, rebuilds or removes a
 *     generation (the {@code index} command publishes), waits for one to be published, no admin
 *     reindex
 * @param analyticsFile where the search analytics are kept; one per replica, never shared
 */
public record ServiceConfig(
    String host,
    int port,
    Path indexDir,
    Path corpusDir,
    Duration refreshInterval,
    WebConfig web,
    LogFormat logFormat,
    boolean logClientAddress,
    Duration drainDelay,
    Duration shutdownTimeout,
    int analyticsDays,
    boolean replica,
    Path analyticsFile) {

  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 7070;
  public static final String DEFAULT_INDEX = "index";
  public static final String DEFAULT_CORPUS = "corpus";
  public static final int DEFAULT_REFRESH_SECONDS = 2;

  /**
   * Long enough for a load balancer polling {@code /readyz} every second to see the 503 twice. With
   * {@link #DEFAULT_SHUTDOWN_SECONDS} below Docker's 10 s between SIGTERM and SIGKILL, so a drained
   * shutdown is never cut short.
   */
  public static final int DEFAULT_DRAIN_SECONDS = 2;

  /** See {@link #DEFAULT_DRAIN_SECONDS}: together 9 s. */
  public static final int DEFAULT_SHUTDOWN_SECONDS = 7;

  public static final int DEFAULT_ANALYTICS_DAYS = 30;

  /**
   * How log lines are written: {@code text} for people, {@code json} (one object a line) for
   * collectors.
   */
  public enum LogFormat {
    TEXT,
    JSON;

    public static LogFormat parse(String text) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("log format must be text or json, not '" + text + "'");
      }
    }
  }

  public ServiceConfig {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535");
    }
    if (refreshInterval.isNegative() || refreshInterval.isZero()) {
      throw new IllegalArgumentException("refresh interval must be at least one second");
    }
    if (drainDelay.isNegative()) {
      throw new IllegalArgumentException("drain seconds must not be negative");
    }
    if (shutdownTimeout.isNegative()) {
      throw new IllegalArgumentException("shutdown timeout must not be negative");
    }
    if (analyticsDays < 1 || analyticsDays > 366) {
      throw new IllegalArgumentException("analytics days must be between 1 and 366");
    }
  }

  /** A single server (not a replica) with its analytics in the index folder. */
  public ServiceConfig(
      String host,
      int port,
      Path indexDir,
      Path corpusDir,
      Duration refreshInterval,
      WebConfig web,
      LogFormat logFormat,
      boolean logClientAddress,
      Duration drainDelay,
      Duration shutdownTimeout,
      int analyticsDays) {
    this(
        host,
        port,
        indexDir,
        corpusDir,
        refreshInterval,
        web,
        logFormat,
        logClientAddress,
        drainDelay,
        shutdownTimeout,
        analyticsDays,
        false,
        defaultAnalyticsFile(indexDir));
  }

  /** The defaults, as {@code serve} without options and environment uses them; for tests. */
  public static ServiceConfig defaults() {
    return new ServiceConfig(
        DEFAULT_HOST,
        DEFAULT_PORT,
        Path.of(DEFAULT_INDEX),
        Path.of(DEFAULT_CORPUS),
        Duration.ofSeconds(DEFAULT_REFRESH_SECONDS),
        WebConfig.DEFAULT,
        LogFormat.TEXT,
        false,
        Duration.ofSeconds(DEFAULT_DRAIN_SECONDS),
        Duration.ofSeconds(DEFAULT_SHUTDOWN_SECONDS),
        DEFAULT_ANALYTICS_DAYS);
  }

  /**
   * A single server's analytics live beside the generations, in the index folder (clean-up leaves
   * it alone).
   */
  public static Path defaultAnalyticsFile(Path indexDir) {
    return indexDir.resolve("analytics.json");
  }

  /**
   * Each replica counts what it answered, in a file of its own beside the generations, named after
   * its host (a pod's name on Kubernetes); replicas on one machine are given a file each.
   */
  public static Path replicaAnalyticsFile(Path indexDir, String host) {
    return indexDir.resolve("analytics-" + host.replaceAll("[^A-Za-z0-9.-]", "_") + ".json");
  }

  /** The whole configuration as the start-up log line shows it; never prints the admin token. */
  @Override
  public String toString() {
    return "ServiceConfig[host="
        + host
        + ", port="
        + port
        + ", index="
        + indexDir
        + ", corpus="
        + corpusDir
        + ", refresh="
        + refreshInterval
        + ", corsOrigins="
        + web.corsOrigins()
        + ", rateLimit="
        + web.requestsPerMinute()
        + "/min, trustedProxies="
        + web.trustedProxies()
        + ", publicUrl="
        + web.publicUrl().orElse("none")
        + ", metrics="
        + (web.metricsToken().isPresent() ? "token" : "public")
        + ", logFormat="
        + logFormat
        + ", logClientAddress="
        + logClientAddress
        + ", admin="
        + (web.adminToken().isPresent() ? "on" : "off")
        + ", drain="
        + drainDelay
        + ", shutdownTimeout="
        + shutdownTimeout
        + ", analyticsDays="
        + analyticsDays
        + ", cacheMaxAge="
        + web.cacheMaxAge()
        + ", replica="
        + replica
        + ", analyticsFile="
        + analyticsFile
        + "]";
  }
}
