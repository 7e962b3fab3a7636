package org.partnersearch.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.partnersearch.analysis.Analyzers;
import org.partnersearch.analysis.Chain;
import org.partnersearch.analysis.GermanDecompounder;

/**
 * Splits suggestion texts and typed text into folded words with the query side of the FOLDED chain
 * (the same words, hyphen pieces and folding as the index) and finds compound parts with the one
 * {@link GermanDecompounder}, so typed text and entries meet on the same keys.
 */
final class WordAnalysis {
  private static final String FIELD = "suggest";

  private final Analyzer folded;
  private final GermanDecompounder decompounder;
  /** What the chain's normalisation makes of each code point: only a few hundred distinct ones occur. */
  private final Map<Integer, String> foldedChars = new ConcurrentHashMap<>();
  /**
   * The compound parts of each distinct word: building the suggester of a large corpus meets the same
   * description words again and again. Bounded; once full, words are split without being remembered.
   */
  private final Map<String, List<Word.Part>> partsByWord = new ConcurrentHashMap<>();
  private static final int MAX_CACHED_WORDS = 200_000;

  WordAnalysis(Analyzers analyzers, GermanDecompounder decompounder) {
    this.folded = analyzers.query(Chain.FOLDED_WORDS);
    this.decompounder = decompounder;
  }

  /** The chain's normalisation of a whole string: lower case, umlauts and accents folded. */
  String fold(String text) {
    return folded.normalize(FIELD, text).utf8ToString();
  }

  /** The folded single words of what was typed, in order; hyphenated input yields its pieces. */
  List<String> typedWords(String typed) {
    List<String> words = new ArrayList<>();
    analyze(typed, (term, start, end, position, length) -> {
      if (length == 1) {
        words.add(term);
      }
    });
    return words;
  }

  /** The words of an entry's text, each with its folding alignment and compound parts. */
  List<Word> words(String text) {
    List<Word> words = new ArrayList<>();
    analyze(text, (term, start, end, position, length) -> {
      String surface = text.substring(start, end);
      if (length == 1) {
        int[] ends = align(surface, term);
        words.add(new Word(position, false, start, end, term, ends, ends == null ? List.of() : cachedParts(surface, ends)));
      } else {
        words.add(new Word(position, true, start, end, term, null, List.of()));
      }
    });
    return words;
  }

  /**
   * For each char of {@code term}, the end offset in {@code surface} of the char it was folded from;
   * null if folding {@code surface} char by char does not give {@code term} (possessives and the like).
   */
  private int[] align(String surface, String term) {
    int[] ends = new int[term.length()];
    int out = 0;
    for (int i = 0; i < surface.length(); ) {
      int cp = surface.codePointAt(i);
      int next = i + Character.charCount(cp);
      String f = foldedChars.computeIfAbsent(cp, c -> fold(new String(Character.toChars(c))));
      if (out + f.length() > term.length() || !term.startsWith(f, out)) {
        return null;
      }
      for (int k = 0; k < f.length(); k++) {
        ends[out++] = next;
      }
      i = next;
    }
    return out == term.length() ? ends : null;
  }

  /** The parts depend on the surface word only ({@code ends} is derived from it). */
  private List<Word.Part> cachedParts(String surface, int[] ends) {
    List<Word.Part> parts = partsByWord.get(surface);
    if (parts == null) {
      parts = parts(surface, ends);
      if (partsByWord.size() < MAX_CACHED_WORDS) {
        partsByWord.put(surface, parts);
      }
    }
    return parts;
  }

  private List<Word.Part> parts(String surface, int[] ends) {
    String lower = surface.toLowerCase(Locale.ROOT);
    if (lower.length() != surface.length()) {
      return List.of(); // offsets of the parts would not be offsets of the surface
    }
    List<Word.Part> parts = new ArrayList<>();
    for (GermanDecompounder.Part part : decompounder.split(lower)) {
      int foldedStart = foldedIndexAt(ends, part.start());
      int foldedEnd = foldedIndexAt(ends, part.end());
      if (foldedStart >= 0 && foldedEnd > foldedStart) {
        parts.add(new Word.Part(fold(part.text()), foldedStart, part.start()));
      }
    }
    return List.copyOf(parts);
  }

  /** The index of the first folded char that comes from original offset {@code offset} or later. */
  private static int foldedIndexAt(int[] ends, int offset) {
    for (int k = 0; k < ends.length; k++) {
      if (ends[k] > offset) {
        return k;
      }
    }
    return ends.length;
  }

  @FunctionalInterface
  private interface TokenSink {
    void token(String term, int start, int end, int position, int positionLength);
  }

  private void analyze(String text, TokenSink sink) {
    try (TokenStream ts = folded.tokenStream(FIELD, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute length = ts.addAttribute(PositionLengthAttribute.class);
      ts.reset();
      int position = -1;
      while (ts.incrementToken()) {
        position += increment.getPositionIncrement();
        sink.token(term.toString(), offset.startOffset(), offset.endOffset(), position, length.getPositionLength());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
