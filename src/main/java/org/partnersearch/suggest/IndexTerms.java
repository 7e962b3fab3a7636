package org.partnersearch.suggest;

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
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.spell.HighFrequencyDictionary;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOConsumer;
import org.partnersearch.analysis.StopWords;
import org.partnersearch.analysis.Variant;
import org.partnersearch.corpus.Lang;

/**
 * The term entries of a generation, read from the main index once it is written: every word as
 * written (the unmarked variant) of the searchable texts, hyphenated ones also whole, weighted by
 * the partner texts it is in (document frequencies, through {@link HighFrequencyDictionary}) and
 * shown in the spelling most of the first partners with it wrote (cut from their text at its offsets).
 */
final class IndexTerms {
  private static final int MIN_TERM_CHARS = 2;
  /** Stop words and numbers are terms too (a prefix of any corpus word gets a suggestion), but last. */
  private static final long UNIMPORTANT = 0;
  /** How many partners' spellings of a term are read per field. */
  private static final int SAMPLED_DOCS = 3;
  /** The most frequent spelling first; among equally frequent ones the alphabetically first (capitals first). */
  private static final Comparator<Map.Entry<String, Integer>> PREFERRED_SPELLING =
      Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());
  /** Texts read for spellings, by document and field: the first partners have most of the terms. */
  private static final int CACHED_TEXTS = 4096;

  private final IndexReader reader;
  private final SuggestIndexWriter.FieldText texts;
  private final Map<String, TermsEnum> enums = new HashMap<>();
  private final Map<String, String> cache = new LinkedHashMap<>(CACHED_TEXTS, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > CACHED_TEXTS;
    }
  };

  IndexTerms(IndexReader reader, SuggestIndexWriter.FieldText texts) {
    this.reader = reader;
    this.texts = texts;
  }

  /** A term: its spelling, languages and weight. */
  record Term(String text, Set<Lang> langs, long weight) {}

  /** Hands every term of {@code fields} to {@code sink}, merged over the fields, in index order. */
  void forEach(List<SuggestIndexWriter.TermField> fields, IOConsumer<Term> sink) throws IOException {
    PriorityQueue<FieldTerms> queue = new PriorityQueue<>((a, b) -> a.term.compareTo(b.term));
    for (SuggestIndexWriter.TermField field : fields) {
      FieldTerms f = new FieldTerms(field, new HighFrequencyDictionary(reader, field.field(), 0f).getEntryIterator());
      if (f.next()) {
        queue.add(f);
      }
    }
    List<FieldTerms> group = new ArrayList<>();
    while (!queue.isEmpty()) {
      group.clear();
      BytesRef term = BytesRef.deepCopyOf(queue.peek().term);
      while (!queue.isEmpty() && queue.peek().term.equals(term)) {
        group.add(queue.poll());
      }
      String word = term.utf8ToString();
      if (Variant.of(word) == Variant.EXACT && word.codePointCount(0, word.length()) >= MIN_TERM_CHARS) {
        Term t = term(word, term, group);
        if (t != null) {
          sink.accept(t);
        }
      }
      for (FieldTerms f : group) {
        if (f.next()) {
          queue.add(f);
        }
      }
    }
  }

  /**
   * The term, weighted by the partner texts it is in (a partner that writes it in both languages
   * counts twice); null if no partner wrote it so: the closed-up form of a hyphenated word
   * ("ökoinstitut" of "Öko-Institut") is indexed but not written.
   */
  private Term term(String word, BytesRef bytes, List<FieldTerms> group) throws IOException {
    Set<Lang> langs = EnumSet.noneOf(Lang.class);
    long partners = 0;
    Map<String, Integer> spellings = new HashMap<>();
    for (FieldTerms f : group) {
      langs.addAll(f.field.lang() == null ? EnumSet.allOf(Lang.class) : EnumSet.of(f.field.lang()));
      partners += f.field.partners() ? f.weight : 0;
      spellings(word, bytes, f.field.field(), spellings);
    }
    boolean unimportant = StopWords.contains(word) || word.chars().noneMatch(Character::isLetter);
    return spellings.isEmpty() ? null : new Term(spellings.entrySet().stream().min(PREFERRED_SPELLING).orElseThrow()
        .getKey(), langs, unimportant ? UNIMPORTANT : 1 + partners);
  }

  /** Counts how the first partners with the term in {@code field} wrote it. */
  private void spellings(String word, BytesRef term, String field, Map<String, Integer> spellings) throws IOException {
    TermsEnum te = enums.get(field);
    if (te == null) {
      Terms terms = MultiTerms.getTerms(reader, field);
      te = terms == null ? TermsEnum.EMPTY : terms.iterator();
      enums.put(field, te);
    }
    if (!te.seekExact(term)) {
      return;
    }
    PostingsEnum postings = te.postings(null, PostingsEnum.OFFSETS);
    for (int n = 0; n < SAMPLED_DOCS && postings.nextDoc() != DocIdSetIterator.NO_MORE_DOCS; n++) {
      postings.nextPosition();
      String key = postings.docID() + " " + field;
      String text = cache.get(key);
      if (text == null) {
        text = texts.of(postings.docID(), field);
        cache.put(key, text);
      }
      int start = postings.startOffset();
      int end = postings.endOffset();
      if (start >= 0 && end <= text.length() && start < end
          && text.substring(start, end).toLowerCase(Locale.ROOT).equals(word)) {
        spellings.merge(text.substring(start, end), 1, Integer::sum);
      }
    }
  }

  /** One field's terms in order, with the document frequency of the current one. */
  private static final class FieldTerms {
    final SuggestIndexWriter.TermField field;
    final InputIterator terms;
    BytesRef term;
    long weight;

    FieldTerms(SuggestIndexWriter.TermField field, InputIterator terms) {
      this.field = field;
      this.terms = terms;
    }

    boolean next() throws IOException {
      term = terms.next();
      weight = term == null ? 0 : terms.weight();
      return term != null;
    }
  }
}
