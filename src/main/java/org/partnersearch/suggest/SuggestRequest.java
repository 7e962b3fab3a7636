package org.partnersearch.suggest;

import java.util.regex.Pattern;
import org.partnersearch.corpus.Lang;
import org.partnersearch.request.InvalidRequestException;

/**
 * What the visitor has typed so far. {@code q} is kept as sent (the response echoes it); {@link
 * #typed()} is what the suggester works with. A request beyond the limits is refused as it is made,
 * with an {@link InvalidRequestException} whose code names the limit and whose message says what to
 * change.
 *
 * @param size how many suggestions at most, {@value #MIN_SIZE}..{@value #MAX_SIZE}
 * @param lang the visitor's language: its labels win when two are equally good
 */
public record SuggestRequest(String q, int size, Lang lang) {
  public static final int DEFAULT_SIZE = 8;
  public static final int MIN_SIZE = 1;
  public static final int MAX_SIZE = 20;

  /** Longer input is not typing but an attack or a paste: refused with a 400. */
  public static final int MAX_QUERY_CHARS = 100;

  /** Controls at the end are dropped: only a typed blank asks for the whole last word. */
  private static final Pattern TRAILING_CONTROLS = Pattern.compile("[\\p{Cc}\\p{Cf}]+$");

  /** C0/C1 controls (tabs and newlines included) separate words like a space. */
  private static final Pattern CONTROLS = Pattern.compile("\\p{Cc}");

  /** Invisible format characters, lone surrogates and unassigned code points are dropped. */
  private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Cs}\\p{Co}\\p{Cn}]");

  public SuggestRequest {
    q = q == null ? "" : q;
    lang = lang == null ? Lang.EN : lang;
    if (q.length() > MAX_QUERY_CHARS) {
      throw new InvalidRequestException(
          "query_too_long",
          "q has " + q.length() + " characters; at most " + MAX_QUERY_CHARS + " are allowed");
    }
    if (size < MIN_SIZE || size > MAX_SIZE) {
      throw new InvalidRequestException(
          "invalid_size", "size must be between " + MIN_SIZE + " and " + MAX_SIZE);
    }
  }

  public static SuggestRequest of(String q) {
    return new SuggestRequest(q, DEFAULT_SIZE, Lang.EN);
  }

  public static SuggestRequest of(String q, Lang lang) {
    return new SuggestRequest(q, DEFAULT_SIZE, lang);
  }

  /**
   * {@code q} without control and invisible characters and leading blanks; a trailing blank is
   * kept.
   */
  public String typed() {
    String visible =
        INVISIBLE
            .matcher(CONTROLS.matcher(TRAILING_CONTROLS.matcher(q).replaceAll("")).replaceAll(" "))
            .replaceAll("");
    return visible.stripLeading();
  }
}
