package org.partnersearch.request;

/**
 * A request we refuse (a 400 over HTTP): {@code code} is stable for clients, the message says what
 * to change. In a package of its own so that search, suggest and web can all throw it.
 */
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
