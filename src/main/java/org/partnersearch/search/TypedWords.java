package org.partnersearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.partnersearch.analysis.Analyzers;
import org.partnersearch.analysis.Chain;
import org.partnersearch.analysis.Variant;

/**
 * What typed text is in one chain: its words, each with its {@link WordForms}, from the query side
 * of the same chain the texts are indexed with, so that a typed word and an indexed one are
 * normalised by the same rules.
 *
 * <p>The texts analysed most recently are kept, since every search analyses its words in three
 * chains, their translations, and the partner types' labels again (JFR at 13 partners: a tenth of a
 * search); the analysis does not depend on the index. NOTE: the bound is in texts, about 1.5 KB
 * each ({@link TermKinds}; measured at 13 partners after the benchmark's mix, 8,333 texts), so a
 * full cache holds about 25 MB: at {@code -Xmx64m} that is most of the heap.
 */
final class TypedWords {
  private static final String FIELD = "query";

  /** How many texts are kept; longer texts than {@link #MAX_CACHED_CHARS} are never kept. */
  static final int MAX_TEXTS = 16_384;

  static final int MAX_CACHED_CHARS = 64;

  private final Analyzers analyzers;

  private record Key(Chain chain, String text) {}

  private final RecentlyUsed<Key, List<WordForms>> recent = new RecentlyUsed<>(MAX_TEXTS);

  TypedWords(Analyzers analyzers) {
    this.analyzers = analyzers;
  }

  /** The words of {@code text} in {@code chain} (one of the variant chains), in order. */
  List<WordForms> of(Chain chain, String text) {
    if (text.length() > MAX_CACHED_CHARS) {
      return analysed(chain, text);
    }
    return recent.get(new Key(chain, text), key -> analysed(chain, text));
  }

  /** How many texts are kept, for a test of the bound. */
  int cached() {
    return recent.size();
  }

  private List<WordForms> analysed(Chain chain, String text) {
    List<WordForms> words = new ArrayList<>();
    try (TokenStream ts = analyzers.query(chain).tokenStream(FIELD, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      String exact = null;
      List<String> folded = new ArrayList<>();
      String stem = null;
      while (ts.incrementToken()) {
        if (increment.getPositionIncrement() > 0 && exact != null) {
          words.add(new WordForms(exact, folded, stem));
          folded.clear();
        }
        switch (Variant.valueOf(type.type())) {
          case EXACT -> exact = term.toString();
          case FOLDED -> folded.add(term.toString());
          case STEM -> stem = term.toString();
          case PART, MODIFIER -> throw new IllegalStateException("no compound parts at query time");
        }
      }
      if (exact != null) {
        words.add(new WordForms(exact, folded, stem));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(words);
  }
}
