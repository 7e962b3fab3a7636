package org.partnersearch.corpus;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.utils.JsonNodes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects every problem found while loading, so that editors see them all in one run. */
final class Problems {
  private final List<CorpusProblem> problems = new ArrayList<>();
  // A set beside the list, because a corpus of 100,000 broken files would make a scan per check
  // quadratic.
  private final Set<FileField> located = new HashSet<>();

  private record FileField(Path file, String field) {}

  void add(CorpusProblem problem) {
    problems.add(problem);
    located.add(new FileField(problem.file(), problem.field()));
  }

  void add(Path file, int line, String field, String message) {
    add(new CorpusProblem(file, line, field, message));
  }

  /** Adds a problem located at {@code node}'s line. */
  void add(Path file, JsonNode node, String field, String message) {
    add(file, lineOf(node), field, message);
  }

  void addAll(List<CorpusProblem> more) {
    more.forEach(this::add);
  }

  /** True when {@code field} of {@code file} already has a problem, to avoid saying it twice. */
  boolean has(Path file, String field) {
    return located.contains(new FileField(file, field));
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  List<CorpusProblem> all() {
    return List.copyOf(problems);
  }

  /** The 1-based line a location-aware node was read from, or 0 where it is not known. */
  static int lineOf(JsonNode node) {
    if (node == null) {
      return 0;
    }
    JsonLocation location = JsonNodes.tokenLocationOf(node);
    return location == null ? 0 : Math.max(0, location.getLineNr());
  }
}
