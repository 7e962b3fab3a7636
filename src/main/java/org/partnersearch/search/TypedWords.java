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
 */
final class TypedWords {
  private static final String FIELD = "query";
  private final Analyzers analyzers;

  TypedWords(Analyzers analyzers) {
    this.analyzers = analyzers;
  }

  /** The words of {@code text} in {@code chain} (one of the variant chains), in order. */
  List<WordForms> of(Chain chain, String text) {
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
    return words;
  }
}
