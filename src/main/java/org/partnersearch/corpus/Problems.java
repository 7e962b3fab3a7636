package org.partnersearch.corpus;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.utils.JsonNodes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem found while loading, so that editors see them all in one run. */
final class Problems {
  private final List<CorpusProblem> problems = new ArrayList<>();

  void add(CorpusProblem problem) {
    problems.add(problem);
  }

  void add(Path file, int line, String field, String message) {
    add(new CorpusProblem(file, line, field, message));
  }

  /** Adds a problem located at {@code node}'s line. */
  void add(Path file, JsonNode node, String field, String message) {
    add(file, lineOf(node), field, message);
  }

  void addAll(List<CorpusProblem> more) {
    problems.addAll(more);
  }

  /** True when {@code field} of {@code file} already has a problem, to avoid saying it twice. */
  boolean has(Path file, String field) {
    return problems.stream().anyMatch(p -> p.file().equals(file) && p.field().equals(field));
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
