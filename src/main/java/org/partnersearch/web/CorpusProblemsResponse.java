package org.partnersearch.web;

import java.util.List;

/**
 * A reindex refused because the corpus has problems: the API's one error shape, with every problem
 * as {@code file:line: field: message} inside {@code error} like the rest of it.
 */
public record CorpusProblemsResponse(Problems error) {
  public record Problems(int status, String code, String message, List<String> problems) {}
}
