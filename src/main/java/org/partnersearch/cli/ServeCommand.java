package org.partnersearch.cli;

import static org.partnersearch.config.ServiceConfig.DEFAULT_ANALYTICS_DAYS;
import static org.partnersearch.config.ServiceConfig.DEFAULT_DRAIN_SECONDS;
import static org.partnersearch.config.ServiceConfig.DEFAULT_HOST;
import static org.partnersearch.config.ServiceConfig.DEFAULT_PORT;
import static org.partnersearch.config.ServiceConfig.DEFAULT_REFRESH_SECONDS;
import static org.partnersearch.config.ServiceConfig.DEFAULT_SHUTDOWN_SECONDS;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.partnersearch.config.ServiceConfig;
import org.partnersearch.config.WebConfig;
import org.partnersearch.corpus.CorpusException;
import org.partnersearch.ops.LogSetup;
import org.partnersearch.service.PartnerSearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the search API and page; builds the index from the corpus first if there is none "
          + "or it was built by an older version.",
      "The admin routes (/api/admin/*) are on when the environment variable PARTNER_SEARCH_ADMIN_TOKEN holds a "
          + "token of at least 16 characters; it is never an option, because options show in the process list."
    })
final class ServeCommand implements Callable<Integer> {
  /** The bearer token of /metrics; without it /metrics is public. */
  static final String METRICS_TOKEN_ENV = "PARTNER_SEARCH_METRICS_TOKEN";

