package org.partnersearch.search;

import java.util.List;

/**
 * One partner in a result list. {@code explain} is null unless asked for (and then left out of the
 * JSON).
 *
 * @param highlight the name and snippets as HTML: every character escaped except our {@code <mark>}
 *     tags
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
    List<MatchReason> explain) {

  /** A research area with its label in the requested language. */
  public record AreaRef(String id, String label) {}

  /** Escaped HTML with {@code <mark>} around matches. */
  public record Highlight(String name, List<String> snippets) {}
}
