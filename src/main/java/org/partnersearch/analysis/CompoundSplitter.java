package org.partnersearch.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Splits a lower-cased word into the pieces of a compound, the last one its head: jwordsplitter's
 * dictionary first; for a compound it leaves whole ("teilchenbeschleuniger", "ionenstrahlzentrum"),
 * the words of the corpus itself, as a known-word test over a generation's term dictionary tells
 * them. The searcher splits typed words and the suggester its entries with this one class and the
 * same test, so a compound is split alike on both sides.
 */
public final class CompoundSplitter {
  /** Shorter words are hardly compounds, and splitting them finds noise. */
  public static final int MIN_WORD_LETTERS = 6;

  /**
   * A corpus word shorter than this is no piece: "und", "ion", "ists" end or start too many words.
   * The dictionary's parts have their own minimum.
   */
  static final int MIN_CORPUS_PIECE = 5;

  /** The shortest modifier left before a head: shorter rests are interfixes or endings. */
  private static final int MIN_REST = 3;

  private final GermanDecompounder decompounder;

  public CompoundSplitter(GermanDecompounder decompounder) {
    this.decompounder = decompounder;
  }

  /**
   * One piece of a compound, with its offsets in the word.
   *
   * @param known whether the known-word test has it
   */
  public record Piece(String text, int start, int end, boolean known) {
    /** The piece as typed in {@code word}, capitalised as the word was: for the visitor. */
    public String asTyped(String word) {
      String piece = word.substring(start, end);
      return start > 0 && Character.isUpperCase(word.codePointAt(0))
          ? piece.substring(0, 1).toUpperCase(Locale.ROOT) + piece.substring(1)
          : piece;
    }
  }

  /**
   * The pieces of the lower-cased {@code word}, head last: the dictionary's parts, each marked
   * known or not, else the corpus words it is made of. Empty unless it splits into two or more
   * pieces with one known.
   */
  public List<Piece> split(String word, Predicate<String> known) {
    if (word.codePointCount(0, word.length()) < MIN_WORD_LETTERS
        || !word.codePoints().allMatch(Character::isLetter)) {
      return List.of();
    }
    List<Piece> pieces = new ArrayList<>();
    List<GermanDecompounder.Part> parts = decompounder.split(word);
    if (parts.size() >= 2) {
      for (GermanDecompounder.Part p : parts) {
        pieces.add(new Piece(p.text(), p.start(), p.end(), known.test(p.text())));
      }
    } else {
      splitByCorpus(word, 0, word.length(), known, pieces);
    }
    boolean anyKnown = pieces.stream().anyMatch(Piece::known);
    return pieces.size() >= 2 && anyKnown ? List.copyOf(pieces) : List.of();
  }

  /**
   * The parts an index adds after {@code word}: the dictionary's, as {@link GermanDecompounder}
   * finds them; for a word it leaves whole, the corpus words it is made of (a piece that is none is
   * no part: it would find nothing the whole word does not).
   */
  public List<GermanDecompounder.Part> parts(String word, Predicate<String> known) {
    List<GermanDecompounder.Part> parts = decompounder.split(word);
    if (!parts.isEmpty()) {
      return parts;
    }
    return split(word, known).stream()
        .filter(Piece::known)
        .map(p -> new GermanDecompounder.Part(p.text(), p.start(), p.end()))
        .toList();
  }

  /**
   * {@link #parts} by one known-word test, each word's parts and each tested piece remembered: a
   * test looks a piece up in a term dictionary, and the words of the suggester's entries share
   * their pieces' candidates ("ungen", "ation") over and over (a fifth of the suggester's build,
   * JFR). Bounded: once full, further words and pieces are not remembered.
   */
  public Function<String, List<GermanDecompounder.Part>> partsBy(Predicate<String> known) {
    Map<String, Boolean> tested = new ConcurrentHashMap<>();
    Predicate<String> remembered =
        piece -> {
          Boolean k = tested.get(piece);
          if (k == null) {
            k = known.test(piece);
            if (tested.size() < GermanDecompounder.CACHE_MAX_WORDS) {
              tested.put(piece, k);
            }
          }
          return k;
        };
    Map<String, List<GermanDecompounder.Part>> cache = new ConcurrentHashMap<>();
    return word -> {
      List<GermanDecompounder.Part> parts = cache.get(word);
      if (parts == null) {
        parts = parts(word, remembered);
        if (cache.size() < GermanDecompounder.CACHE_MAX_WORDS) {
          cache.put(word, parts);
        }
      }
      return parts;
    };
  }

  /**
   * Splits {@code word[from, to)} into corpus words from the right: the longest known word that
   * ends it is its head, and what comes before is split the same way, or else kept as one unknown
   * piece. An interfix "s" before a head is no piece ("forschungs|zentrum").
   */
  private static void splitByCorpus(
      String word, int from, int to, Predicate<String> known, List<Piece> out) {
    for (int start = from + MIN_REST; start <= to - MIN_CORPUS_PIECE; start++) {
      String head = word.substring(start, to);
      if (isCorpusWord(head, known)) {
        int restEnd = start;
        if (word.charAt(start - 1) == 's'
            && start - 1 - from >= MIN_REST
            && !isCorpusWord(word.substring(from, start), known)
            && isCorpusWord(word.substring(from, start - 1), known)) {
          restEnd = start - 1;
        }
        String rest = word.substring(from, restEnd);
        if (isCorpusWord(rest, known)) {
          out.add(new Piece(rest, from, restEnd, true));
        } else {
          int before = out.size();
          splitByCorpus(word, from, restEnd, known, out);
          if (out.size() == before) {
            out.add(new Piece(rest, from, restEnd, false));
          }
        }
        out.add(new Piece(head, start, to, true));
        return;
      }
    }
  }

  private static boolean isCorpusWord(String text, Predicate<String> known) {
    return text.length() >= MIN_CORPUS_PIECE && !StopWords.contains(text) && known.test(text);
  }
}
