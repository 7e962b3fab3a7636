package org.partnersearch.analysis;

import de.danielnaber.jwordsplitter.EmbeddedGermanDictionary;
import de.danielnaber.jwordsplitter.GermanWordSplitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Splits German compounds ("endlagerforschung") into their dictionary parts ("endlager",
 * "forschung") with each part's character offsets inside the word, using jwordsplitter's embedded
 * dictionary.
 *
 * <p>Thread-safe: create one per process and share it, with its cache of decompositions.
 * jwordsplitter's {@code splitWord} only reads the dictionary and exception list, which are never
 * changed after construction, so calls need no locking; the final fields publish them safely to
 * other threads.
 */
public final class GermanDecompounder {

  /** Shortest part worth indexing; shorter pieces are mostly interfixes or noise. */
  static final int MIN_PART_LENGTH = 3;

  /** jwordsplitter rejects longer input (to bound its recursive search). */
  static final int MAX_WORD_LENGTH = 70;

  /**
   * jwordsplitter's German interfixes are "s", "s-" and "-": at most this many characters may lie
   * between two parts (or after the last one).
   */
  private static final int MAX_GAP = 2;

  /**
   * Decompositions are cached per distinct word: jwordsplitter's search costs far more than a map
   * lookup, and indexing, the suggester build and queries split the same frequent words over and
   * over. Bounded: once full, further words are split without being remembered.
   */
  static final int CACHE_MAX_WORDS = 200_000;

  /**
   * The cache's bound in estimated heap bytes, besides its word count: a corpus of long words (up
   * to {@value #MAX_WORD_LENGTH} letters, with their parts) would otherwise take up to about 60 MB
   * of a server's heap; at most 16 MB it is, about 70,000 words of typical length.
   */
  static final long CACHE_MAX_BYTES = 16L << 20;

  /** A cached word's map node, list and string headers, and a part's record and string headers. */
  private static final int ENTRY_BYTES = 120;

  private static final int PART_BYTES = 72;

  private final GermanWordSplitter splitter;
  private final Set<String> dictionary;
  private final Map<String, List<Part>> cache = new ConcurrentHashMap<>();
  private final AtomicLong cachedBytes = new AtomicLong();

  /** Loads the embedded dictionary: about 64,000 words, 0.1 s, 5 MB of heap. */
  public GermanDecompounder() {
    try {
      // true: parts come without the interfix ("forschung", not "forschungs").
      this.splitter = new GermanWordSplitter(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load jwordsplitter's embedded dictionary", e);
    }
    this.dictionary = EmbeddedGermanDictionary.getWords();
  }

  /**
   * The parts of a lower-cased word with their char offsets inside the word; empty when it is not a
   * compound. Only parts of at least {@value #MIN_PART_LENGTH} letters that are dictionary words
   * are returned; interfixes (the "s" in "forschungszentrum") are not parts.
   */
  public List<Part> split(String word) {
    if (word.length() < 2 * MIN_PART_LENGTH || word.length() > MAX_WORD_LENGTH) {
      return List.of();
    }
    // Looked up before the letters test: most words the index splits are repeated ones.
    List<Part> cached = cache.get(word);
    if (cached != null) {
      return cached;
    }
    if (!isLetters(word)) {
      return List.of();
    }
    List<String> pieces = splitter.splitWord(word);
    List<Part> parts = pieces.size() < 2 ? List.of() : locate(word, pieces);
    remember(word, parts);
    return parts;
  }

  /**
   * Caches a split while the cache is within both its bounds (racing threads may overshoot by a
   * word each).
   */
  private void remember(String word, List<Part> parts) {
    long bytes = ENTRY_BYTES + 2L * word.length();
    for (Part part : parts) {
      bytes += PART_BYTES + 2L * part.text().length();
    }
    if (cache.size() < CACHE_MAX_WORDS && cachedBytes.get() + bytes <= CACHE_MAX_BYTES) {
      if (cache.putIfAbsent(word, parts) == null) {
        cachedBytes.addAndGet(bytes);
      }
    }
  }

  /** The cache's estimated heap bytes. */
  long cachedBytes() {
    return cachedBytes.get();
  }

  private static boolean isLetters(String word) {
    for (int i = 0; i < word.length(); ) {
      int c = word.codePointAt(i);
      if (!Character.isLetter(c)) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  /**
   * Finds each piece in the word, left to right. jwordsplitter hides interfixes, so pieces may be
   * separated by a short gap; anything else means we cannot tell where a piece came from, and a
   * wrong offset is worse than no part.
   */
  private List<Part> locate(String word, List<String> pieces) {
    List<Part> parts = new ArrayList<>(pieces.size());
    int cursor = 0;
    for (String piece : pieces) {
      int start = find(word, piece, cursor);
      if (start < 0) {
        return List.of();
      }
      int end = start + piece.length();
      if (isWord(piece)) {
        parts.add(new Part(word.substring(start, end), start, end));
      }
      cursor = end;
    }
    return word.length() - cursor > MAX_GAP ? List.of() : List.copyOf(parts);
  }

  /** Where the piece starts at most {@link #MAX_GAP} chars after the cursor, or -1. */
  private static int find(String word, String piece, int cursor) {
    for (int start = cursor; start <= cursor + MAX_GAP; start++) {
      // Ignoring case: jwordsplitter's exception list returns parts capitalised ("Brutto").
      if (word.regionMatches(true, start, piece, 0, piece.length())) {
        return start;
      }
    }
    return -1;
  }

  private boolean isWord(String piece) {
    return piece.codePointCount(0, piece.length()) >= MIN_PART_LENGTH
        && dictionary.contains(piece.toLowerCase(Locale.ROOT));
  }

  /**
   * One part of a compound: its text as it appears in the word and its char offsets in the word.
   *
   * @param text the part, e.g. "forschung"
   * @param start offset of its first char inside the word
   * @param end offset after its last char inside the word
   */
  public record Part(String text, int start, int end) {
    /**
     * Whether this part is the compound's head, the last part, which says what the whole is: a
     * Universitätsklinikum is a Klinikum; its modifier Universität says only which one. An interfix
     * may follow the head's dictionary form, as after any part.
     */
    public boolean isHeadOf(String word) {
      return word.length() - end <= MAX_GAP;
    }
  }
}
