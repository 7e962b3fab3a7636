package org.partnersearch.suggest;

import java.io.Closeable;
import java.io.IOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOConsumer;
import org.partnersearch.corpus.Lang;

/**
 * Counts, on disk and in bounded memory, what the term entries and the typo corrector need: for each
 * term key its spellings with their occurrences, its languages and how many partners use it; for
 * each word of an entry how many entries contain it. A million partners have millions of distinct
 * keys, more than maps on the heap can hold beside the index writers' buffers; a scratch Lucene
 * index counts them instead (its writer spills to disk and merges, its terms come out sorted). Each
 * partner is one document, so a key's document frequency is its partner count; a key's spellings
 * and languages are terms that sort right after the key, so they are read as one group.
 */
final class TermCounts implements Closeable {
  /**
   * Per occurrence of a term: {@code key} (only in a partner's document, for the partner count),
   * {@code key\0spelling} (its frequency counts the occurrences) and {@code key\1de} or
   * {@code key\1en} (a language it was seen in). Keys are folded words: every char is above \1.
   */
  private static final String TERMS = "terms";
  /** Per entry: each folded word and compound part, once per occurrence; the frequency is the count. */
  private static final String WORDS = "words";
  private static final char SPELLING = '\u0000';
  private static final char LANGUAGE = '\u0001';
  /** Frequencies without positions: each distinct token of a document is written once with its count. */
  private static final FieldType COUNTED = counted();
  private static final double RAM_BUFFER_MB = 32;

  private final IndexWriter writer;
  private final Map<String, Integer> terms = new HashMap<>();
  private final Map<String, Integer> words = new HashMap<>();

  /** What was counted for one term key. {@code spellings}: each spelling with its occurrences. */
  record Counted(String key, Map<String, Long> spellings, Set<Lang> langs, int partners) {}

  TermCounts(Directory scratch) throws IOException {
    this.writer = new IndexWriter(scratch, new IndexWriterConfig()
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setRAMBufferSizeMB(RAM_BUFFER_MB)
        .setCommitOnClose(false));
  }

  /**
   * One occurrence of a term in the current document, in a text of {@code lang} (null: both, as in
   * aliases); {@code ofPartner}: the text is a partner's (not a label or the glossary).
   */
  void term(String key, String spelling, Lang lang, boolean ofPartner) {
    if (key.chars().anyMatch(c -> c <= LANGUAGE)) {
      return; // cannot happen with the FOLDED chain's words; would break the grouping
    }
    terms.merge(key + SPELLING + spelling, 1, Integer::sum);
    if (lang != Lang.DE) {
      terms.put(key + LANGUAGE + Lang.EN.code(), 1);
    }
    if (lang != Lang.EN) {
      terms.put(key + LANGUAGE + Lang.DE.code(), 1);
    }
    if (ofPartner) {
      terms.put(key, 1);
    }
  }

  /** The words of one entry, for the typo corrector: whole single words of letters and their parts. */
  void words(Iterable<Word> entryWords) {
    for (Word w : entryWords) {
      if (!w.joined() && w.folded().codePoints().allMatch(Character::isLetter)) {
        words.merge(w.folded(), 1, Integer::sum);
        w.parts().forEach(p -> words.merge(p.folded(), 1, Integer::sum));
      }
    }
  }

  /** Writes the current document: one partner, the vocabulary, or a batch of term entries' words. */
  void endDocument() throws IOException {
    if (terms.isEmpty() && words.isEmpty()) {
      return;
    }
    Document doc = new Document();
    doc.add(new Field(TERMS, new CountedTokens(terms), COUNTED));
    doc.add(new Field(WORDS, new CountedTokens(words), COUNTED));
    writer.addDocument(doc);
    terms.clear();
    words.clear();
  }

  /**
   * Every term key counted so far, in the index's (UTF-8) order. {@code consumer} may add words
   * meanwhile: they go into later documents, which this pass does not see.
   */
  void forEachTerm(IOConsumer<Counted> consumer) throws IOException {
    endDocument();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      Terms all = MultiTerms.getTerms(reader, TERMS);
      if (all == null) {
        return;
      }
      TermsEnum te = all.iterator();
      Group group = null;
      for (BytesRef token = te.next(); token != null; token = te.next()) {
        String s = token.utf8ToString();
        int separator = separator(s);
        String key = separator < 0 ? s : s.substring(0, separator);
        if (group == null || !group.key.equals(key)) {
          if (group != null) {
            consumer.accept(group.counted());
          }
          group = new Group(key);
        }
        if (separator < 0) {
          group.partners = te.docFreq();
        } else if (s.charAt(separator) == SPELLING) {
          group.spellings.merge(s.substring(separator + 1), te.totalTermFreq(), Long::sum);
        } else {
          group.langs.add(Lang.parse(s.substring(separator + 1)));
        }
      }
      if (group != null) {
        consumer.accept(group.counted());
      }
    }
  }

  /** Builds {@code typoCorrector} from every counted word, weighted by how many entries contain it. */
  void buildWords(Lookup typoCorrector) throws IOException {
    endDocument();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      Terms all = MultiTerms.getTerms(reader, WORDS);
      typoCorrector.build(new CountedWords(all == null ? TermsEnum.EMPTY : all.iterator()));
    }
  }

  /** Discards the scratch index; the caller deletes its folder. */
  @Override
  public void close() throws IOException {
    writer.rollback();
  }

  private static int separator(String token) {
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) <= LANGUAGE) {
        return i;
      }
    }
    return -1;
  }

  private static final class Group {
    final String key;
    final Map<String, Long> spellings = new HashMap<>();
    final Set<Lang> langs = EnumSet.noneOf(Lang.class);
    int partners;

    Group(String key) {
      this.key = key;
    }

    Counted counted() {
      return new Counted(key, spellings, langs, partners);
    }
  }

  /**
   * The distinct tokens of one document, each once with its count as the term frequency; read while
   * the document is added, before the counts are cleared.
   */
  private static final class CountedTokens extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
    private final Map<String, Integer> counts;
    private Iterator<Map.Entry<String, Integer>> next;

    CountedTokens(Map<String, Integer> counts) {
      this.counts = counts;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = counts.entrySet().iterator();
    }

    @Override
    public boolean incrementToken() {
      if (!next.hasNext()) {
        return false;
      }
      clearAttributes();
      Map.Entry<String, Integer> e = next.next();
      term.setEmpty().append(e.getKey());
      frequency.setTermFrequency(e.getValue());
      return true;
    }
  }

  /** The counted words as the typo corrector's input: each word once, its weight the count. */
  private static final class CountedWords implements InputIterator {
    private final TermsEnum words;
    private long weight;

    CountedWords(TermsEnum words) {
      this.words = words;
    }

    @Override
    public BytesRef next() throws IOException {
      BytesRef word = words.next();
      if (word != null) {
        weight = words.totalTermFreq();
      }
      return word;
    }

    @Override
    public long weight() {
      return weight;
    }

    @Override
    public BytesRef payload() {
      return null;
    }

    @Override
    public boolean hasPayloads() {
      return false;
    }

    @Override
    public Set<BytesRef> contexts() {
      return null;
    }

    @Override
    public boolean hasContexts() {
      return false;
    }
  }

  private static FieldType counted() {
    FieldType type = new FieldType();
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.setTokenized(true);
    type.setOmitNorms(true);
    type.freeze();
    return type;
  }
}
