package org.partnersearch.cli;

/**
 * Turns the API's escaped HTML highlights into terminal text: marks become bold (or *stars* when
 * piped).
 */
final class TerminalText {
  private static final boolean ANSI = System.console() != null;

  private TerminalText() {}

  static String of(String html) {
    String marked =
        html.replace("<mark>", ANSI ? "\u001b[1m" : "*")
            .replace("</mark>", ANSI ? "\u001b[0m" : "*");
    return marked
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&");
  }
}
