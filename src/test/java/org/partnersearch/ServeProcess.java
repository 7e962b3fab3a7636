package org.partnersearch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code partner-search serve} in a JVM of its own, for what only a real process shows: signals,
 * and the log lines it writes to stderr. Its lines are read as they come; {@link #await} waits for
 * one.
 */
public final class ServeProcess implements AutoCloseable {
  private static final Pattern LISTENING =
      Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> history = new java.util.concurrent.CopyOnWriteArrayList<>();

  private ServeProcess(Process process) {
    this.process = process;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines()
                    .forEach(
                        line -> {
                          history.add(line);
                          lines.add(line);
                        });
              } catch (IOException | UncheckedIOException ended) {
                // the process ended
              }
            },
            "serve-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code serve --host 127.0.0.1 --port 0} with this JVM's class path and the given
   * options.
   */
  public static ServeProcess start(List<String> jvmOptions, String... serveOptions)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "org.partnersearch.cli.Main",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            "0"));
    command.addAll(List.of(serveOptions));
    return new ServeProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  public Process process() {
    return process;
  }

  /** Waits for the "listening on" line and returns the port. */
  public int port() throws InterruptedException {
    return Integer.parseInt(await(LISTENING).group(1));
  }

  /**
   * Waits (at most two minutes) for the next line matching {@code pattern}; lines before it are
   * consumed.
   */
  public Matcher await(Pattern pattern) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    StringBuilder seen = new StringBuilder();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line == null) {
        continue;
      }
      seen.append(line).append('\n');
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        return m;
      }
    }
    throw new AssertionError("no line matching " + pattern + " in:\n" + seen);
  }

  /** Every line written so far, {@link #await}'s included. */
  public List<String> lines() {
    return List.copyOf(history);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
