package org.partnersearch.suggest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;
import org.partnersearch.analysis.DecompoundFilter;
import org.partnersearch.corpus.Lang;

/**
 * Lucene's infix suggester over the entries, on disk in the generation folder. The FOLDED_WORDS
 * chain indexes each entry's words folded (ü→u, ß→ss) with their hyphen pieces and compound parts,
 * so a typed word finds a later word or a part inside a compound. Kind and language are an entry's
 * contexts, the partner or area id its payload. {@link #highlight} marks exactly the typed letters,
 * inside a compound part too, and tells the ranking how the entry matched ({@link Marked}).
 */
final class EntryIndex extends AnalyzingInfixSuggester {
  /** The field of the entries' analysed words, which the typo corrector reads too. */
  static final String WORDS_FIELD = TEXT_FIELD_NAME;

  /** The infix index is written once per generation: fewer, larger segments than the default. */
  private static final double RAM_BUFFER_MB = 64;

  /**
   * Entries analysed for highlighting, by text: a lookup highlights up to 256 candidates, and
   * analysing them anew was a fifth of a suggest (JFR). Bounded: once full, it starts over.
   */
  private static final int CACHED_ENTRIES = 50_000;

  private final Analyzer entries;
  private final Analyzer withGrams;

  /**
   * Typed last words shorter than this are looked up by their grams, longer ones by a prefix query.
   */
  private final int minPrefixChars;

  private final Map<String, List<Marked.Token>> analysed = new ConcurrentHashMap<>();

  /**
   * Typed last words whose queries are kept. Visitors choose these words, and a prefix query holds
   * a compiled automaton that grows with the word: a few thousand short words, not the entries'
   * bound.
   */
  private static final int CACHED_LAST_WORDS = 4096;

  /** Longer typed words are rare, and their automata the largest: compiled each time. */
  private static final int MAX_CACHED_LETTERS = 24;

  /**
   * A typed last word's query, by word: a prefix query compiles an automaton, an eighth of a
   * suggest (JFR), and queries are immutable. Bounded: once full, it starts over.
   */
  private final Map<String, Query> lastWords = new ConcurrentHashMap<>();

  /**
   * Texts' lengths are ranked up to this many chars: weights carry it in their lowest 8 bits, so
   * that the lookup fetches the shorter of equally weighted entries first, as {@link Ranking} ranks
   * them.
   */
  private static final int MAX_LENGTH = 255;

  private long added;

  /**
   * @param entries the analyzer the entries are indexed with, which {@link #highlight} reads them
   *     with; closed with this
   */
  EntryIndex(Directory dir, Analyzer entries, Analyzer queryAnalyzer, int minPrefixChars)
      throws IOException {
    this(dir, entries, withGrams(entries, minPrefixChars - 1), queryAnalyzer, minPrefixChars);
  }

  /** No "textgrams" field (0): the grams are indexed with the words ({@link PrefixGrams}). */
  private EntryIndex(
      Directory dir,
      Analyzer entries,
      Analyzer withGrams,
      Analyzer queryAnalyzer,
      int minPrefixChars)
      throws IOException {
    super(dir, withGrams, queryAnalyzer, 0, false, true, true, true);
    this.entries = entries;
    this.withGrams = withGrams;
    this.minPrefixChars = minPrefixChars;
  }

  /** The entries' analyzer with the {@link PrefixGrams} of every token, up to {@code max}. */
  private static Analyzer withGrams(Analyzer entries, int max) {
    return new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        return entries;
      }

      @Override
      protected TokenStreamComponents wrapComponents(
          String fieldName, TokenStreamComponents components) {
        return new TokenStreamComponents(
            components.getSource(), new PrefixGrams(components.getTokenStream(), max));
      }
    };
  }

  /**
   * Adds an entry while the generation is built; its kind and its text's language (if one) are its
   * contexts.
   */
  void add(String text, Suggestion.Kind kind, String id, Set<Lang> langs, long weight)
      throws IOException {
    Set<BytesRef> contexts = new HashSet<>(Set.of(new BytesRef(kind.name())));
    if (langs.size() == 1) {
      contexts.add(new BytesRef(langs.iterator().next().name()));
    }
    long shortness = MAX_LENGTH - Math.min(MAX_LENGTH, text.length());
    add(
        new BytesRef(text),
        contexts,
        weight << 8 | shortness,
        id == null ? null : new BytesRef(id));
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
  protected IndexWriterConfig getIndexWriterConfig(
      Analyzer indexAnalyzer, IndexWriterConfig.OpenMode openMode) {
    return super.getIndexWriterConfig(indexAnalyzer, openMode)
        .setRAMBufferSizeMB(RAM_BUFFER_MB)
        .setCommitOnClose(false);
  }

  /** How many typed last words' queries are kept: memory that visitors' typing can claim. */
  int keptLastWords() {
    return lastWords.size();
  }

  @Override
  protected Query getLastTokenQuery(String token) throws IOException {
    Query query = lastWords.get(token);
    if (query == null) {
      query =
          token.codePointCount(0, token.length()) < minPrefixChars
              ? new TermQuery(new Term(WORDS_FIELD, PrefixGrams.gram(token)))
              : super.getLastTokenQuery(token);
      if (token.length() <= MAX_CACHED_LETTERS) {
        if (lastWords.size() >= CACHED_LAST_WORDS) {
          lastWords.clear();
        }
        lastWords.put(token, query);
      }
    }
    return query;
  }

  @Override
  protected Object highlight(String text, Set<String> matchedTokens, String prefixToken)
      throws IOException {
    List<Marked.Token> tokens = analysed.get(text);
    if (tokens == null) {
      if (analysed.size() >= CACHED_ENTRIES) {
        analysed.clear();
      }
      tokens = tokens(text);
      analysed.put(text, tokens);
    }
    return Marked.of(text, tokens, matchedTokens, prefixToken);
  }

  @Override
  public void close() throws IOException {
    IOUtils.close(super::close, withGrams, entries);
  }

  /** The entry's tokens as they were indexed, with their offsets. */
  private List<Marked.Token> tokens(String text) throws IOException {
    List<Marked.Token> tokens = new ArrayList<>();
    try (TokenStream ts = entries.tokenStream(WORDS_FIELD, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
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
                !part && !oneWord(text.substring(offset.startOffset(), offset.endOffset()))));
      }
      ts.end();
    }
    return List.copyOf(tokens);
  }

  /**
   * A hyphenated word as a whole and closed up ("öko-institut", "okoinstitut") spans its hyphen.
   */
  private static boolean oneWord(String run) {
    return run.codePoints()
        .allMatch(
            c ->
                Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK);
  }
}
