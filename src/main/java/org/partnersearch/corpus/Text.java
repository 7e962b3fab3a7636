package org.partnersearch.corpus;

import java.text.Normalizer;

/** Text clean-up shared by the checks and the mapping, so both see the same string. */
final class Text {
  private Text() {}

  /**
   * NFC-normalises and strips: editors paste text from PDFs and web pages with decomposed umlauts
   * ("u" + combining diaeresis), which would otherwise not match "ü" typed in a query.
   */
  static String clean(String raw) {
    return Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
  }

  /** True when the text holds no letter or digit, e.g. only spaces, no-break spaces or dashes. */
  static boolean hasNoWords(String raw) {
    return clean(raw).codePoints().noneMatch(Character::isLetterOrDigit);
  }
}
