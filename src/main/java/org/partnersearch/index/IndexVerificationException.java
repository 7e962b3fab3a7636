package org.partnersearch.index;

import java.io.IOException;

/** A freshly built generation failed its checks and was not published. */
public final class IndexVerificationException extends IOException {
  public IndexVerificationException(String message) {
    super(message);
  }

  public IndexVerificationException(String message, Throwable cause) {
    super(message, cause);
  }
}
