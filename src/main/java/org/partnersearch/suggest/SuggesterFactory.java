package org.partnersearch.suggest;

import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.search.suggest.analyzing.AnalyzingSuggester;
import org.apache.lucene.search.suggest.analyzing.FuzzySuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;
import org.partnersearch.analysis.Analyzers;
import org.partnersearch.analysis.Chain;
import org.partnersearch.analysis.GermanDecompounder;
import org.partnersearch.corpus.Partner;
import org.partnersearch.corpus.Vocabulary;

/**
 * Builds the {@link Suggester} of an index generation in memory when the generation is opened, so
 * it is rebuilt whenever the index is: from the partners stored in the index and its vocabulary.
 */
public final class SuggesterFactory {
  /** Below this many typed chars the infix suggester looks up indexed edge n-grams, above a prefix query. */
  private static final int MIN_PREFIX_CHARS = 4;

  private final Analyzers analyzers;
  private final WordAnalysis analysis;

  public SuggesterFactory(Analyzers analyzers, GermanDecompounder decompounder) {
    this.analyzers = analyzers;
    this.analysis = new WordAnalysis(analyzers, decompounder);
  }

  /**
   * @param translations the other-language terms of a typed word or phrase (the glossary)
   */
  public Suggester create(List<Partner> partners, Vocabulary vocabulary, Function<String, List<String>> translations)
      throws IOException {
    List<SuggestEntry> entries = SuggestEntries.collect(analysis, partners, vocabulary);
    // The index side of FOLDED adds compound parts; the query side matches whole typed words.
    AnalyzingInfixSuggester infix = new EntryIndex(new ByteBuffersDirectory(),
        analyzers.index(Chain.FOLDED), analyzers.query(Chain.FOLDED), MIN_PREFIX_CHARS);
    try {
      infix.build(new Entries(entries));
      // Not unicode-aware: the words are folded, nearly all ASCII, and byte automata are much cheaper
      // to build per lookup; an edit on a rare non-ASCII char then costs two edits.
      FuzzySuggester fuzzy = new FuzzySuggester(new ByteBuffersDirectory(), "fuzzy",
          analyzers.query(Chain.FOLDED), analyzers.query(Chain.FOLDED),
          AnalyzingSuggester.EXACT_FIRST | AnalyzingSuggester.PRESERVE_SEP, 256, -1, true,
          1, true, 1, Suggester.MIN_TYPO_CHARS, false);
      fuzzy.build(new Words(wordCounts(entries)));
      return new Suggester(analysis, entries, infix, fuzzy, translations);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(infix);
      throw e;
    }
  }

  /** Every folded word and compound part of the entries, with how many entries contain it. */
  private static Map<String, Long> wordCounts(List<SuggestEntry> entries) {
    Map<String, Long> counts = new HashMap<>();
    for (SuggestEntry e : entries) {
      for (Word w : e.words()) {
        if (!w.joined() && w.folded().codePoints().allMatch(Character::isLetter)) {
          counts.merge(w.folded(), 1L, Long::sum);
          w.parts().forEach(p -> counts.merge(p.folded(), 1L, Long::sum));
        }
      }
    }
    return counts;
  }

  /** The entries for the infix suggester: text, weight, and the entry's index as payload. */
  private static final class Entries implements InputIterator {
    private final List<SuggestEntry> entries;
    private int next;

    Entries(List<SuggestEntry> entries) {
      this.entries = entries;
    }

    @Override
    public BytesRef next() {
      return next < entries.size() ? new BytesRef(entries.get(next++).text()) : null;
    }

    @Override
    public long weight() {
      return entries.get(next - 1).weight();
    }

    @Override
    public BytesRef payload() {
      return Suggester.payload(next - 1);
    }

    @Override
    public boolean hasPayloads() {
      return true;
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

  /** The words for the typo corrector, weighted by how often they occur. */
  private static final class Words implements InputIterator {
    private final Iterator<Map.Entry<String, Long>> words;
    private long weight;

    Words(Map<String, Long> counts) {
      this.words = counts.entrySet().iterator();
    }

    @Override
    public BytesRef next() {
      if (!words.hasNext()) {
        return null;
      }
      Map.Entry<String, Long> e = words.next();
      weight = e.getValue();
      return new BytesRef(e.getKey());
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
}
