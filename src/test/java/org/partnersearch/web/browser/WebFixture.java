package org.partnersearch.web.browser;

import com.sun.net.httpserver.HttpServer;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.partnersearch.RealCorpus;
import org.partnersearch.config.WebConfig;
import org.partnersearch.web.ApiServer;
import org.partnersearch.web.OpsRoutes;

/**
 * The real service over the shipped corpus on a random port, plus a second server on another port
 * (so another origin) whose page embeds the widget the way a partner's site would: one element, one
 * script tag.
 */
final class WebFixture implements AutoCloseable {
  private static final String HOST_PAGE =
      """
      <!doctype html>
      <html lang="en">
      <head><meta charset="utf-8"><title>A partner's site</title></head>
      <body>
        <main>
          <h1>Our institute</h1>
          <div data-partner-search data-endpoint="%1$s"></div>
          <script src="%1$s/widget.js" defer></script>
        </main>
      </body>
      </html>
      """;

  final RealCorpus corpus;
  final Javalin service;
  final HttpServer hostSite;
  final String baseUrl;
  final String hostSiteUrl;

  /** Whether {@link #close()} closes the corpus too: not the run's shared one. */
  private final boolean ownsCorpus;

  private WebFixture(RealCorpus corpus, boolean ownsCorpus, Javalin service, HttpServer hostSite) {
    this.corpus = corpus;
    this.ownsCorpus = ownsCorpus;
    this.service = service;
    this.hostSite = hostSite;
    this.baseUrl = "http://127.0.0.1:" + service.port();
    this.hostSiteUrl = "http://127.0.0.1:" + hostSite.getAddress().getPort();
  }

  /**
   * Over the run's shared corpus ({@link org.partnersearch.SharedRealCorpus}), which it leaves
   * open.
   */
  static WebFixture over(RealCorpus shared) throws IOException {
    return serve(shared, false);
  }

  /** Over {@code corpusDir} indexed into {@code indexDir}, closed with the fixture. */
  static WebFixture start(Path indexDir, Path corpusDir) throws Exception {
    return serve(RealCorpus.indexInto(indexDir, corpusDir), true);
  }

  private static WebFixture serve(RealCorpus corpus, boolean ownsCorpus) throws IOException {
    HttpServer hostSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String hostOrigin = "http://127.0.0.1:" + hostSite.getAddress().getPort();
    corpus.searcher.warmUp(); // as `serve` does before it listens
    Javalin service =
        new ApiServer(
                new WebConfig(List.of(hostOrigin)),
                OpsRoutes.standalone(corpus.searcher),
                () -> corpus.searcher,
                null)
            .create()
            .start("127.0.0.1", 0);
    byte[] page =
        HOST_PAGE.formatted("http://127.0.0.1:" + service.port()).getBytes(StandardCharsets.UTF_8);
    hostSite.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    hostSite.start();
    return new WebFixture(corpus, ownsCorpus, service, hostSite);
  }

  /**
   * False while {@code /api/suggest} is not on this branch yet: the widget tests that need it skip.
   */
  boolean suggestAvailable() throws IOException, InterruptedException {
    HttpResponse<Void> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/suggest?q=endl")).build(),
                HttpResponse.BodyHandlers.discarding());
    return response.statusCode() != 404;
  }

  /**
   * The ids of the first page of hits the search layer answers, in English: what the page must show
   * for the same query and filters, whatever partners the corpus holds.
   */
  String[] hitIds(String q, List<String> areas, List<String> types) {
    return corpus
        .searcher
        .search(
            new org.partnersearch.search.SearchRequest(
                q,
                1,
                org.partnersearch.search.SearchRequest.DEFAULT_SIZE,
                areas,
                types,
                List.of(),
                org.partnersearch.corpus.Lang.EN,
                false))
        .hits()
        .stream()
        .map(org.partnersearch.search.SearchHit::id)
        .toArray(String[]::new);
  }

  String page(String pathAndQuery) {
    return baseUrl + pathAndQuery;
  }

  @Override
  public void close() throws IOException {
    hostSite.stop(0);
    service.stop();
    if (ownsCorpus) {
      corpus.close();
    }
  }
}
