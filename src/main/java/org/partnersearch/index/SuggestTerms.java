package org.partnersearch.index;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.spell.HighFrequencyDictionary;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.util.BytesRef;
import org.partnersearch.analysis.Variant;
import org.partnersearch.corpus.Lang;
import org.partnersearch.corpus.Partner;
import org.partnersearch.corpus.Vocabulary;
import org.partnersearch.suggest.SuggestIndexWriter;

/**
 * Hands the suggester the partners of a written generation and its words, so it keeps no copy or
 * counts of its own: the partners' names and aliases from their stored records; every word as
 * written (the unmarked variant) of the searchable texts but people's names, hyphenated ones also
 * whole, with the number of partner texts it is in (document frequencies through {@link
 * HighFrequencyDictionary}, merged over the fields; a partner writing it in both languages counts
 * twice, labels not at all) and the spelling most of the first partners with it wrote, cut from
 * their stored record at the word's offsets.
 */
final class SuggestTerms {
  private static final int MIN_CHARS = 2;

  /** How many partners' spellings of a word are read per field. */
  private static final int SAMPLED_DOCS = 3;

  /**
   * The most frequent spelling first; among equally frequent ones the alphabetically first
   * (capitals first).
   */
  private static final Comparator<Map.Entry<String, Integer>> PREFERRED_SPELLING =
      Map.Entry.<String, Integer>comparingByValue()
          .reversed()
          .thenComparing(Map.Entry.comparingByKey());

  /** Words whose spellings are read together, partner by partner. */
  private static final int BATCH_WORDS = 50_000;

  /** Partners read for spellings, by document: the first partners have most of the words. */
  private static final int CACHED_PARTNERS = 1024;

