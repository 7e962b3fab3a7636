package org.partnersearch.web;

import java.util.List;

/** A reindex refused because the corpus has problems: every problem as {@code file:line: field: message}. */
public record CorpusProblemsResponse(ApiError.Body error, List<String> problems) {}
