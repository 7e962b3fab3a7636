package org.partnersearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU used so far by a process's threads, grouped by the threads' names (request threads, JIT
 * compilers, garbage collectors, the rest), read from {@code /proc/<pid>/task}.
 */
final class ThreadCpu {
  static final String JIT = "jit";

  private ThreadCpu() {}

  /** CPU ms so far of each group of the process's threads. */
  static Map<String, Double> msByGroup(long pid) throws IOException {
    Map<String, Double> groups = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        String stat;
        String name;
        try {
          stat = Files.readString(task.resolve("stat"));
          name = Files.readString(task.resolve("comm")).trim();
        } catch (IOException ended) {
          continue; // the thread ended meanwhile
        }
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        double ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10d;
        groups.merge(group(name), ms, Double::sum);
      }
    }
    return groups;
  }

  private static String group(String thread) {
    if (thread.startsWith("C1 ") || thread.startsWith("C2 ")) {
      return JIT;
    }
    if (thread.startsWith("GC ") || thread.startsWith("G1 ")) {
      return "gc";
    }
    if (thread.startsWith("qtp") || thread.startsWith("JettyServerThre")) {
      return "requests";
    }
    return "other";
  }
}
