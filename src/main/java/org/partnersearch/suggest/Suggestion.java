package org.partnersearch.suggest;

import java.util.Locale;

/**
 * One autocomplete suggestion as the search widget shows it.
 *
 * @param text what to show and, for a term, what to search for; in its real spelling
 * @param highlighted {@code text} as HTML: every character escaped, the typed part inside {@code
 *     <mark>}
 * @param kind what choosing it does: open a partner, apply an area facet, or search for the term
 * @param id the partner id or the area id; null for a term
 */
public record Suggestion(String text, String highlighted, Kind kind, String id) {

  /** What a suggestion stands for; its {@link #code()} is how the API writes it. */
  public enum Kind {
    PARTNER,
    AREA,
    TERM;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
