package org.partnersearch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.partnersearch.RealCorpus;
import org.partnersearch.SharedRealCorpus;
import org.partnersearch.config.WebConfig;
import org.partnersearch.service.Reindexer;

/** The real corpus behind the real HTTP server on a random port, and a real HTTP client. */
final class ApiFixture implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final RealCorpus corpus;
  final Javalin server;

  /** Whether {@link #close()} closes the corpus too: not the run's shared one. */
  private final boolean ownsCorpus;

  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * The default server over the run's shared corpus ({@link SharedRealCorpus}), which stays open.
   */
  ApiFixture(RealCorpus shared) {
    this(
        shared,
        searcher ->
            new ApiServer(WebConfig.DEFAULT, OpsRoutes.standalone(searcher), () -> searcher, null));
  }

  /**
   * With web settings, and admin routes that reindex from {@code corpusDir} when a token is set.
   */
  ApiFixture(Path indexDir, WebConfig web, Path corpusDir) throws Exception {
    corpus = RealCorpus.indexInto(indexDir, corpusDir);
    ownsCorpus = true;
    corpus.searcher.warmUp(); // as `serve` does before it listens
    Reindexer reindexer = new Reindexer(corpus.app, corpusDir, indexDir, corpus.index);
    server =
        new ApiServer(
                web, OpsRoutes.standalone(corpus.searcher), () -> corpus.searcher, () -> reindexer)
            .create()
            .start("127.0.0.1", 0);
  }

  /**
   * With a server made by {@code server} (e.g. one with an admin token) over the run's shared
   * corpus.
   */
  ApiFixture(
      RealCorpus shared,
      java.util.function.Function<org.partnersearch.search.PartnerSearcher, ApiServer> server) {
    corpus = shared;
    ownsCorpus = false;
    corpus.searcher.warmUp(); // as `serve` does before it listens
    this.server = server.apply(corpus.searcher).create().start("127.0.0.1", 0);
  }

  record Response(int status, String body, JsonNode json, String contentType, long millis) {}

  Response get(String pathAndQuery) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
  }

  Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
    long start = System.nanoTime();
    HttpResponse<String> r =
        client.send(
            request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    long millis = (System.nanoTime() - start) / 1_000_000;
    JsonNode json = null;
    try {
      json = JSON.readTree(r.body());
    } catch (IOException notJson) {
      // left null: tests that expect JSON fail on it with the body in the message
    }
    return new Response(
        r.statusCode(), r.body(), json, r.headers().firstValue("content-type").orElse(""), millis);
  }

  /**
   * Sends a request line exactly as given over a plain socket, for what a well-behaved client
   * refuses to send (invalid percent-encoding, odd paths).
   */
  Response raw(String pathAndQuery) throws IOException {
    return raw("GET", pathAndQuery, java.util.Map.of(), "");
  }

  /** A whole request as given: method, target, extra headers and a body. */
  Response raw(String method, String target, java.util.Map<String, String> headers, String body)
      throws IOException {
    long start = System.nanoTime();
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(5000);
      StringBuilder lines =
          new StringBuilder(
              method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
      headers.forEach((k, v) -> lines.append(k).append(": ").append(v).append("\r\n"));
      byte[] payload = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      if (payload.length > 0) {
        lines.append("Content-Length: ").append(payload.length).append("\r\n");
      }
      String request = lines + "\r\n" + body;
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String answer =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      long millis = (System.nanoTime() - start) / 1_000_000;
      int status = Integer.parseInt(answer.substring(9, 12));
      int split = answer.indexOf("\r\n\r\n");
      String head = answer.substring(0, split);
      String content = answer.substring(split + 4);
      if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
        content = dechunk(content);
      }
      JsonNode json = null;
      try {
        json = JSON.readTree(content);
      } catch (IOException notJson) {
        // left null
      }
      String type =
          head.lines()
              .filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
              .map(l -> l.substring(13).trim())
              .findFirst()
              .orElse("");
      return new Response(status, content, json, type, millis);
    }
  }

  private static String dechunk(String chunked) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < chunked.length()) {
      int eol = chunked.indexOf("\r\n", i);
      int size = Integer.parseInt(chunked.substring(i, eol).trim(), 16);
      if (size == 0) {
        break;
      }
      out.append(chunked, eol + 2, eol + 2 + size);
      i = eol + 2 + size + 2;
    }
    return out.toString();
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  @Override
  public void close() throws Exception {
    server.stop();
    if (ownsCorpus) {
      corpus.close();
    }
  }
}
