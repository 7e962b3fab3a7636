package org.partnersearch.index;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableFieldType;
import org.partnersearch.analysis.Variant;

/**
 * The spell checker's words of one partner, collected while its texts are indexed, so that each
 * text is analysed once (the spelling field analysed them a second time: a sixth of the build's
 * analysis). The words as written, unmarked, of a searchable text are the terms the spelling
 * field's own chain ({@code WORDS}) gives the same text: both lower-case the same words and split
 * hyphenated ones alike, and only the searchable chains add marked variants. One instance per
 * document; Lucene inverts a document's fields in their order, so the spelling field comes last.
 */
final class SpellingWords {
  /**
   * Each word once: the spelling field keeps documents only (no frequencies, positions or norms),
   * so a repeated word would cost the writer thread a term lookup for nothing.
   */
  private final Set<String> words = new LinkedHashSet<>();

  /** A field of {@code value} whose words as written also go to the spelling field. */
  Field collecting(String name, String value, FieldType type) {
    return new Field(name, value, type) {
      @Override
      public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
        return new Collect(super.tokenStream(analyzer, reuse));
      }
    };
  }

  /** The spelling field's value: the words collected from the fields before it. */
  Field field(String name, IndexableFieldType type) {
    if (type.indexOptions() != IndexOptions.DOCS || !type.omitNorms()) {
      throw new IllegalArgumentException("each word is given once: documents only, no norms");
    }
    return new Field(name, new Words(), type);
  }

  /** Keeps every unmarked term that passes by. */
  private final class Collect extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    Collect(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      String text = term.toString();
      if (Variant.of(text) == Variant.EXACT) {
        words.add(text);
      }
      return true;
    }
  }

  /** The collected words, read when the spelling field is indexed. */
  private final class Words extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private Iterator<String> next;

    @Override
    public void reset() throws IOException {
      super.reset();
      next = words.iterator();
    }

    @Override
    public boolean incrementToken() {
      if (!next.hasNext()) {
        return false;
      }
      clearAttributes();
      term.setEmpty().append(next.next());
      return true;
    }
  }
}
