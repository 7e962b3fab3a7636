package org.partnersearch.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one bearer-token check of the service ({@code /api/admin/*}, and {@code /metrics} when it has
 * a token): {@code Authorization: Bearer <token>}, the scheme in any case, blanks around the token
 * ignored. The token is compared as SHA-256 digests with {@link MessageDigest#isEqual}, so the time
 * taken says nothing about how much of it was right. The right token always passes; only wrong ones
 * count against the client, and a client past {@link #FAILURES_PER_MINUTE} gets 429, so guessers
 * sharing an address (NAT, a proxy) cannot lock out the holder of the token.
 */
final class BearerAuth {
  /** Wrong tokens one client may send per minute before it must wait. */
  static final int FAILURES_PER_MINUTE = 5;

  private static final String SCHEME = "bearer ";

  private final byte[] expected;
  private final String what;
  private final ClientAddress clients;
  private final RateLimiter failures = new RateLimiter(FAILURES_PER_MINUTE, Duration.ofMinutes(1));

  /**
   * @param what what the token opens, for the 401 message ("admin routes", "/metrics")
   */
  BearerAuth(String token, String what, ClientAddress clients) {
    this.expected = sha256(token.strip());
    this.what = what;
    this.clients = clients;
  }

  /**
   * Lets the request through with the right token; otherwise 401, or 429 after too many wrong ones.
   */
  void check(Context ctx) {
    Optional<String> given = token(ctx.header("Authorization"));
    // Digests have the same length whatever was sent, so the comparison's time says nothing.
    if (given.isPresent() && MessageDigest.isEqual(sha256(given.get()), expected)) {
      return;
    }
    failures
        .take(clients.of(ctx))
        .ifPresent(
            wait -> {
              throw ApiException.tooManyRequests(wait, "too many wrong tokens");
            });
    throw new ApiException(
        401,
        "unauthorized",
        what + ": send Authorization: Bearer <token>",
        Map.of("WWW-Authenticate", "Bearer"));
  }

  /**
   * The token of an {@code Authorization} header of the Bearer scheme (RFC 7235: the scheme is
   * case-insensitive).
   */
  static Optional<String> token(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String h = header.strip();
    if (h.length() <= SCHEME.length()
        || !h.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      return Optional.empty();
    }
    return Optional.of(h.substring(SCHEME.length()).strip());
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
