package org.partnersearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.partnersearch.analysis.Analyzers;
import org.partnersearch.analysis.Chain;

/** Normalises a term into the keys the glossary is indexed and looked up by: one per query chain. */
final class GlossaryKeys {
  private static final List<Chain> CHAINS = List.of(Chain.FOLDED, Chain.GERMAN, Chain.ENGLISH);
  private final Analyzers analyzers;

  GlossaryKeys(Analyzers analyzers) {
    this.analyzers = analyzers;
  }

  Set<String> of(String text) {
    Set<String> keys = new LinkedHashSet<>();
    for (Chain chain : CHAINS) {
      String key = String.join(" ", tokens(analyzers.query(chain), "", text));
      if (!key.isEmpty()) {
        keys.add(chain + ":" + key);
      }
    }
    return keys;
  }

  /** The terms {@code analyzer} makes of {@code text} for {@code field}, in order. */
  static List<String> tokens(Analyzer analyzer, String field, String text) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        tokens.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }
}
