package org.partnersearch.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.IndexReader;
import org.partnersearch.analysis.GermanDecompounder;
import org.partnersearch.analysis.StopWords;

/**
 * Splits a typed word into the pieces of a compound, the last one its head, each marked with
 * whether the index has it: jwordsplitter's dictionary first; for a compound it leaves whole
 * ("Teilchenbeschleuniger", "Ionenstrahlzentrum"), the words of the corpus itself, read from the
 * served generation's term dictionary (so the words the searcher splits by are exactly those that
 * generation indexed, at no cost to the build). A piece the index lacks is kept, unknown: the
 * relaxation ladder leaves it out and says so.
 */
final class CompoundPieces {
  /** Shorter words are hardly compounds, and splitting them finds noise. */
  static final int MIN_WORD_LETTERS = 6;

  /**
   * A corpus word shorter than this is no piece: "und", "ion", "ists" end or start too many words.
   * The dictionary's parts have their own minimum.
   */
  static final int MIN_CORPUS_PIECE = 5;

  /** The shortest modifier left before a head: shorter rests are interfixes or endings. */
  private static final int MIN_REST = 3;

  private final GermanDecompounder decompounder;
  private final KnownWords knownWords;

  CompoundPieces(GermanDecompounder decompounder, KnownWords knownWords) {
    this.decompounder = decompounder;
    this.knownWords = knownWords;
  }

  /**
   * One piece of a typed compound, with its offsets in the typed word.
   *
   * @param known whether some name, alias or description has it in some form
   */
  record Piece(String text, int start, int end, boolean known) {
    /** The piece as typed, capitalised as the word was: for the visitor. */
    String asTyped(String word) {
      String piece = word.substring(start, end);
      return start > 0 && Character.isUpperCase(word.codePointAt(0))
          ? piece.substring(0, 1).toUpperCase(Locale.ROOT) + piece.substring(1)
          : piece;
    }
  }

  /**
   * The pieces of {@code word}, head last; empty unless it splits into two or more with one known.
   */
  List<Piece> of(IndexReader reader, String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.length() != word.length()
        || word.codePointCount(0, word.length()) < MIN_WORD_LETTERS
        || word.length() > QueryFactory.MAX_TYPO_LETTERS
        || !word.codePoints().allMatch(Character::isLetter)) {
      return List
          .of(); // NOTE: same length, so offsets in the lower-cased word are offsets in the typed
      // one
    }
    List<Piece> pieces = new ArrayList<>();
    List<GermanDecompounder.Part> parts = decompounder.split(lower);
    if (parts.size() >= 2) {
      for (GermanDecompounder.Part p : parts) {
        pieces.add(new Piece(p.text(), p.start(), p.end(), knownWords.isIndexed(reader, p.text())));
      }
    } else {
      split(reader, lower, 0, lower.length(), pieces);
    }
    boolean anyKnown = pieces.stream().anyMatch(Piece::known);
    return pieces.size() >= 2 && anyKnown ? List.copyOf(pieces) : List.of();
  }

  /**
   * Splits {@code word[from, to)} into corpus words from the right: the longest known word that
   * ends it is its head, and what comes before is split the same way, or else kept as one unknown
   * piece. An interfix "s" before a head is no piece ("forschungs|zentrum").
   */
  private void split(IndexReader reader, String word, int from, int to, List<Piece> out) {
    for (int start = from + MIN_REST; start <= to - MIN_CORPUS_PIECE; start++) {
      String head = word.substring(start, to);
      if (isCorpusWord(reader, head)) {
        int restEnd = start;
        if (word.charAt(start - 1) == 's'
            && start - 1 - from >= MIN_REST
            && !isCorpusWord(reader, word.substring(from, start))
            && isCorpusWord(reader, word.substring(from, start - 1))) {
          restEnd = start - 1;
        }
        String rest = word.substring(from, restEnd);
        if (isCorpusWord(reader, rest)) {
          out.add(new Piece(rest, from, restEnd, true));
        } else {
          int before = out.size();
          split(reader, word, from, restEnd, out);
          if (out.size() == before) {
            out.add(new Piece(rest, from, restEnd, false));
          }
        }
        out.add(new Piece(head, start, to, true));
        return;
      }
    }
  }

  private boolean isCorpusWord(IndexReader reader, String text) {
    return text.length() >= MIN_CORPUS_PIECE
        && !StopWords.contains(text)
        && knownWords.isIndexed(reader, text);
  }
}
