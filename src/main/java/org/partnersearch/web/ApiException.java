package org.partnersearch.web;

import java.util.Map;

/**
 * An HTTP-level refusal of the web layer (not authorised, too many requests, a reindex already
 * running), mapped to {@link ApiError} JSON in one place, with any headers it needs.
 */
final class ApiException extends RuntimeException {
  final int status;
  final String code;
  final Map<String, String> headers;

  ApiException(int status, String code, String message, Map<String, String> headers) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = Map.copyOf(headers);
  }

  static ApiException tooManyRequests(java.time.Duration retryAfter, String message) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    return new ApiException(
        429,
        "too_many_requests",
        message + "; retry in " + seconds + " s",
        Map.of("Retry-After", Long.toString(seconds)));
  }
}
