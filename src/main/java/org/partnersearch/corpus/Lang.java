package org.partnersearch.corpus;

import java.util.Locale;

/** The two languages every text of the corpus is written in. */
public enum Lang {
  EN,
  DE;

  /** Parses "en"/"de" in any case; null or blank means English. */
  public static Lang parse(String code) {
    if (code == null || code.isBlank()) {
      return EN;
    }
    return switch (code.trim().toLowerCase(Locale.ROOT)) {
      case "en" -> EN;
      case "de" -> DE;
      default ->
          throw new IllegalArgumentException("unknown language '" + code + "': use en or de");
    };
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
