package org.partnersearch.suggest;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;
import org.partnersearch.corpus.Lang;

/**
 * Lucene's infix suggester over the entries, on disk in the generation folder. The FOLDED_WORDS
 * chain indexes each entry's words folded (ü→u, ß→ss) with their hyphen pieces and compound parts,
 * so a typed word finds a later word or a part inside a compound. Kind, language and the partner or
 * area id are an entry's contexts (Lucene names the payloads' field only privately). {@link
 * #highlight} tells the ranking how an entry matched, and marks the typed letters of the listed
 * ones, inside a compound part too ({@link Marked}).
 */
final class EntryIndex extends AnalyzingInfixSuggester {
  /** The field of the entries' analysed words, which the typo corrector reads too. */
  static final String WORDS_FIELD = TEXT_FIELD_NAME;

  /** Starts the context that holds an entry's partner or area id. */
  static final String ID_CONTEXT = "id:";

  /** The infix index is written once per generation: fewer, larger segments than the default. */
  private static final double RAM_BUFFER_MB = 64;

  private final Analyzer entries;
  private final Analyzer withGrams;

  /** Typed last words shorter than this are looked up by their grams, longer ones by prefix. */
  private static final int MIN_PREFIX_CHARS = 4;

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
   * Entries analysed for marking, by text: a lookup finds up to 256, and analysing them anew was a
   * fifth of a suggest (JFR). Bounded: once full, it starts over.
   */
  private static final int CACHED_ENTRIES = 50_000;

  private final Map<String, Marked.Entry> analysed = new ConcurrentHashMap<>();

  /**
   * Texts' lengths are ranked up to this many chars: weights carry it in 8 bits, so that the lookup
   * fetches the shorter of equally weighted entries first, as {@link Ranking} ranks them.
   */
  private static final int MAX_LENGTH = 255;

  /**
   * @param entries the analyzer the entries are indexed with, which {@link #highlight} reads them
   *     with ({@link Marked.Entry}); closed with this
   */
  EntryIndex(Directory dir, Analyzer entries, Analyzer queryAnalyzer) throws IOException {
    this(dir, entries, PrefixGrams.after(entries, MIN_PREFIX_CHARS - 1), queryAnalyzer);
  }

  /** No "textgrams" field (0): the grams are indexed with the words ({@link PrefixGrams}). */
  private EntryIndex(Directory dir, Analyzer entries, Analyzer withGrams, Analyzer queryAnalyzer)
      throws IOException {
    super(dir, withGrams, queryAnalyzer, 0, false, true, true, true);
    this.entries = entries;
    this.withGrams = withGrams;
  }

  /**
   * Adds an entry while the generation is built; its kind, its text's language (if one) and its id
   * (if any) are its contexts.
   */
  void add(String text, Suggestion.Kind kind, String id, Set<Lang> langs, long weight)
      throws IOException {
    Set<BytesRef> contexts = new HashSet<>(Set.of(new BytesRef(kind.name())));
    if (langs.size() == 1) {
      contexts.add(new BytesRef(langs.iterator().next().name()));
    }
    if (id != null) {
      contexts.add(new BytesRef(ID_CONTEXT + id));
    }
    long shortness = MAX_LENGTH - Math.min(MAX_LENGTH, text.length());
    add(new BytesRef(text), contexts, weight << 8 | shortness, null);
  }

  /** Commits what was added; without any entry an empty index is committed, which still opens. */
  void commitAll(long added) throws IOException {
    if (added == 0) {
      build(InputIterator.EMPTY);
    } else {
      commit();
    }
  }

  @Override
  protected IndexWriterConfig getIndexWriterConfig(
      Analyzer indexAnalyzer, IndexWriterConfig.OpenMode openMode) {
    return configured(super.getIndexWriterConfig(indexAnalyzer, openMode));
  }

  /**
   * Lucene's settings for the infix index, and larger segments; closing without {@link #commitAll}
   * discards what was added: a failed build leaves no index.
   */
  static IndexWriterConfig configured(IndexWriterConfig config) {
    return config.setRAMBufferSizeMB(RAM_BUFFER_MB).setCommitOnClose(false);
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
          token.codePointCount(0, token.length()) < MIN_PREFIX_CHARS
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

  /**
   * Lucene's results, each a {@link Hit} as its {@code highlightKey}, with each segment's doc
   * values opened once per lookup: Lucene opens the text and context values anew for every hit,
   * which was a third of a suggest at 100,000 partners (JFR). Hits are read in document order, as
   * doc values are, and returned in Lucene's order.
   */
  @Override
  protected List<LookupResult> createResults(
      IndexSearcher searcher,
      TopFieldDocs hits,
      int num,
      CharSequence key,
      boolean doHighlight,
      Set<String> matchedTokens,
      String prefixToken)
      throws IOException {
    ScoreDoc[] found = hits.scoreDocs;
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LookupResult[] results = new LookupResult[found.length];
    LeafReaderContext leaf = null;
    BinaryDocValues texts = null;
    SortedSetDocValues contexts = null;
    Object[] named = null;
    for (long docAndIndex :
        IntStream.range(0, found.length)
            .mapToLong(i -> (long) found[i].doc << 32 | i)
            .sorted()
            .toArray()) {
      int i = (int) docAndIndex;
      if (leaf == null || found[i].doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(found[i].doc, leaves));
        texts = leaf.reader().getBinaryDocValues(TEXT_FIELD_NAME);
        contexts = leaf.reader().getSortedSetDocValues(CONTEXTS_FIELD_NAME);
        // Kinds and languages (upper case) sort before the ids: read once, not hit by hit, as
        // reading a context was a fifth of a suggest at 100,000 partners (JFR).
        named = new Object[(int) (-1 - contexts.lookupTerm(new BytesRef(ID_CONTEXT)))];
        for (int ord = 0; ord < named.length; ord++) {
          String name = contexts.lookupOrd(ord).utf8ToString();
          named[ord] = name.length() == 2 ? Lang.valueOf(name) : Suggestion.Kind.valueOf(name);
        }
      }
      int doc = found[i].doc - leaf.docBase;
      texts.advanceExact(doc);
      String text = texts.binaryValue().utf8ToString();
      Suggestion.Kind kind = null;
      Lang lang = null;
      long id = -1;
      contexts.advanceExact(doc);
      for (int c = 0; c < contexts.docValueCount(); c++) {
        long ord = contexts.nextOrd();
        if (ord >= named.length) {
          id = ord;
        } else if (named[(int) ord] instanceof Lang l) {
          lang = l;
        } else {
          kind = (Suggestion.Kind) named[(int) ord];
        }
      }
      long weight = (Long) ((FieldDoc) found[i]).fields[0];
      Hit hit =
          new Hit(highlight(text, matchedTokens, prefixToken), kind, lang, weight, contexts, id);
      results[i] = new LookupResult(text, hit, weight, null, null);
    }
    return Arrays.asList(results);
  }

  /** The entry's match, which marks exactly the typed letters when asked ({@link Marked}). */
  @Override
  protected Marked highlight(String text, Set<String> matchedTokens, String prefixToken)
      throws IOException {
    Marked.Entry entry = analysed.get(text);
    if (entry == null) {
      if (analysed.size() >= CACHED_ENTRIES) {
        analysed.clear();
      }
      entry = Marked.Entry.analyse(text, entries, WORDS_FIELD);
      analysed.put(text, entry);
    }
    return new Marked(entry, matchedTokens, prefixToken);
  }

  @Override
  public void close() throws IOException {
    IOUtils.close(super::close, withGrams, entries);
  }
}
