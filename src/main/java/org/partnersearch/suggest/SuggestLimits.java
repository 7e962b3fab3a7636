package org.partnersearch.suggest;

import org.partnersearch.request.InvalidRequestException;

/**
 * The limits of an autocomplete request, checked before the suggester runs, each violation an
 * {@link InvalidRequestException} whose code names the limit and whose message says what to change.
 * The numbers are {@link SuggestRequest}'s own.
 */
public final class SuggestLimits {
  private SuggestLimits() {}

  public static void check(SuggestRequest r) {
    if (r.q().length() > SuggestRequest.MAX_QUERY_CHARS) {
      throw new InvalidRequestException(
          "query_too_long",
          "q has "
              + r.q().length()
              + " characters; at most "
              + SuggestRequest.MAX_QUERY_CHARS
              + " are allowed");
    }
    if (r.size() < SuggestRequest.MIN_SIZE || r.size() > SuggestRequest.MAX_SIZE) {
      throw new InvalidRequestException(
          "invalid_size",
          "size must be between " + SuggestRequest.MIN_SIZE + " and " + SuggestRequest.MAX_SIZE);
    }
  }
}
