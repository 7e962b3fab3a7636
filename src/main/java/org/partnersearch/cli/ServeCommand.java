package org.partnersearch.cli;

import io.javalin.Javalin;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.partnersearch.PartnerSearch;
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

  @Override
  public Integer call() throws Exception {
    WebConfig web;
    try {
      web = WebConfig.withCorsOrigins(corsOrigins);
    } catch (IllegalArgumentException e) {
      err().println("--cors-origins: " + e.getMessage());
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
        PartnerSearcher searcher = app.searcher(live);
        searcher.warmUp();
        Javalin server = new ApiServer(searcher, web).create().start(host, port);
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
