package org.partnersearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnersearch.PartnerSearch;
import org.partnersearch.RealCorpus;
import org.partnersearch.ServeProcess;
import org.partnersearch.web.OpsRoutes;

/**
 * SIGTERM to a real {@code serve} process: {@code /readyz} answers 503 STOPPING while the port is
 * still open (the drain), a request in flight finishes, then the port closes and the process exits
 * within a bounded time. The request is a {@code /api/ping} slowed down by the test-only delay, so
 * it is certainly in flight when the signal arrives.
 */
class GracefulShutdownTest {
  private static final long PING_DELAY_MILLIS = 3000;
  @TempDir Path dir;

  @Test
  void sigtermAnswers503StoppingWhileDrainingLetsARequestInFlightFinishThenExits()
      throws Exception {
    Path index = dir.resolve("index");
    try (PartnerSearch app = new PartnerSearch()) {
      app.index(RealCorpus.CORPUS, index); // so the child only opens it
    }
    try (ServeProcess serve =
        ServeProcess.start(
            List.of("-D" + OpsRoutes.TEST_PING_DELAY_PROPERTY + "=" + PING_DELAY_MILLIS),
            "--index",
            index.toString(),
            "--drain-seconds",
            "2",
            "--shutdown-seconds",
            "20")) {
      Process server = serve.process();
      int port = serve.port();
      serve.await(Pattern.compile("ready: serving " + RealCorpus.partnerCount() + " partners"));

      try (Socket socket = new Socket("127.0.0.1", port)) {
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(
            "GET /api/ping HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
        Thread.sleep(500); // the request is in its handler, which takes PING_DELAY_MILLIS

        // SIGTERM; through the handle, because Process.destroy() also closes our end of its output
        assertTrue(server.toHandle().destroy());
        List<String> probes = probeReadyzUntilThePortCloses(port);
        assertTrue(
            probes.contains("503 STOPPING"),
            "a load balancer sees the 503 before the port closes: " + probes);
        assertEquals("refused", probes.get(probes.size() - 1));
        assertEquals(
            List.of(),
            probes.subList(probes.indexOf("503 STOPPING"), probes.size() - 1).stream()
                .filter(p -> !p.equals("503 STOPPING"))
                .toList(),
            "never ready again: " + probes);
        serve.await(Pattern.compile("stopping: letting requests in flight finish"));
        String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertTrue(answer.endsWith("{\"pong\":true}"), answer);
      }
      assertTrue(
          server.waitFor(15, TimeUnit.SECONDS),
          "exits within the bound after the request finished");
      serve.await(Pattern.compile("stopped"));
    }
  }

  /**
   * {@code /readyz} every 50 ms, each on a new connection, as "status body-status", until the
   * connection is refused.
   */
  private static List<String> probeReadyzUntilThePortCloses(int port) throws Exception {
    List<String> seen = new java.util.ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket("127.0.0.1", port)) {
        probe.setSoTimeout(5000);
        probe
            .getOutputStream()
            .write(
                "GET /readyz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.UTF_8));
        String answer = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher m =
            Pattern.compile("^HTTP/1.1 (\\d+).*\"status\":\"(\\w+)\"", Pattern.DOTALL)
                .matcher(answer);
        String state = m.find() ? m.group(1) + " " + m.group(2) : "unparsed: " + answer;
        if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(state)) {
          seen.add(state);
        }
      } catch (java.net.ConnectException closed) {
        seen.add("refused");
        return seen;
      } catch (java.io.IOException reset) {
        continue; // the port closing under this very probe
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the port stayed open: " + seen);
  }
}