  private final IndexReader reader;
  private StoredFields sources;
  private int sourceLeaf = -1;
  private final JsonCodec json;
  private final Vocabulary vocabulary;
  private final Map<String, TermsEnum> enums = new HashMap<>();
  private final Map<Integer, Partner> partners =
      new LinkedHashMap<>(CACHED_PARTNERS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Partner> eldest) {
          return size() > CACHED_PARTNERS;
        }
      };

  SuggestTerms(IndexReader reader, JsonCodec json, Vocabulary vocabulary) throws IOException {
    this.reader = reader;
    this.json = json;
    this.vocabulary = vocabulary;
  }

  /**
   * Adds every partner, then every word to {@code suggester}, a batch at a time: the batch's words
   * in index order, their spellings read partner by partner in document order, so each partner's
   * record is read and decoded once per batch (read per word, as the words came, it was over half
   * the suggester's share of the build: JFR).
   */
  void addTo(SuggestIndexWriter suggester) throws IOException {
    // The partners' names and aliases first, from their records in document order (each chunk of
    // records decompressed once): no second copy of them is held while the index is written.
    for (int doc = 0; doc < reader.maxDoc(); doc++) {
      Names p = json.read(source(doc), Names.class);
      suggester.add(p.id(), p.name(), p.nameEn(), p.aliases());
    }
    PriorityQueue<FieldTerms> queue = new PriorityQueue<>((a, b) -> a.term.compareTo(b.term));
    for (SearchableText text : SearchableText.values()) {
      FieldTerms f =
          new FieldTerms(
              text, new HighFrequencyDictionary(reader, text.field(), 0f).getEntryIterator());
      if (text != SearchableText.PEOPLE && f.next()) {
        queue.add(f);
      }
    }
    List<FieldTerms> group = new ArrayList<>();
    List<Word> batch = new ArrayList<>();
    while (!queue.isEmpty()) {
      group.clear();
      BytesRef term = BytesRef.deepCopyOf(queue.peek().term);
      while (!queue.isEmpty() && queue.peek().term.equals(term)) {
        group.add(queue.poll());
      }
      String word = term.utf8ToString();
      if (Variant.of(word) == Variant.EXACT && word.codePointCount(0, word.length()) >= MIN_CHARS) {
        batch.add(word(word, term, group));
      }
      for (FieldTerms f : group) {
        if (f.next()) {
          queue.add(f);
        }
      }
      if (batch.size() >= BATCH_WORDS || queue.isEmpty()) {
        addBatch(batch, suggester);
        batch.clear();
      }
    }
  }

  /**
   * A word with its languages, how many partner texts have it, and where the first partners with it
   * wrote it.
   */
  private Word word(String word, BytesRef term, List<FieldTerms> group) throws IOException {
    Set<Lang> langs = EnumSet.noneOf(Lang.class);
    long partners = 0;
    List<Sample> samples = new ArrayList<>();
    for (FieldTerms f : group) {
      langs.addAll(lang(f.text));
      partners +=
          f.text == SearchableText.LABELS_DE || f.text == SearchableText.LABELS_EN ? 0 : f.docs;
      samples(term, f.text, samples);
    }
    return new Word(word, langs, partners, samples, new HashMap<>());
  }

  /**
   * Reads the batch's spellings in document order, then adds each word unless no partner wrote it
   * so: the closed-up form of a hyphenated word ("ökoinstitut" of "Öko-Institut") is indexed, but
   * no one writes it.
   */
  private void addBatch(List<Word> batch, SuggestIndexWriter suggester) throws IOException {
    List<Map.Entry<Sample, Word>> all = new ArrayList<>();
    for (Word w : batch) {
      w.samples().forEach(s -> all.add(Map.entry(s, w)));
    }
    all.sort(Comparator.comparingInt(e -> e.getKey().doc()));
    for (Map.Entry<Sample, Word> e : all) {
      Sample s = e.getKey();
      String value = text(s.doc(), s.text());
      if (s.end() <= value.length()) {
        String spelling = value.substring(s.start(), s.end());
        if (spelling.toLowerCase(Locale.ROOT).equals(e.getValue().word())) {
          e.getValue().spellings().merge(spelling, 1, Integer::sum);
        }
      }
    }
    for (Word w : batch) {
      if (!w.spellings().isEmpty()) {
        suggester.term(
            w.spellings().entrySet().stream().min(PREFERRED_SPELLING).orElseThrow().getKey(),
            w.langs(),
            w.partners());
      }
    }
  }

  /**
   * The languages of a text: the official name counts as German; aliases and acronyms are either.
   */
  private static Set<Lang> lang(SearchableText text) {
    return switch (text) {
      case NAME, LABELS_DE, DESCRIPTION_DE -> EnumSet.of(Lang.DE);
      case NAME_EN, LABELS_EN, DESCRIPTION_EN -> EnumSet.of(Lang.EN);
      case ALIASES, PEOPLE -> EnumSet.allOf(Lang.class);
    };
  }

  /** Where the first partners with the word in {@code text} have it. */
  private void samples(BytesRef term, SearchableText text, List<Sample> samples)
      throws IOException {
    TermsEnum te = enums.get(text.field());
    if (te == null) {
      Terms terms = MultiTerms.getTerms(reader, text.field());
      te = terms == null ? TermsEnum.EMPTY : terms.iterator();
      enums.put(text.field(), te);
    }
    if (!te.seekExact(term)) {
      return;
    }
    PostingsEnum postings = te.postings(null, PostingsEnum.OFFSETS);
    for (int n = 0; n < SAMPLED_DOCS && postings.nextDoc() != DocIdSetIterator.NO_MORE_DOCS; n++) {
      postings.nextPosition();
      if (postings.startOffset() >= 0 && postings.startOffset() < postings.endOffset()) {
        samples.add(
            new Sample(postings.docID(), text, postings.startOffset(), postings.endOffset()));
      }
    }
  }

  /** A partner's text as indexed: the offsets of its words point into it. */
  private String text(int doc, SearchableText text) throws IOException {
    Partner partner = partners.get(doc);
    if (partner == null) {
      partner = json.read(source(doc), Partner.class);
      partners.put(doc, partner);
    }
    return text.joinedTexts(partner, vocabulary);
  }

  /**
   * The stored record of {@code doc}, by the codec's merge instance: it decompresses each chunk of
   * records once for the ascending documents of a batch, where a plain read decompresses the chunk
   * up to the record every time (two thirds of reading spellings, JFR).
   */
  private String source(int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    int leaf = ReaderUtil.subIndex(doc, leaves);
    if (leaf != sourceLeaf) {
      sourceLeaf = leaf;
      sources =
          leaves.get(leaf).reader() instanceof CodecReader codec
              ? codec.getFieldsReader().getMergeInstance()
              : leaves.get(leaf).reader().storedFields();
    }
    DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(IndexSchema.SOURCE);
    sources.document(doc - leaves.get(leaf).docBase, visitor);
    return visitor.getDocument().get(IndexSchema.SOURCE);
  }

  /**
   * What the suggester takes of a partner's record: the rest (descriptions, contacts) is most of
   * its bytes, and is skipped instead of decoded into strings.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  private record Names(String id, String name, String nameEn, List<String> aliases) {}

  /** Where a partner's text has a word, at the word's offsets. */
  private record Sample(int doc, SearchableText text, int start, int end) {}

  /** A word of the index waiting for its spellings. */
  private record Word(
      String word,
      Set<Lang> langs,
      long partners,
      List<Sample> samples,
      Map<String, Integer> spellings) {}

  /** One field's words in order, with the document frequency of the current one. */
  private static final class FieldTerms {
    final SearchableText text;
    final InputIterator terms;
    BytesRef term;
    long docs;

    FieldTerms(SearchableText text, InputIterator terms) {
      this.text = text;
      this.terms = terms;
    }

    boolean next() throws IOException {
      term = terms.next();
      docs = term == null ? 0 : terms.weight();
      return term != null;
    }
  }
}
