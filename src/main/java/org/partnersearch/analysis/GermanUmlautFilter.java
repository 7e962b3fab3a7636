package org.partnersearch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Transliterates German umlauts the way Germans type them without the keys: ä→ae, ö→oe, ü→ue,
 * ß→ss, so that "Jülich" meets "Juelich" and "Groß" meets "Gross", while "über" (ueber) and "Uber"
 * stay apart.
 *
 * <p>Lucene's {@code GermanNormalizationFilter} folds ä→a and ue→u, which merges "über" and "Uber";
 * a {@code MappingCharFilter} would run before the decompounder, whose dictionary needs the
 * umlauts. Hence this small token filter. Expects lower-cased tokens.
 */
final class GermanUmlautFilter extends TokenFilter {

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);

  GermanUmlautFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (hasUmlaut()) {
      StringBuilder transliterated = new StringBuilder(termAtt.length() + 4);
      for (int i = 0; i < termAtt.length(); i++) {
        char c = termAtt.charAt(i);
        String replacement = transliteration(c);
        if (replacement == null) {
          transliterated.append(c);
        } else {
          transliterated.append(replacement);
        }
      }
      termAtt.setEmpty().append(transliterated);
    }
    return true;
  }

  private boolean hasUmlaut() {
    for (int i = 0; i < termAtt.length(); i++) {
      if (transliteration(termAtt.charAt(i)) != null) {
        return true;
      }
    }
    return false;
  }

  /** The two-letter spelling of an umlaut or ß, or null for any other char. */
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
