package org.partnersearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnersearch.PartnerSearch;
import org.partnersearch.RealCorpus;
import org.partnersearch.web.OpsRoutes;

/**
 * SIGTERM to a real {@code serve} process: a request in flight finishes, then the process exits
 * within a bounded time. The request is a {@code /api/ping} slowed down by the test-only delay, so it
 * is certainly in flight when the signal arrives.
 */
class GracefulShutdownTest {
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");
  private static final long PING_DELAY_MILLIS = 3000;
  @TempDir Path dir;

  @Test
  void sigtermLetsARequestInFlightFinishThenExitsWithinTheShutdownTime() throws Exception {
    Path index = dir.resolve("index");
    try (PartnerSearch app = new PartnerSearch()) {
      app.index(RealCorpus.CORPUS, index); // so the child only opens it
    }
    Process server = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-D" + OpsRoutes.TEST_PING_DELAY_PROPERTY + "=" + PING_DELAY_MILLIS, "-cp", System.getProperty("java.class.path"), "org.partnersearch.cli.Main", "serve",
        "--host", "127.0.0.1", "--port", "0", "--index", index.toString(), "--shutdown-seconds", "20"))
        .redirectErrorStream(true).start();
    BlockingQueue<String> log = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
        r.lines().forEach(log::add);
      } catch (java.io.IOException | java.io.UncheckedIOException ignored) {
        // the process ended
      }
    });
    reader.setDaemon(true);
    reader.start();
    try {
      int port = Integer.parseInt(await(log, LISTENING).group(1));
      await(log, Pattern.compile("ready: serving " + RealCorpus.partnerCount() + " partners"));

      try (Socket socket = new Socket("127.0.0.1", port)) {
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write("GET /api/ping HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.UTF_8));
        out.flush();
        Thread.sleep(500); // the request is in its handler, which takes PING_DELAY_MILLIS

        // SIGTERM; through the handle, because Process.destroy() also closes our end of its output
        assertTrue(server.toHandle().destroy());
        await(log, Pattern.compile("stopping: letting requests in flight finish"));
        String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertTrue(answer.endsWith("{\"pong\":true}"), answer);
      }
      assertTrue(server.waitFor(15, TimeUnit.SECONDS), "exits within the bound after the request finished");
      await(log, Pattern.compile("stopped"));
    } finally {
      server.destroyForcibly();
    }
  }

  private static Matcher await(BlockingQueue<String> log, Pattern pattern) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    StringBuilder seen = new StringBuilder();
    while (System.nanoTime() < deadline) {
      String line = log.poll(1, TimeUnit.SECONDS);
      if (line == null) {
        continue;
      }
      seen.append(line).append('\n');
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        return m;
      }
    }
    throw new AssertionError("no log line matching " + pattern + " in:\n" + seen);
  }
}
