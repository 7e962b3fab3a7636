package org.partnersearch.suggest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.partnersearch.analysis.DecompoundFilter;
import org.partnersearch.analysis.Folding;
import org.partnersearch.corpus.Lang;

/**
 * Lucene's infix suggester over the entries, on disk in the generation folder. The FOLDED_WORDS
 * chain indexes each entry's words folded (ü→u, ß→ss) with their hyphen pieces and compound parts,
 * so a typed word finds a later word or a part inside a compound. Kind and language are the
 * entry's contexts, the partner or area id its payload. {@link #highlight} is overridden: it marks
 * exactly the typed letters, inside a compound part too, and tells the ranking how the entry matched.
 */
final class EntryIndex extends AnalyzingInfixSuggester {
  /** The field of the entries' analysed words, which the typo corrector reads too. */
  static final String WORDS_FIELD = TEXT_FIELD_NAME;
  /** The infix index is written once per generation: fewer, larger segments than the default. */
  private static final double RAM_BUFFER_MB = 64;

  private final Analyzer entries;
  private long added;

  /** @param entries the analyzer the entries are indexed with, which {@link #highlight} reads them with */
  EntryIndex(Directory dir, Analyzer entries, Analyzer queryAnalyzer, int minPrefixChars) throws IOException {
    super(dir, entries, queryAnalyzer, minPrefixChars, false, true, true, true);
    this.entries = entries;
  }

  /** Adds an entry while the generation is built; its kind and its text's language (if one) are its contexts. */
  void add(String text, Suggestion.Kind kind, String id, Set<Lang> langs, long weight) throws IOException {
    Set<BytesRef> contexts = new HashSet<>(Set.of(new BytesRef(kind.name())));
    if (langs.size() == 1) {
      contexts.add(new BytesRef(langs.iterator().next().name()));
    }
    add(new BytesRef(text), contexts, weight, id == null ? null : new BytesRef(id));
    added++;
  }

  /** Commits what was added; without any entry an empty index is committed, which still opens. */
  void commitAll() throws IOException {
    if (added == 0) {
      build(InputIterator.EMPTY);
    } else {
      commit();
    }
  }

  /** Closing without {@link #commitAll} discards what was added: a failed build leaves no index. */
  @Override
  protected IndexWriterConfig getIndexWriterConfig(Analyzer indexAnalyzer, IndexWriterConfig.OpenMode openMode) {
    return super.getIndexWriterConfig(indexAnalyzer, openMode).setRAMBufferSizeMB(RAM_BUFFER_MB)
        .setCommitOnClose(false);
  }

  /**
   * The entry's text analysed as it was indexed: each typed word is marked where it first starts a
   * word, else where it starts a compound part, with exactly as many letters as were typed.
   */
  @Override
  protected Object highlight(String text, Set<String> matchedTokens, String prefixToken) throws IOException {
    List<Token> tokens = tokens(text);
    List<Marked.Span> spans = new ArrayList<>();
    boolean viaPart = false;
    for (String typed : matchedTokens) {
      Token t = find(tokens, typed, false);
      viaPart |= t != null && t.part();
      if (t != null) {
        spans.add(span(text, t, typed.length()));
      }
    }
    if (prefixToken != null) {
      Token t = find(tokens, prefixToken, true);
      viaPart |= t != null && t.part();
      if (t != null) {
        spans.add(span(text, t, prefixToken.length()));
      }
    }
    List<String> words = new ArrayList<>();
    for (Token t : tokens) {
      if (!t.part() && !t.joined()) {
        words.add(t.term());
      }
    }
    return new Marked(text, words, viaPart, spans);
  }

  /** The first whole word that is (or starts with) {@code typed}, else the first such compound part. */
  private static Token find(List<Token> tokens, String typed, boolean prefix) {
    Token joined = null;
    Token part = null;
    for (Token t : tokens) {
      if (prefix ? t.term().startsWith(typed) : t.term().equals(typed)) {
        if (!t.part() && !t.joined()) {
          return t;
        }
        if (t.part() && part == null) {
          part = t;
        } else if (t.joined() && joined == null) {
          joined = t;
        }
      }
    }
    return joined != null ? joined : part;
  }

  /** The run of {@code text} that the first {@code letters} folded letters of the token came from. */
  private static Marked.Span span(String text, Token t, int letters) {
    int folded = 0;
    int end = t.start();
    while (end < t.end() && folded < letters) {
      int cp = text.codePointAt(end);
      folded += Folding.strip(Character.toString(Character.toLowerCase(cp))).length();
      end += Character.charCount(cp);
    }
    // Where the surface has fewer letters than the term (a char filter changed it), all of it is marked.
    return new Marked.Span(t.start(), folded < letters ? t.end() : end);
  }

  private List<Token> tokens(String text) throws IOException {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream ts = entries.tokenStream(WORDS_FIELD, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        boolean part = DecompoundFilter.PART_TYPE.equals(type.type());
        int start = offset.startOffset();
        int end = offset.endOffset();
        tokens.add(new Token(term.toString(), start, end, part, !part && !wordChars(text, start, end)));
      }
      ts.end();
    }
    return tokens;
  }

  /** Whether the run is one word: a hyphenated whole and its closed-up form span the hyphen. */
  private static boolean wordChars(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!Character.isLetterOrDigit(text.charAt(i)) && Character.getType(text.charAt(i)) != Character.NON_SPACING_MARK) {
        return false;
      }
    }
    return true;
  }

  /**
   * A token of an entry's text. {@code joined}: a hyphenated word as a whole or closed up
   * ("öko-institut", "okoinstitut"), which stands beside its pieces.
   */
  private record Token(String term, int start, int end, boolean part, boolean joined) {}
}
