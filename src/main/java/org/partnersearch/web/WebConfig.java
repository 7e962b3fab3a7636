package org.partnersearch.web;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Settings of the web layer, read once at startup and passed to {@link ApiServer}.
 *
 * @param corsOrigins origins (scheme://host[:port]) whose pages may call the read-only {@code /api/*}
 *     with GET, e.g. a site that embeds {@code widget.js}; {@code *} allows every origin
 */
public record WebConfig(List<String> corsOrigins) {
  /** Allows any origin; sensible only because the API is public and read-only. */
  public static final String ANY_ORIGIN = "*";

  /** No cross-origin calls: the page and the widget work only on this service's own origin. */
  public static final WebConfig DEFAULT = new WebConfig(List.of());

  private static final Pattern ORIGIN = Pattern.compile("https?://[^/?#\\s]+");

  public WebConfig {
    corsOrigins = List.copyOf(corsOrigins);
    for (String origin : corsOrigins) {
      if (!origin.equals(ANY_ORIGIN) && !(ORIGIN.matcher(origin).matches() && URI.create(origin).getHost() != null)) {
        throw new IllegalArgumentException(
            "not an origin: '" + origin + "' (expected scheme://host[:port] without a path, or *)");
      }
    }
  }

  /** Reads a comma-separated list of origins as given on the command line; blank means none. */
  public static WebConfig withCorsOrigins(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return DEFAULT;
    }
    return new WebConfig(Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s)
        .toList());
  }
}
