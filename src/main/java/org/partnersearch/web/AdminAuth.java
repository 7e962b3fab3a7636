package org.partnersearch.web;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The bearer-token check of {@code /api/admin/*}. The token is compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, so the time taken says nothing about how much of it was right.
 * NOTE: the admin routes exist only when a token is configured; without one they answer 404.
 */
final class AdminAuth {
  private final byte[] expected;

  AdminAuth(String token) {
    this.expected = sha256("Bearer " + token);
  }

  /** Lets the request through with the right token; otherwise 401 with the error JSON. */
  void check(Context ctx) {
    String given = ctx.header("Authorization");
    if (given == null || !MessageDigest.isEqual(expected, sha256(given))) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new UnauthorizedResponse("an admin token is needed: Authorization: Bearer <token>");
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
