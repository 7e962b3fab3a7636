package org.partnersearch.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;
import org.apache.lucene.util.IOUtils;

/**
 * The most expensive requests a visitor can send within the documented limits, and what each costs
 * the server: CPU time (user + system of the server's process, from {@code /proc}) and wall time
 * per request, against an ordinary search. Runs the real server ({@code serve} on the real corpus,
 * its own JVM, no rate limit) and sends each kind of request a number of times in a row from one
 * client. Before the crafted searches it sends a few hundred requests with odd method names, then
 * scrapes {@code /metrics} and prints its size: what the flood left in the metrics. See
 * docs/benchmarks.md ("Worst-case requests").
 *
 * <pre>
 * mvn -q -B test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.partnersearch.bench.CostBenchmark -Dexec.args="--repeat 10"
 * </pre>
 */
public final class CostBenchmark {
  private static final long START_TIMEOUT_NANOS = 600_000_000_000L;

  /**
   * Odd-method requests sent before the scrape: the security review sent 6,000 of 15,000 letters.
   */
  private static final int ODD_METHODS = 300;

  private static final int ODD_METHOD_LETTERS = 2_000;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final int repeat;
  private final String origin;
  private final int port;

  private CostBenchmark(int repeat, int port) {
    this.repeat = repeat;
    this.port = port;
    this.origin = "http://127.0.0.1:" + port;
  }

  public static void main(String[] args) throws Exception {
    int repeat = args.length == 2 && args[0].equals("--repeat") ? Integer.parseInt(args[1]) : 10;
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path work = Files.createTempDirectory("cost-bench-");
    try {
      new CostBenchmark(repeat, port).run(work);
    } finally {
      IOUtils.rm(work);
    }
  }

  /** One kind of request: its name and the request to send for repetition {@code i}. */
  private record Kind(String name, IntFunction<HttpRequest> request) {}

