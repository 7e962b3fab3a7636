package org.partnersearch.corpus;

/** A text given in English and German. */
public record LocalizedText(String en, String de) {
  public String get(Lang lang) {
    return lang == Lang.DE ? de : en;
  }
}
