package org.partnersearch.cli;

import io.javalin.Javalin;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import org.partnersearch.PartnerSearch;
import org.partnersearch.Reindexer;
import org.partnersearch.corpus.CorpusException;
import org.partnersearch.search.LiveIndex;
import org.partnersearch.search.PartnerSearcher;
import org.partnersearch.web.ApiServer;
import org.partnersearch.web.WebConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the search API and page; builds the index from the corpus first if there is none.")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }

  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Mixin CorpusOption corpus;
  @Mixin IndexOption index;

  @Option(names = "--port", defaultValue = "${env:PARTNER_SEARCH_PORT:-7070}",
      description = "HTTP port (env PARTNER_SEARCH_PORT, default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "${env:PARTNER_SEARCH_HOST:-0.0.0.0}",
      description = "Address to listen on (env PARTNER_SEARCH_HOST, default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--refresh-seconds", defaultValue = "${env:PARTNER_SEARCH_REFRESH_SECONDS:-2}",
      description = "How often to look for a newer index generation published by the index command.")
  int refreshSeconds;

  @Option(names = "--cors-origins", defaultValue = "${env:PARTNER_SEARCH_CORS_ORIGINS:-}",
      description = "Comma-separated origins (https://example.org) whose pages may call the API, e.g. to embed "
          + "widget.js; * allows all (env PARTNER_SEARCH_CORS_ORIGINS, default: none).")
  String corsOrigins;

  @Option(names = "--rate-limit", defaultValue = "${env:PARTNER_SEARCH_RATE_LIMIT:-600}",
      description = "Search and suggest requests per minute per client, 0 for none "
          + "(env PARTNER_SEARCH_RATE_LIMIT, default: ${DEFAULT-VALUE}).")
  int rateLimit;

  @Option(names = "--trusted-proxies", defaultValue = "${env:PARTNER_SEARCH_TRUSTED_PROXIES:-}",
      description = "Comma-separated addresses of reverse proxies whose X-Forwarded-For is believed "
          + "(env PARTNER_SEARCH_TRUSTED_PROXIES, default: none).")
  String trustedProxies;

  @Option(names = "--time-budget-ms", defaultValue = "${env:PARTNER_SEARCH_TIME_BUDGET_MS:-500}",
      description = "How long one search may take inside Lucene before it answers partially "
          + "(env PARTNER_SEARCH_TIME_BUDGET_MS, default: ${DEFAULT-VALUE}).")
  long timeBudgetMs;

  /** Read from the environment only: a token on the command line would show in every process list. */
  static final String ADMIN_TOKEN_ENV = "PARTNER_SEARCH_ADMIN_TOKEN";

  @Override
  public Integer call() throws Exception {
    WebConfig web;
    try {
      web = WebConfig.withCorsOrigins(corsOrigins)
          .withAdminToken(System.getenv(ADMIN_TOKEN_ENV))
          .withRequestsPerMinute(rateLimit)
          .withTrustedProxies(trustedProxies);
    } catch (IllegalArgumentException e) {
      err().println(e.getMessage());
      return Main.USAGE_ERROR;
    }
    try (PartnerSearch app = new PartnerSearch()) {
      if (!app.hasIndex(index.index)) {
        LOG.info("no index in {}: building it from {}", index.index, corpus.corpus);
        try {
          app.index(corpus.corpus, index.index);
        } catch (CorpusException e) {
          err().println(e.getMessage());
          return Main.CORPUS_ERROR;
        }
      }
      try (LiveIndex live = app.openIndex(index.index)) {
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "index-refresh");
          t.setDaemon(true);
          return t;
        });
        refresher.scheduleWithFixedDelay(() -> refresh(live), refreshSeconds, refreshSeconds, TimeUnit.SECONDS);
        PartnerSearcher searcher = app.searcher(live, Duration.ofMillis(timeBudgetMs));
        searcher.warmUp();
        Reindexer reindexer = new Reindexer(app, corpus.corpus, index.index, live);
        Javalin server = new ApiServer(searcher, web, reindexer).create().start(host, port);
        if (web.adminToken().isEmpty()) {
          LOG.info("admin routes are off: set {} to enable them", ADMIN_TOKEN_ENV);
        }
        LOG.info("partner-search listening on http://{}:{}/", host, server.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          server.stop();
          refresher.shutdownNow();
          stopped.countDown();
        }, "shutdown"));
        stopped.await();
      }
    }
    return 0;
  }

  private static void refresh(LiveIndex live) {
    try {
      live.maybeRefresh();
    } catch (Exception e) {
      LOG.error("could not switch to the newest index generation", e);
    }
  }
}
