package org.partnersearch.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides how well an entry matches the typed words and which runs of its text they cover. The
 * infix suggester finds candidates; this tells an entry that starts with what was typed from one
 * where it is found later or inside a compound.
 */
final class EntryMatcher {
  private EntryMatcher() {}

  /** How an entry matched, best first; the order of the ranking. */
  enum Tier {
    /** The entry starts with the typed words. */
    PREFIX,
    /** Each typed word starts a word of the entry. */
    WORD,
    /** Some typed word starts a compound part ("klinikum" in "Universitätsklinikum"). */
    PART,
    /** A word of the entry translates the typed text (glossary). */
    TRANSLATION,
    /** The last typed word matched only after correcting a typo. */
    TYPO
  }

  /** {@code whole}: the typed words are whole words of the entry, not just prefixes of them. */
  record Match(Tier tier, List<Word.Span> spans, boolean whole) {}

  /**
   * Matches {@code typed} (folded words) against {@code entry}; the last word as a prefix when
   * {@code lastIsPrefix}. {@code markLast} caps how many chars of the last word's match are marked
   * (for typo corrections: as many as were typed).
   */
  static Optional<Match> match(SuggestEntry entry, List<String> typed, boolean lastIsPrefix, int markLast) {
    if (typed.isEmpty()) {
      return Optional.empty();
    }
    Optional<Match> prefix = fromStart(entry, typed, lastIsPrefix, markLast);
    if (prefix.isPresent()) {
      return prefix;
    }
    List<Word.Span> spans = new ArrayList<>();
    boolean partUsed = false;
    for (int i = 0; i < typed.size(); i++) {
      boolean prefixMatch = lastIsPrefix && i == typed.size() - 1;
      int mark = i == typed.size() - 1 ? markLast : Integer.MAX_VALUE;
      Word.Span span = wordSpan(entry, typed.get(i), prefixMatch, mark);
      if (span == null) {
        span = partSpan(entry, typed.get(i), prefixMatch, mark);
        partUsed = true;
      }
      if (span == null) {
        return Optional.empty();
      }
      spans.add(span);
    }
    return Optional.of(new Match(partUsed ? Tier.PART : Tier.WORD, spans, false));
  }

  private static Optional<Match> fromStart(SuggestEntry entry, List<String> typed, boolean lastIsPrefix, int markLast) {
    List<Word.Span> spans = new ArrayList<>();
    boolean whole = true;
    for (int i = 0; i < typed.size(); i++) {
      boolean last = i == typed.size() - 1;
      Word w = entry.wordAt(i);
      String t = typed.get(i);
      if (w == null || !(last && lastIsPrefix ? w.folded().startsWith(t) : w.folded().equals(t))) {
        return Optional.empty();
      }
      spans.add(w.span(0, 0, last ? Math.min(t.length(), markLast) : t.length()));
      whole &= w.folded().length() == t.length();
    }
    return Optional.of(new Match(Tier.PREFIX, spans, whole));
  }

  private static Word.Span wordSpan(SuggestEntry entry, String t, boolean prefix, int mark) {
    for (Word w : entry.words()) {
      if (prefix ? w.folded().startsWith(t) : w.folded().equals(t)) {
        return w.span(0, 0, Math.min(t.length(), mark));
      }
    }
    return null;
  }

  private static Word.Span partSpan(SuggestEntry entry, String t, boolean prefix, int mark) {
    for (Word w : entry.words()) {
      for (Word.Part p : w.parts()) {
        if (prefix ? p.folded().startsWith(t) : p.folded().equals(t)) {
          return w.span(p.foldedStart(), p.start(), Math.min(t.length(), mark));
        }
      }
    }
    return null;
  }
}
