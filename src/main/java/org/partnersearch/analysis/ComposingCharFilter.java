package org.partnersearch.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.text.Normalizer;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * Composes text to NFC with the map of {@link NfcCharMap}, and passes text that already is NFC
 * through untouched: the corpus loader composes every text and most typed queries are composed,
 * while the mapping looks up every character in an FST (a tenth of the index build's analysis,
 * JFR). The text is read whole on the first read; the analysed texts are field values and query
 * words, so they are short.
 */
final class ComposingCharFilter extends CharFilter {
  private final NormalizeCharMap nfc;
  private Reader composed;

  ComposingCharFilter(Reader in, NormalizeCharMap nfc) {
    super(in);
    this.nfc = nfc;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (composed == null) {
      String text = readAll(input);
      Reader plain = new StringReader(text);
      composed =
          Normalizer.isNormalized(text, Normalizer.Form.NFC)
              ? plain
              : new MappingCharFilter(nfc, plain);
    }
    return composed.read(buffer, offset, length);
  }

  @Override
  protected int correct(int currentOff) {
    return composed instanceof CharFilter mapping ? mapping.correctOffset(currentOff) : currentOff;
  }

  private static String readAll(Reader reader) throws IOException {
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[1024];
    for (int n = reader.read(buffer); n != -1; n = reader.read(buffer)) {
      text.append(buffer, 0, n);
    }
    return text.toString();
  }
}