  @Spec CommandSpec spec;

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }

  @Mixin CorpusOption corpus;
  @Mixin IndexOption index;

  @Option(
      names = "--port",
      defaultValue = "${env:PARTNER_SEARCH_PORT:-" + DEFAULT_PORT + "}",
      description =
          "HTTP port; 0 picks a free one (env PARTNER_SEARCH_PORT, default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "${env:PARTNER_SEARCH_HOST:-" + DEFAULT_HOST + "}",
      description = "Address to listen on (env PARTNER_SEARCH_HOST, default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--refresh-seconds",
      defaultValue = "${env:PARTNER_SEARCH_REFRESH_SECONDS:-" + DEFAULT_REFRESH_SECONDS + "}",
      description =
          "How often to look for a newer index generation published by the index command "
              + "(env PARTNER_SEARCH_REFRESH_SECONDS, default: ${DEFAULT-VALUE}).")
  int refreshSeconds;

  @Option(
      names = "--cors-origins",
      defaultValue = "${env:PARTNER_SEARCH_CORS_ORIGINS:-}",
      description =
          "Comma-separated origins (https://example.org) whose pages may call the API, e.g. to embed "
              + "widget.js; * allows all (env PARTNER_SEARCH_CORS_ORIGINS, default: none).")
  String corsOrigins;

  @Option(
      names = "--rate-limit",
      defaultValue = "${env:PARTNER_SEARCH_RATE_LIMIT:-600}",
      description =
          "Search and suggest requests per minute per client, 0 for none "
              + "(env PARTNER_SEARCH_RATE_LIMIT, default: ${DEFAULT-VALUE}).")
  int rateLimit;

  @Option(
      names = "--trusted-proxies",
      defaultValue = "${env:PARTNER_SEARCH_TRUSTED_PROXIES:-}",
      description =
          "Comma-separated addresses of reverse proxies whose X-Forwarded-For is believed "
              + "(env PARTNER_SEARCH_TRUSTED_PROXIES, default: none).")
  String trustedProxies;

  @Option(
      names = "--public-url",
      defaultValue = "${env:PARTNER_SEARCH_PUBLIC_URL:-}",
      description =
          "The address visitors reach the service at (https://partners.example.org), for the absolute "
              + "URLs of /opensearch.xml; without it they come from the request's Host, or X-Forwarded-Host and "
              + "X-Forwarded-Proto of a trusted proxy (env PARTNER_SEARCH_PUBLIC_URL, default: none).")
  String publicUrl;

  @Option(
      names = "--log-format",
      defaultValue = "${env:PARTNER_SEARCH_LOG_FORMAT:-text}",
      description =
          "text (readable lines) or json (one JSON object a line) (env PARTNER_SEARCH_LOG_FORMAT, "
              + "default: ${DEFAULT-VALUE}).")
  String logFormat;

  @Option(
      names = "--log-client-address",
      defaultValue = "${env:PARTNER_SEARCH_LOG_CLIENT_ADDRESS:-false}",
      arity = "0..1",
      description =
          "Write the client's IP address into the access log; personal data "
              + "(env PARTNER_SEARCH_LOG_CLIENT_ADDRESS, default: ${DEFAULT-VALUE}).")
  boolean logClientAddress;

  /**
   * The admin token comes from the environment only, never from an option: every user of the
   * machine can read a process's command line ({@code ps}, {@code /proc/<pid>/cmdline}).
   */
  static final String ADMIN_TOKEN_VARIABLE = "PARTNER_SEARCH_ADMIN_TOKEN";

  /** Where the admin and metrics tokens are read; the process's environment, or a test's. */
  Map<String, String> environment = System.getenv();

  @Option(
      names = "--drain-seconds",
      defaultValue = "${env:PARTNER_SEARCH_DRAIN_SECONDS:-" + DEFAULT_DRAIN_SECONDS + "}",
      description =
          "On SIGTERM, how long /readyz answers 503 STOPPING while requests are still served, so a load "
              + "balancer stops sending new ones before the port closes (env PARTNER_SEARCH_DRAIN_SECONDS, "
              + "default: ${DEFAULT-VALUE}).")
  int drainSeconds;

  @Option(
      names = "--shutdown-seconds",
      defaultValue = "${env:PARTNER_SEARCH_SHUTDOWN_SECONDS:-" + DEFAULT_SHUTDOWN_SECONDS + "}",
      description =
          "On SIGTERM, after the drain, how long requests in flight may take to finish "
              + "(env PARTNER_SEARCH_SHUTDOWN_SECONDS, default: ${DEFAULT-VALUE}).")
  int shutdownSeconds;

  @Option(
      names = "--analytics-days",
      defaultValue = "${env:PARTNER_SEARCH_ANALYTICS_DAYS:-" + DEFAULT_ANALYTICS_DAYS + "}",
      description =
          "Days of search analytics to keep (env PARTNER_SEARCH_ANALYTICS_DAYS, default: ${DEFAULT-VALUE}).")
  int analyticsDays;

  @Option(
      names = "--cache-seconds",
      defaultValue = "${env:PARTNER_SEARCH_CACHE_SECONDS:-" + WebConfig.DEFAULT_CACHE_SECONDS + "}",
      description =
          "How long browsers, proxies and CDNs may reuse an answer of the public API or a static file "
              + "(Cache-Control max-age; 0: always revalidate with the ETag) (env PARTNER_SEARCH_CACHE_SECONDS, "
              + "default: ${DEFAULT-VALUE}).")
  int cacheSeconds;

  @Option(
      names = "--replica",
      defaultValue = "${env:PARTNER_SEARCH_REPLICA:-false}",
      arity = "0..1",
      description =
          "Only read the index folder, shared with other replicas: never build, rebuild or remove a "
              + "generation (the index command publishes them), wait for one to be published "
              + "(env PARTNER_SEARCH_REPLICA, default: ${DEFAULT-VALUE}).")
  boolean replica;

  @Option(
      names = "--analytics-file",
      defaultValue = "${env:PARTNER_SEARCH_ANALYTICS_FILE:-}",
      description =
          "Where the search analytics are kept (env PARTNER_SEARCH_ANALYTICS_FILE, default: "
              + "analytics.json in the index folder; for a replica analytics-<host name>.json there).")
  String analyticsFile;

  /** The one configuration object of the process, built once from the options. */
  ServiceConfig config() {
    String adminToken = environment.getOrDefault(ADMIN_TOKEN_VARIABLE, "");
    Path analytics =
        !analyticsFile.isBlank()
            ? Path.of(analyticsFile)
            : replica
                ? ServiceConfig.replicaAnalyticsFile(index.index, hostName())
                : ServiceConfig.defaultAnalyticsFile(index.index);
    return new ServiceConfig(
        host,
        port,
        index.index,
        corpus.corpus,
        Duration.ofSeconds(refreshSeconds),
        WebConfig.withCorsOrigins(corsOrigins)
            .withAdminToken(adminToken)
            .withRequestsPerMinute(rateLimit)
            .withTrustedProxies(trustedProxies)
            .withCacheSeconds(cacheSeconds)
            .withPublicUrl(publicUrl)
            // NOTE: from the environment only, like the admin token: options show in the process
            // list.
            .withMetricsToken(environment.get(METRICS_TOKEN_ENV)),
        ServiceConfig.LogFormat.parse(logFormat),
        logClientAddress,
        Duration.ofSeconds(drainSeconds),
        Duration.ofSeconds(shutdownSeconds),
        analyticsDays,
        replica,
        analytics);
  }

  /** The pod's name on Kubernetes (its HOSTNAME), the machine's name elsewhere. */
  private String hostName() {
    String env = environment.get("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  @Override
  public Integer call() throws Exception {
    ServiceConfig config;
    try {
      config = config();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          e.getMessage().startsWith("the admin token")
              ? e.getMessage() + " (" + ADMIN_TOKEN_VARIABLE + ")"
              : e.getMessage(),
          e);
    }
    LogSetup.apply(config.logFormat());
    PartnerSearchService service = new PartnerSearchService(config);
    // SIGTERM (docker stop, systemctl stop) and Ctrl-C: drain, then close the index.
    Runtime.getRuntime().addShutdownHook(new Thread(service::stop, "shutdown"));
    try {
      service.start();
    } catch (CorpusException e) {
      err().println(e.getMessage());
      service.stop();
      return Main.CORPUS_ERROR;
    }
    service.awaitStop();
    return 0;
  }
}
