package org.partnersearch.search;

import java.util.List;

/**
 * Which step of the relaxation ladder answered a query that no partner matches as typed: the API
 * says it machine-readably and the page in words ("No partner mentions Teilchenbeschleuniger;
 * showing partners for Beschleuniger").
 *
 * @param step {@value #COMPOUND_PARTS}: compounds matched in part, at least their head or most of
 *     their parts; {@value #SOME_WORDS}: not every word matched; {@value #SPELLING}: the hits are
 *     those of the corrected spelling, also offered as {@code didYouMean}
 * @param from what no partner mentions: the relaxed compounds, else the whole query as typed
 * @param dropped the compound parts or words that the first hit does not match, as typed
 * @param query what the hits were found for, as the visitor would type it
 */
public record Relaxation(String step, String from, List<String> dropped, String query) {
  public static final String COMPOUND_PARTS = "compound_parts";
  public static final String SOME_WORDS = "some_words";
  public static final String SPELLING = "spelling";

  public Relaxation {
    dropped = List.copyOf(dropped);
  }
}
