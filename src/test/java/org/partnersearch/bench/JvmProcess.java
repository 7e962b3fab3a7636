package org.partnersearch.bench;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Java program of this project in a JVM of its own, with its output in a file and its CPU time,
 * resident memory (from {@code /proc}) and GC pauses (from {@code -Xlog:gc}) readable while it
 * runs.
 */
final class JvmProcess implements AutoCloseable {
  /**
   * Linux's clock ticks per second in {@code /proc/<pid>/stat} (USER_HZ, 100 on every common
   * build).
   */
  private static final double TICKS_PER_SECOND = 100;

  /** "… Pause Young (Normal) (G1 Evacuation Pause) 24M->5M(256M) 3.123ms". */
  private static final Pattern PAUSE = Pattern.compile("Pause .*?([0-9.]+)ms\\s*$");

  private final Process process;
  private final Path log;
  private final Path gcLog;
  final long startedNanos;

  private JvmProcess(Process process, Path log, Path gcLog, long startedNanos) {
    this.process = process;
    this.log = log;
    this.gcLog = gcLog;
    this.startedNanos = startedNanos;
  }

  /**
   * Starts {@code mainClass} with this JVM's class path; output goes to {@code workDir/name.log}.
   */
  static JvmProcess start(
      Path workDir, String name, List<String> jvmOptions, String mainClass, String... args)
      throws IOException {
    List<String> launch = new ArrayList<>(List.of("-cp", classPath(), mainClass));
    launch.addAll(Arrays.asList(args));
    return launch(workDir, name, jvmOptions, launch);
  }

  /** Starts this build's server on {@code index} and {@code corpus}, as every benchmark does. */
  static JvmProcess startServer(
      Path workDir, String name, List<String> jvmOptions, Path index, Path corpus, int port)
      throws IOException {
    return start(
        workDir, name, jvmOptions, "org.partnersearch.cli.Main", serveArgs(index, corpus, port));
  }

  /**
   * The arguments of {@code serve} for a benchmark: loopback only, no reloads during a run, and no
   * rate limit, because the load comes from one address and the per-client limit would answer most
   * requests 429.
   */
  static String[] serveArgs(Path index, Path corpus, int port) {
    return new String[] {
      "serve",
      "--index",
      index.toString(),
      "--corpus",
      corpus.toString(),
      "--host",
      "127.0.0.1",
      "--port",
      Integer.toString(port),
      "--refresh-seconds",
      "3600",
      "--rate-limit",
      "0"
    };
  }

  /**
   * Starts an executable jar, such as another version's build, with the same logging as {@link
   * #start}.
   */
  static JvmProcess startJar(
      Path workDir, String name, List<String> jvmOptions, Path jar, String... args)
      throws IOException {
    List<String> launch = new ArrayList<>(List.of("-jar", jar.toString()));
    launch.addAll(Arrays.asList(args));
    return launch(workDir, name, jvmOptions, launch);
  }

  private static JvmProcess launch(
      Path workDir, String name, List<String> jvmOptions, List<String> launch) throws IOException {
    Path log = workDir.resolve(name + ".log");
    Path gcLog = workDir.resolve(name + "-gc.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-Xlog:gc:file=" + gcLog);
    command.addAll(launch);
    long started = System.nanoTime();
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new JvmProcess(p, log, gcLog, started);
  }

  /**
   * The class path of the project and its test dependencies. Under {@code exec:java} the classes
   * come from the context class loader, not from {@code java.class.path} (which is Maven's).
   */
  static String classPath() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader instanceof URLClassLoader urls && urls.getURLs().length > 0) {
      return Arrays.stream(urls.getURLs())
          .map(JvmProcess::file)
          .collect(Collectors.joining(File.pathSeparator));
    }
    return System.getProperty("java.class.path");
  }

  private static String file(URL url) {
    try {
      return Path.of(url.toURI()).toString();
    } catch (Exception e) {
      throw new IllegalStateException("not a file on the class path: " + url, e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** Waits for the process to end on its own; its exit code. */
  int waitFor(long timeoutSeconds) throws Exception {
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(log + ": did not finish within " + timeoutSeconds + " s");
    }
    return process.exitValue();
  }

  String output() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  /** User plus system CPU time of the whole process so far, in ms. */
  double cpuMillis() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // After the command name: state is field 3 of stat, so utime (14) and stime (15) are at 11 and
    // 12 here.
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / TICKS_PER_SECOND;
  }

  /** Resident memory now and at its peak, in KiB: {@code VmRSS} and {@code VmHWM}. */
  long[] residentKib() throws IOException {
    long rss = 0;
    long peak = 0;
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        rss = Long.parseLong(line.replaceAll("\\D", ""));
      } else if (line.startsWith("VmHWM:")) {
        peak = Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return new long[] {rss, peak};
  }

  /**
   * The lines of the GC log so far: pass the count to {@link #gcPausesSince} to get one phase's
   * pauses.
   */
  int gcLogLines() throws IOException {
    return Files.exists(gcLog) ? Files.readAllLines(gcLog).size() : 0;
  }

  /** GC pauses logged after line {@code fromLine}. */
  GcPauses gcPausesSince(int fromLine) throws IOException {
    if (!Files.exists(gcLog)) {
      return new GcPauses(0, 0, 0);
    }
    List<String> lines = Files.readAllLines(gcLog);
    return GcPauses.parse(lines.subList(Math.min(fromLine, lines.size()), lines.size()));
  }

  /** GC pauses of the JVM: how many, their sum and the longest, in ms. */
  record GcPauses(long count, double totalMillis, double maxMillis) {
    static GcPauses parse(List<String> lines) {
      long count = 0;
      double total = 0;
      double max = 0;
      for (String line : lines) {
        Matcher m = PAUSE.matcher(line);
        if (m.find()) {
          double ms = Double.parseDouble(m.group(1));
          count++;
          total += ms;
          max = Math.max(max, ms);
        }
      }
      return new GcPauses(count, total, max);
    }
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
