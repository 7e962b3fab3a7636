package org.partnersearch.analysis;

import java.util.Locale;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * Every rule about spelling letters otherwise, in one place: the index's variants, the query's word
 * forms, explain, the suggester and the sort key all fold through here.
 *
 * <p>Two foldings exist because Germans without umlaut keys write both: "Juelich" (transliterated,
 * ä→ae, ö→oe, ü→ue, ß→ss) and "Julich" (stripped: accents and umlauts dropped, as ASCII folding
 * does). Neither is applied to the exact form, so "über" and "Uber" stay apart there.
 */
public final class Folding {
  private Folding() {}

  /** "jülich" → "juelich", "groß" → "gross"; other characters unchanged. Expects lower case. */
  public static String transliterate(String lower) {
    if (!hasUmlaut(lower)) {
      return lower;
    }
    StringBuilder out = new StringBuilder(lower.length() + 4);
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      String replacement = transliteration(c);
      if (replacement == null) {
        out.append(c);
      } else {
        out.append(replacement);
      }
    }
    return out.toString();
  }

  /** "jülich" → "julich", "groß" → "gross", "é" → "e": Lucene's ASCII folding. */
  public static String strip(String text) {
    if (isAscii(text)) {
      // NOTE: foldToASCII is too large a method for the JIT to compile; it cost 8 % of the
      // index build's analysis (JFR), and most words are ASCII.
      return text;
    }
    char[] in = text.toCharArray();
    char[] out = new char[in.length * 4];
    int length = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
    return new String(out, 0, length);
  }

  /**
   * A typed word read as if its digraphs stood for umlauts, already stripped: "universitaet" →
   * "universitat", "oeko" → "oko". For prefix lookups (the suggester), where a typed "ue" cannot be
   * told from an umlaut the visitor had no key for.
   */
  public static String readDigraphs(String stripped) {
    return stripped.replace("ae", "a").replace("oe", "o").replace("ue", "u");
  }

  /** Case- and accent-insensitive sort key, so "Öko" sorts with "O". */
  public static String sortKey(String name) {
    return strip(name.toLowerCase(Locale.ROOT));
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= '\u0080') {
        return false;
      }
    }
    return true;
  }

  private static boolean hasUmlaut(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (transliteration(s.charAt(i)) != null) {
        return true;
      }
    }
    return false;
  }

  private static String transliteration(char c) {
    return switch (c) {
      case 'ä' -> "ae";
      case 'ö' -> "oe";
      case 'ü' -> "ue";
      case 'ß' -> "ss";
      default -> null;
    };
  }
}
