package org.partnersearch.config;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Settings of the web layer, read once at startup and passed to {@link ApiServer}.
 *
 * @param corsOrigins origins (scheme://host[:port]) whose pages may call the read-only {@code
 *     /api/*} with GET, e.g. a site that embeds {@code widget.js}; {@code *} allows every origin.
 *     Never for admin routes.
 * @param adminToken the bearer token admin routes require; empty: admin routes are off (404)
 * @param requestsPerMinute search and suggest requests one client may make per minute; 0: no limit
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For}, {@code
 *     X-Forwarded-Proto} and {@code X-Forwarded-Host} are believed
 * @param cacheMaxAge how long browsers, proxies and CDNs may reuse an answer of the public API or a
 *     static file without asking again ({@code Cache-Control: public, max-age}); 0: always
 *     revalidate
 * @param publicUrl the address visitors reach the service at ({@code
 *     https://partners.example.org}), for the absolute URLs of {@code /opensearch.xml}; empty:
 *     taken from the request
 * @param metricsToken the bearer token {@code /metrics} requires; empty: {@code /metrics} is public
 */
public record WebConfig(
    List<String> corsOrigins,
    Optional<String> adminToken,
    int requestsPerMinute,
    List<String> trustedProxies,
    Duration cacheMaxAge,
    Optional<String> publicUrl,
    Optional<String> metricsToken) {
  /** Allows any origin; sensible only because the API is public and read-only. */
  public static final String ANY_ORIGIN = "*";

  /**
   * Generous for a visitor typing with autocomplete (a request per keystroke), tight for a scraper.
   */
  public static final int DEFAULT_REQUESTS_PER_MINUTE = 600;

  /**
   * Short: a new index generation reaches every visitor within a minute, and revalidation after
   * that costs a 304 without a search (the ETag names the generation).
   */
  public static final int DEFAULT_CACHE_SECONDS = 60;

  /** No cross-origin calls, no admin routes, the default rate limit, no proxy. */
  public static final WebConfig DEFAULT =
      new WebConfig(
          List.of(),
          Optional.empty(),
          DEFAULT_REQUESTS_PER_MINUTE,
          List.of(),
          Duration.ofSeconds(DEFAULT_CACHE_SECONDS),
          Optional.empty(),
          Optional.empty());

  private static final Pattern ORIGIN = Pattern.compile("https?://[^/?#\\s]+");

  /** Short tokens can be guessed; a random 32-character token is what the README asks for. */
  private static final int MIN_TOKEN_LENGTH = 16;

  public WebConfig {
    corsOrigins = List.copyOf(corsOrigins);
    trustedProxies = List.copyOf(trustedProxies);
    for (String origin : corsOrigins) {
      if (!origin.equals(ANY_ORIGIN)
          && !(ORIGIN.matcher(origin).matches() && URI.create(origin).getHost() != null)) {
        throw new IllegalArgumentException(
            "not an origin: '" + origin + "' (expected scheme://host[:port] without a path, or *)");
      }
    }
    adminToken = adminToken.filter(t -> !t.isBlank());
    if (adminToken.isPresent() && adminToken.get().length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException(
          "the admin token must have at least " + MIN_TOKEN_LENGTH + " characters");
    }
    publicUrl =
        publicUrl
            .filter(u -> !u.isBlank())
            .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
    if (publicUrl.isPresent()
        && !(ORIGIN.matcher(publicUrl.get()).matches()
            && URI.create(publicUrl.get()).getHost() != null)) {
      throw new IllegalArgumentException(
          "not a public URL: '"
              + publicUrl.get()
              + "' (expected scheme://host[:port] without a path)");
    }
    metricsToken = metricsToken.filter(t -> !t.isBlank());
    if (metricsToken.isPresent() && metricsToken.get().length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException(
          "the metrics token must have at least " + MIN_TOKEN_LENGTH + " characters");
    }
    if (requestsPerMinute < 0) {
      throw new IllegalArgumentException("requests per minute must be 0 (no limit) or more");
    }
    if (cacheMaxAge.isNegative()) {
      throw new IllegalArgumentException("cache seconds must be 0 (always revalidate) or more");
    }
  }

  public WebConfig(
      List<String> corsOrigins,
      Optional<String> adminToken,
      int requestsPerMinute,
      List<String> trustedProxies) {
    this(
        corsOrigins,
        adminToken,
        requestsPerMinute,
        trustedProxies,
        DEFAULT.cacheMaxAge(),
        DEFAULT.publicUrl(),
        DEFAULT.metricsToken());
  }

  public WebConfig(List<String> corsOrigins) {
    this(
        corsOrigins,
        DEFAULT.adminToken(),
        DEFAULT.requestsPerMinute(),
        DEFAULT.trustedProxies(),
        DEFAULT.cacheMaxAge(),
        DEFAULT.publicUrl(),
        DEFAULT.metricsToken());
  }

  /** Reads a comma-separated list of origins as given on the command line; blank means none. */
  public static WebConfig withCorsOrigins(String commaSeparated) {
    return new WebConfig(origins(commaSeparated));
  }

  public WebConfig withAdminToken(String token) {
    return new WebConfig(
        corsOrigins,
        Optional.ofNullable(token),
        requestsPerMinute,
        trustedProxies,
        cacheMaxAge,
        publicUrl,
        metricsToken);
  }

  public WebConfig withRequestsPerMinute(int perMinute) {
    return new WebConfig(
        corsOrigins, adminToken, perMinute, trustedProxies, cacheMaxAge, publicUrl, metricsToken);
  }

  public WebConfig withTrustedProxies(String commaSeparated) {
    return new WebConfig(
        corsOrigins,
        adminToken,
        requestsPerMinute,
        list(commaSeparated),
        cacheMaxAge,
        publicUrl,
        metricsToken);
  }

  public WebConfig withCacheSeconds(int seconds) {
    return new WebConfig(
        corsOrigins,
        adminToken,
        requestsPerMinute,
        trustedProxies,
        Duration.ofSeconds(seconds),
        publicUrl,
        metricsToken);
  }

  public WebConfig withPublicUrl(String url) {
    return new WebConfig(
        corsOrigins,
        adminToken,
        requestsPerMinute,
        trustedProxies,
        cacheMaxAge,
        Optional.ofNullable(url),
        metricsToken);
  }

  public WebConfig withMetricsToken(String token) {
    return new WebConfig(
        corsOrigins,
        adminToken,
        requestsPerMinute,
        trustedProxies,
        cacheMaxAge,
        publicUrl,
        Optional.ofNullable(token));
  }

  private static List<String> origins(String commaSeparated) {
    return list(commaSeparated).stream()
        .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s)
        .toList();
  }

  private static List<String> list(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
