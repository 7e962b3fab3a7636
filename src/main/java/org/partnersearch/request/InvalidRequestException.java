package org.partnersearch.request;

/** A request the search layer refuses; {@code code} is stable for clients, the message says what to change. */
public final class InvalidRequestException extends RuntimeException {
  private final String code;

  public InvalidRequestException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
