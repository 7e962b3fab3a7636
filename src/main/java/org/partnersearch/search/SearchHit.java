package org.partnersearch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One partner in a result list. {@code explain} is present only when asked for.
 *
 * @param highlight the name and snippets as HTML: every character escaped except our {@code <mark>} tags
 */
public record SearchHit(
    String id,
    String name,
    String nameEn,
    String type,
    String city,
    List<AreaRef> researchAreas,
    float score,
    Highlight highlight,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<MatchReason> explain) {

  /** A research area with its label in the requested language. */
  public record AreaRef(String id, String label) {}

  /** Escaped HTML with {@code <mark>} around matches. */
  public record Highlight(String name, List<String> snippets) {}
}