  private void run(Path work) throws Exception {
    try (JvmProcess server =
        JvmProcess.startServer(
            work, "server", List.of("-Xmx1g"), work.resolve("index"), Path.of("corpus"), port)) {
      untilOk(server, origin + "/api/search?q=Forschung");
      for (Kind kind :
          kinds()) { // warm-up: each kind a few times, so the JIT has compiled its path
        for (int i = 0; i < 3; i++) {
          http.send(kind.request().apply(i), HttpResponse.BodyHandlers.discarding());
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%-46s %8s %12s %12s %10s%n",
          "request",
          "status",
          "CPU ms/req",
          "wall ms/req",
          "bytes");
      for (Kind kind : kinds()) {
        measure(server, kind);
      }
      double cpu = server.cpuMillis();
      long began = System.nanoTime();
      int sent = oddMethods();
      System.out.printf(
          Locale.ROOT,
          "%-46s %8s %12.1f %12.1f %10s%n",
          sent + " requests with " + ODD_METHOD_LETTERS + "-letter methods",
          "-",
          (server.cpuMillis() - cpu) / sent,
          (System.nanoTime() - began) / 1e6 / sent,
          "-");
      measure(server, new Kind("GET /metrics after the odd methods", i -> get("/metrics")));
      Files.writeString(Path.of("target", "cost-benchmark-server.log"), server.output());
    }
  }

  private List<Kind> kinds() {
    String unknown = String.join(" ", unknownWords(21, 23));
    String explainQuery = String.join(" ", nearMisses());
    String longTypos = String.join(" ", unknownWords(32, 14));
    String compounds =
        "Krebsforschung Kernforschung Strahlenforschung Endlagerforschung Materialforschung "
            + "Umweltforschung Energieforschung Gesundheitsforschung Sicherheitsforschung Klimaforschung "
            + "Werkstoffforschung Rohstoffforschung";
    List<Kind> kinds = new ArrayList<>();
    kinds.add(new Kind("search: Forschung (ordinary)", i -> get("/api/search?q=Forschung")));
    kinds.add(new Kind("search: 12 compounds", i -> get("/api/search?q=" + encode(compounds))));
    kinds.add(
        new Kind(
            "search: 21 unknown 23-letter words, explain",
            i -> get("/api/search?explain=true&size=50&q=" + encode(unknown))));
    kinds.add(
        new Kind(
            "search: 21 long near-misses",
            i -> get("/api/search?size=50&q=" + encode(explainQuery))));
    kinds.add(
        new Kind(
            "search: same, explain=true&size=50",
            i -> get("/api/search?explain=true&size=50&q=" + encode(explainQuery))));
    kinds.add(
        new Kind(
            "search: 32 unknown 14-letter words, explain",
            i -> get("/api/search?explain=true&size=50&q=" + encode(longTypos))));
    kinds.add(
        new Kind(
            "suggest: 100 letters of typos",
            i -> get("/api/suggest?size=20&q=" + encode(String.join(" ", unknownWords(7, 13))))));
    kinds.add(
        new Kind(
            "POST /api/suggest/picks (spam text)",
            i ->
                HttpRequest.newBuilder(URI.create(origin + "/api/suggest/picks"))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"kind\":\"term\",\"text\":\"spam "
                                + i
                                + " "
                                + "x".repeat(900)
                                + "\"}"))
                    .build()));
    kinds.add(new Kind("GET /metrics", i -> get("/metrics")));
    return kinds;
  }

  private void measure(JvmProcess server, Kind kind) throws Exception {
    double cpu = server.cpuMillis();
    long began = System.nanoTime();
    int status = 0;
    long bytes = 0;
    for (int i = 0; i < repeat; i++) {
      HttpResponse<byte[]> response =
          http.send(kind.request().apply(1000 + i), HttpResponse.BodyHandlers.ofByteArray());
      status = response.statusCode();
      bytes = response.body().length;
    }
    System.out.printf(
        Locale.ROOT,
        "%-46s %8d %12.1f %12.1f %10d%n",
        kind.name(),
        status,
        (server.cpuMillis() - cpu) / repeat,
        (System.nanoTime() - began) / 1e6 / repeat,
        bytes);
  }

  /**
   * Requests whose method is a long random word, over a raw socket (HttpClient sends only sane
   * ones).
   */
  private int oddMethods() throws Exception {
    Random random = new Random(7);
    for (int i = 0; i < ODD_METHODS; i++) {
      StringBuilder method = new StringBuilder();
      for (int c = 0; c < ODD_METHOD_LETTERS; c++) {
        method.append((char) ('A' + random.nextInt(26)));
      }
      try (Socket socket = new Socket("127.0.0.1", port)) {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(
            (method + " /api/search HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        in.readAllBytes();
      }
    }
    return ODD_METHODS;
  }

  private HttpRequest get(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(origin + pathAndQuery)).GET().build();
  }

  /**
   * 21 long words of the corpus, each with one letter changed: every one is a typo within reach of
   * the near-spelling queries, so the relaxed search finds hits and explain has work for each.
   */
  static List<String> nearMisses() {
    List<String> words =
        List.of(
            "Strahlentherapie",
            "Forschungszentrum",
            "Endlagerforschung",
            "Strahlenforschung",
            "Ressourcentechnologie",
            "Radiopharmazie",
            "Radioonkologie",
            "Quantenmaterialien",
            "Protonentherapie",
            "Materialforschung",
            "Krebsforschung",
            "Beschleunigertechnik",
            "Werkstoffforschung",
            "Verbundprojekt",
            "Universitätsklinikum",
            "Tumorerkrankungen",
            "Reaktorsicherheit",
            "Radiodiagnostika",
            "Partnerstandort",
            "Lebensmittelchemie",
            "Kompetenzverbund");
    return words.stream()
        .map(w -> w.substring(0, w.length() / 2) + "x" + w.substring(w.length() / 2 + 1))
        .toList();
  }

  /** Words no index has: letters drawn from a fixed seed, capitalised like German nouns. */
  static List<String> unknownWords(int count, int letters) {
    Random random = new Random(42);
    List<String> words = new ArrayList<>();
    String alphabet = "abcdefghiklmnoprstuvw";
    for (int w = 0; w < count; w++) {
      StringBuilder word = new StringBuilder().append((char) ('A' + random.nextInt(26)));
      for (int c = 1; c < letters; c++) {
        word.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      words.add(word.toString());
    }
    return words;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private void untilOk(JvmProcess process, String url) throws Exception {
    while (System.nanoTime() - process.startedNanos < START_TIMEOUT_NANOS) {
      try {
        if (http.send(
                    HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // not listening yet
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the server ended before answering:\n" + process.output());
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(url + " did not answer 200 in time:\n" + process.output());
  }
}
