package org.partnersearch.suggest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.spell.HighFrequencyDictionary;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.util.BytesRef;
import org.partnersearch.analysis.StopWords;
import org.partnersearch.analysis.Variant;
import org.partnersearch.corpus.Lang;

/**
 * The term entries of a generation, read from the main index once it is written: every word as
 * written (the unmarked variant) of the searchable texts, hyphenated ones also whole, weighted by
 * how many partners use it (its document frequency, through {@link HighFrequencyDictionary}) and shown
 * in the spelling of the first partner that has it (cut from its text at the term's offsets).
 */
final class IndexTerms {
  private static final int MIN_TERM_CHARS = 2;
  /** Stop words and numbers are terms too (a prefix of any corpus word gets a suggestion), but last. */
  private static final long UNIMPORTANT = 0;
  /** Texts read for spellings, by document and field: the first partners have most of the terms. */
  private static final int CACHED_TEXTS = 4096;

  private final IndexReader reader;
  private final SuggestIndexWriter.FieldText texts;
  private final Map<String, String> cache = new LinkedHashMap<>(CACHED_TEXTS, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > CACHED_TEXTS;
    }
  };

  /** One enum per field, to seek the terms whose spelling is read. */
  private final Map<String, TermsEnum> enums = new java.util.HashMap<>();

  IndexTerms(IndexReader reader, SuggestIndexWriter.FieldText texts) {
    this.reader = reader;
    this.texts = texts;
  }

  /** A term: its spelling, languages and weight. */
  record Term(String text, Set<Lang> langs, long weight) {}

  /** Hands every term of {@code fields} to {@code sink}, merged over the fields, in index order. */
  void forEach(List<SuggestIndexWriter.TermField> fields, TermSink sink) throws IOException {
    PriorityQueue<FieldTerms> queue = new PriorityQueue<>((a, b) -> a.term.compareTo(b.term));
    for (SuggestIndexWriter.TermField field : fields) {
      FieldTerms f = new FieldTerms(field, new HighFrequencyDictionary(reader, field.field(), 0f).getEntryIterator());
      if (f.next()) {
        queue.add(f);
      }
    }
    // A hyphenated word sorts before its closed-up form ("öko-institut" < "ökoinstitut"), which no one writes.
    TreeSet<String> closedUp = new TreeSet<>();
    List<FieldTerms> group = new ArrayList<>();
    while (!queue.isEmpty()) {
      group.clear();
      BytesRef term = BytesRef.deepCopyOf(queue.peek().term);
      while (!queue.isEmpty() && queue.peek().term.equals(term)) {
        group.add(queue.poll());
      }
      String word = term.utf8ToString();
      closedUp.headSet(word).clear();
      if (!closedUp.remove(word) && Variant.of(word) == Variant.EXACT && word.codePointCount(0, word.length()) >= MIN_TERM_CHARS) {
        String closed = word.replaceAll("[^\\p{L}\\p{N}]", "");
        if (!closed.equals(word)) {
          closedUp.add(closed);
        }
        sink.term(term(word, term, group));
      }
      for (FieldTerms f : group) {
        if (f.next()) {
          queue.add(f);
        }
      }
    }
  }

  private Term term(String word, BytesRef bytes, List<FieldTerms> group) throws IOException {
    Set<Lang> langs = EnumSet.noneOf(Lang.class);
    long partners = 0;
    FieldTerms most = group.get(0);
    for (FieldTerms f : group) {
      if (f.field.lang() == null) {
        langs.addAll(EnumSet.allOf(Lang.class));
      } else {
        langs.add(f.field.lang());
      }
      if (f.field.partners() && f.weight > partners) {
        partners = f.weight;
        most = f;
      }
    }
    String spelling = spelling(word, bytes, most.field.field());
    boolean unimportant = StopWords.contains(word) || word.chars().noneMatch(Character::isLetter);
    return new Term(spelling, langs, unimportant ? UNIMPORTANT : 1 + partners);
  }

  /** The term as the first partner with it in {@code field} wrote it; as indexed if that cannot be told. */
  private String spelling(String word, BytesRef term, String field) throws IOException {
    TermsEnum te = enums.computeIfAbsent(field, this::termsEnum);
    if (te == null || !te.seekExact(term)) {
      return word;
    }
    PostingsEnum postings = te.postings(null, PostingsEnum.OFFSETS);
    int doc = postings.nextDoc();
    if (doc == DocIdSetIterator.NO_MORE_DOCS) {
      return word;
    }
    postings.nextPosition();
    String text = cache.get(doc + " " + field);
    if (text == null) {
      text = texts.of(doc, field);
      cache.put(doc + " " + field, text);
    }
    int start = postings.startOffset();
    int end = postings.endOffset();
    if (start < 0 || end > text.length() || start >= end) {
      return word;
    }
    String surface = text.substring(start, end);
    return surface.toLowerCase(Locale.ROOT).equals(word) ? surface : word;
  }

  private TermsEnum termsEnum(String field) {
    try {
      Terms terms = MultiTerms.getTerms(reader, field);
      return terms == null ? null : terms.iterator();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Receives the terms. */
  @FunctionalInterface
  interface TermSink {
    void term(Term term) throws IOException;
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
