package org.partnersearch.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Words of the partners page (test fixture), shuffled into random text for the torture tests. */
final class CorpusText {

  private static final String RESOURCE = "/analysis/partners-page.txt";

  private final List<String> words;

  private CorpusText(List<String> words) {
    this.words = words;
  }

  static CorpusText load() {
    return new CorpusText(List.of(page().split("\\s+")));
  }

  /** The page's text. */
  static String page() {
    try (InputStream in = CorpusText.class.getResourceAsStream(RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A few corpus words, some glued with hyphens, some upper-cased, some in decomposed form. */
  String randomMix(Random random) {
    StringBuilder text = new StringBuilder();
    int count = 1 + random.nextInt(12);
    for (int i = 0; i < count; i++) {
      String word = words.get(random.nextInt(words.size()));
      switch (random.nextInt(4)) {
        case 0 -> word = word.toUpperCase(Locale.ROOT);
        case 1 -> word = Normalizer.normalize(word, Normalizer.Form.NFD);
        default -> {}
      }
      text.append(word).append(random.nextInt(5) == 0 ? "-" : " ");
    }
    return text.toString();
  }
}
