package org.partnersearch.analysis;

import java.util.Locale;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The stop words of both languages (Lucene's English and German lists), in one place: the query
 * keeps them out of the way of the other words, the suggester does not offer them.
 */
public final class StopWords {
  private static final CharArraySet WORDS = words();

  private StopWords() {}

  /** Whether {@code word} (any case) is a stop word in either language. */
  public static boolean contains(String word) {
    return WORDS.contains(word.toLowerCase(Locale.ROOT));
  }

  private static CharArraySet words() {
    CharArraySet all = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    all.addAll(GermanAnalyzer.getDefaultStopSet());
    return CharArraySet.unmodifiableSet(all);
  }
}
