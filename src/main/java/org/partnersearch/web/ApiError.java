package org.partnersearch.web;

/** The one error shape of the API: {@code {"error": {"status", "code", "message"}}}. */
public record ApiError(Body error) {
  public record Body(int status, String code, String message) {}

  public static ApiError of(int status, String code, String message) {
    return new ApiError(new Body(status, code, message));
  }
}
