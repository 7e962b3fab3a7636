package org.partnersearch.search;

import java.util.List;

/**
 * What a visitor typed, in the small syntax they can use without a manual: words, {@code
 * "phrases"}, {@code -excluded} words or phrases, and {@code OR} between alternatives. Every
 * required group must match; within a group any alternative may.
 */
public record UserQuery(List<Group> required, List<Term> excluded) {
  public UserQuery {
    required = List.copyOf(required);
    excluded = List.copyOf(excluded);
  }

  public boolean isEmpty() {
    return required.isEmpty() && excluded.isEmpty();
  }

  public int clauseCount() {
    return required.stream().mapToInt(g -> g.alternatives().size()).sum() + excluded.size();
  }

  /** Alternatives joined by OR; a group of one is a plain required word or phrase. */
  public record Group(List<Term> alternatives) {
    public Group {
      alternatives = List.copyOf(alternatives);
    }
  }

  /** A word (one whitespace-separated chunk as typed) or a quoted phrase. */
  public record Term(String text, boolean phrase) {}
}
