package org.partnersearch.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which of our packages uses which, read from the sources: every {@code org.partnersearch.…} class
 * named in an import or written out in the code (comments left out). Reading sources, not bytecode,
 * keeps it plain Java; the reasons for an edge (file → class) go into a failure message.
 */
record PackageGraph(Map<String, Map<String, Set<String>>> edges) {
  static final String ROOT = "org.partnersearch";
  private static final Pattern PACKAGE =
      Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

  /** A package (lower-case segments) followed by a class (upper-case first letter). */
  private static final Pattern REFERENCE =
      Pattern.compile("\\b(org\\.partnersearch(?:\\.[a-z_]\\w*)*)\\.([A-Z]\\w*)");

  private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\\\n])*\"");

  /** Reads every {@code .java} file under {@code sourceRoot}. */
  static PackageGraph read(Path sourceRoot) {
    Map<String, Map<String, Set<String>>> edges = new TreeMap<>();
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String code = Files.readString(file, StandardCharsets.UTF_8);
        Matcher p = PACKAGE.matcher(code);
        if (!p.find()) {
          continue;
        }
        String from = p.group(1);
        Map<String, Set<String>> targets = edges.computeIfAbsent(from, k -> new TreeMap<>());
        Matcher r =
            REFERENCE.matcher(
                STRING.matcher(COMMENT.matcher(code).replaceAll(" ")).replaceAll("\"\""));
        while (r.find()) {
          String to = r.group(1);
          if (!to.equals(from)) {
            targets
                .computeIfAbsent(to, k -> new TreeSet<>())
                .add(sourceRoot.relativize(file) + " uses " + r.group(2));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PackageGraph(edges);
  }

  /**
   * The groups of packages that reach each other (strongly connected components of more than one
   * package, Tarjan's algorithm), each sorted, in a stable order.
   */
  List<List<String>> cycles() {
    return new Tarjan().run();
  }

  /**
   * The shortest way around the cycle from the group's first package, with one reason for each
   * step.
   */
  String describe(List<String> group) {
    String start = group.get(0);
    Map<String, String> cameFrom = new TreeMap<>();
    List<String> todo = new ArrayList<>(List.of(start));
    while (!cameFrom.containsKey(start)) { // breadth first until the walk is back at the start
      String at = todo.remove(0);
      for (String next : edges.getOrDefault(at, Map.of()).keySet()) {
        if (group.contains(next) && !cameFrom.containsKey(next)) {
          cameFrom.put(next, at);
          todo.add(next);
        }
      }
    }
    List<String> path = new ArrayList<>(List.of(start));
    for (String at = cameFrom.get(start); !at.equals(start); at = cameFrom.get(at)) {
      path.add(0, at);
    }
    path.add(0, start);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i + 1 < path.size(); i++) {
      text.append("\n  ")
          .append(shortName(path.get(i)))
          .append(" -> ")
          .append(shortName(path.get(i + 1)))
          .append(" (")
          .append(edges.get(path.get(i)).get(path.get(i + 1)).iterator().next())
          .append(')');
    }
    return text.toString();
  }

  /** The graph as lines "from -> to to …", for a report or a failure message. */
  String text() {
    StringBuilder out = new StringBuilder();
    edges.forEach(
        (from, to) -> {
          if (!to.isEmpty()) {
            out.append(shortName(from))
                .append(" -> ")
                .append(
                    String.join(" ", to.keySet().stream().map(PackageGraph::shortName).toList()))
                .append('\n');
          }
        });
    return out.toString();
  }

  static String shortName(String pkg) {
    return pkg.equals(ROOT)
        ? "(root)"
        : pkg.startsWith(ROOT + ".") ? pkg.substring(ROOT.length() + 1) : pkg;
  }

  private final class Tarjan {
    private final Map<String, Integer> index = new TreeMap<>();
    private final Map<String, Integer> low = new TreeMap<>();
    private final List<String> stack = new ArrayList<>();
    private final Set<String> onStack = new TreeSet<>();
    private final List<List<String>> found = new ArrayList<>();

    List<List<String>> run() {
      Set<String> all = new TreeSet<>(edges.keySet());
      edges.values().forEach(to -> all.addAll(to.keySet()));
      for (String pkg : all) {
        if (!index.containsKey(pkg)) {
          visit(pkg);
        }
      }
      return found;
    }

    private void visit(String pkg) {
      index.put(pkg, index.size());
      low.put(pkg, index.get(pkg));
      stack.add(pkg);
      onStack.add(pkg);
      for (String next : edges.getOrDefault(pkg, Map.of()).keySet()) {
        if (!index.containsKey(next)) {
          visit(next);
          low.put(pkg, Math.min(low.get(pkg), low.get(next)));
        } else if (onStack.contains(next)) {
          low.put(pkg, Math.min(low.get(pkg), index.get(next)));
        }
      }
      if (low.get(pkg).equals(index.get(pkg))) {
        List<String> group = new ArrayList<>();
        String member;
        do {
          member = stack.remove(stack.size() - 1);
          onStack.remove(member);
          group.add(member);
        } while (!member.equals(pkg));
        if (group.size() > 1) {
          found.add(group.stream().sorted().toList());
        }
      }
    }
  }
}
