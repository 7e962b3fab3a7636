package org.partnersearch.analysis;

import java.text.Normalizer;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * Builds the map that makes a {@link MappingCharFilter} compose text to Unicode NFC: "u" followed
 * by a combining diaeresis (U+0308) becomes "ü", so decomposed input (as macOS file names and some
 * PDFs produce it) analyses like precomposed input. Lucene's MappingCharFilter keeps the offsets
 * right; NFC in Lucene itself needs the ICU module.
 *
 * <p>NOTE: the map holds every canonical decomposition Java knows (its keys are in canonical mark
 * order). Marks typed in another order are not reordered as full NFC would; for Latin text with one
 * mark per letter, as in German, the result equals NFC.
 */
final class NfcCharMap {

  private NfcCharMap() {}

  /** Takes about 0.4 s (it checks every code point): build once per process. */
  static NormalizeCharMap build() {
    Map<String, String> mappings = new TreeMap<>();
    for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
      if (!Character.isDefined(codePoint) || Character.getType(codePoint) == Character.SURROGATE) {
        continue;
      }
      String single = Character.toString(codePoint);
      if (Normalizer.isNormalized(single, Normalizer.Form.NFD)
          && Normalizer.isNormalized(single, Normalizer.Form.NFC)) {
        continue;
      }
      String composed = Normalizer.normalize(single, Normalizer.Form.NFC);
      String decomposed = Normalizer.normalize(single, Normalizer.Form.NFD);
      if (!decomposed.equals(composed)) {
        mappings.putIfAbsent(decomposed, composed);
      }
      if (!single.equals(composed)) {
        // Singletons such as the Ångström sign U+212B, which NFC replaces by Å.
        mappings.putIfAbsent(single, composed);
      }
    }
    NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
    mappings.forEach(builder::add);
    return builder.build();
  }
}
