package org.partnersearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.partnersearch.analysis.Analyzers;
import org.partnersearch.analysis.Chain;

/**
 * Normalises a term into the keys the glossary is indexed and looked up by: its folded words, and
 * its words' German and English stems.
 *
 * <p>The keys of recent texts are kept: every search looks up each typed word (and each run of
 * words) in the glossary, and analysing them in three chains was 4-6 % of a search (JFR at 13
 * partners). Bounded as {@link TypedWords} is, for the same reason.
 */
public final class GlossaryKeys {
  private static final List<Chain> STEMMING =
      List.of(Chain.GERMAN_VARIANTS, Chain.ENGLISH_VARIANTS);
  private final Analyzers analyzers;
  private final TypedWords typedWords;

  private final RecentlyUsed<String, Set<String>> recent = new RecentlyUsed<>(TypedWords.MAX_TEXTS);

  public GlossaryKeys(Analyzers analyzers) {
    this.analyzers = analyzers;
    this.typedWords = new TypedWords(analyzers);
  }

  /** The keys of {@code text}, in a fixed order (folded, German, English); not modifiable. */
  public Set<String> of(String text) {
    if (text.length() > TypedWords.MAX_CACHED_CHARS) {
      return keys(text);
    }
    return recent.get(text, this::keys);
  }

  /** How many texts' keys are kept, for a test of the bound. */
  int cached() {
    return recent.size();
  }

  private Set<String> keys(String text) {
    Set<String> keys = new LinkedHashSet<>();
    String folded = String.join(" ", tokens(analyzers.query(Chain.FOLDED_WORDS), "", text));
    if (!folded.isEmpty()) {
      keys.add(Chain.FOLDED_WORDS + ":" + folded);
    }
    for (Chain chain : STEMMING) {
      String stems =
          String.join(" ", typedWords.of(chain, text).stream().map(WordForms::stem).toList());
      if (!stems.isEmpty()) {
        keys.add(chain + ":" + stems);
      }
    }
    return Collections.unmodifiableSet(keys);
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
