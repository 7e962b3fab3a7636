package org.partnersearch.suggest;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.partnersearch.analysis.DecompoundFilter;

/** Entries' texts with their tokens as the infix index has them, for {@link Marked} to mark. */
final class EntryTokens implements Closeable {
  /**
   * Entries analysed for highlighting, by text: a lookup highlights up to 256 candidates, and
   * analysing them anew was a fifth of a suggest (JFR). Bounded: once full, it starts over.
   */
  private static final int CACHED_ENTRIES = 50_000;

  private final Analyzer entries;
  private final String field;
  private final Map<String, Marked.Entry> analysed = new ConcurrentHashMap<>();

  /**
   * @param entries the analyzer the entries are indexed with; closed with this
   */
  EntryTokens(Analyzer entries, String field) {
    this.entries = entries;
    this.field = field;
  }

  /** The entry with its tokens as they were indexed, with their offsets. */
  Marked.Entry of(String text) throws IOException {
    Marked.Entry entry = analysed.get(text);
    if (entry == null) {
      if (analysed.size() >= CACHED_ENTRIES) {
        analysed.clear();
      }
      entry = Marked.Entry.of(text, analyse(text));
      analysed.put(text, entry);
    }
    return entry;
  }

  @Override
  public void close() {
    entries.close();
  }

  private List<Marked.Token> analyse(String text) throws IOException {
    List<Marked.Token> tokens = new ArrayList<>();
    try (TokenStream ts = entries.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      // A hyphenated word as a whole and closed up spans its pieces' positions, as when typed.
      PositionLengthAttribute joined = ts.addAttribute(PositionLengthAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        // A compound's head and its modifiers are both parts of it, typed apart for ranking only.
        boolean part =
            DecompoundFilter.PART_TYPE.equals(type.type())
                || DecompoundFilter.MODIFIER_TYPE.equals(type.type());
        tokens.add(
            new Marked.Token(
                term.toString(),
                offset.startOffset(),
                offset.endOffset(),
                part,
                joined.getPositionLength() > 1));
      }
      ts.end();
    }
    return List.copyOf(tokens);
  }
}
