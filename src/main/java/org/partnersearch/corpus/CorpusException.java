package org.partnersearch.corpus;

import java.util.List;
import java.util.stream.Collectors;

/** The corpus has problems; all of them are listed, not just the first. */
public final class CorpusException extends Exception {
  private final List<CorpusProblem> problems;

  public CorpusException(List<CorpusProblem> problems) {
    super(
        problems.size()
            + " problem(s) in the corpus:\n"
            + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<CorpusProblem> problems() {
    return problems;
  }
}
