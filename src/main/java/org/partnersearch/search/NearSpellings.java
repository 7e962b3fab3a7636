package org.partnersearch.search;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;
import org.partnersearch.analysis.Variant;

/**
 * The indexed words within a few edits of a typed word, weighed as Lucene's {@link FuzzyQuery}
 * weighs them ({@code 1 - edits / length}, the first character fixed, a transposition one edit, the
 * best 50 per field). One automaton per typed word, built once and run over every text's terms:
 * over the words as written and their folded variants, so that a typo of "Jülich" typed without
 * umlaut keys finds it, while stems and compound parts (other marks) stay out.
 */
final class NearSpellings {
  static final int MAX_EXPANSIONS = FuzzyQuery.defaultMaxExpansions;
  private static final int PREFIX = 1;

  private final String word;
  private final int length;
  private final int maxEdits;
  private final CompiledAutomaton widest;
  private final CompiledAutomaton oneEdit;

  private NearSpellings(String word, int maxEdits) {
    this.word = word;
    this.length = word.codePointCount(0, word.length());
    this.maxEdits = maxEdits;
    this.widest = compile(word, maxEdits);
    this.oneEdit = maxEdits > 1 ? compile(word, 1) : widest;
  }

  /** @param folded the typed word lower-cased and stripped of accents, at least two letters */
  static NearSpellings of(String folded, int maxEdits) {
    return new NearSpellings(folded, maxEdits);
  }

  String word() {
    return word;
  }

  /** The near spellings in {@code field}, best first, each with its weight (at most 1). */
  Map<String, Float> in(IndexReader reader, String field) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, field);
    if (terms == null) {
      return Map.of();
    }
    record Scored(String term, float boost) {}
    Comparator<Scored> worstFirst = Comparator.comparingDouble(Scored::boost)
        .thenComparing(Scored::term, Comparator.reverseOrder());
    PriorityQueue<Scored> best = new PriorityQueue<>(worstFirst);
    TermsEnum te = widest.getTermsEnum(terms);
    for (BytesRef term = te.next(); term != null; term = te.next()) {
      best.add(new Scored(term.utf8ToString(), boost(term)));
      if (best.size() > MAX_EXPANSIONS) {
        best.poll();
      }
    }
    Map<String, Float> out = new LinkedHashMap<>();
    best.stream().sorted(worstFirst.reversed()).forEach(s -> out.put(s.term(), s.boost()));
    return out;
  }

  private float boost(BytesRef term) {
    int edits;
    String text = Variant.of(term.utf8ToString()) == Variant.FOLDED
        ? term.utf8ToString().substring(1) : term.utf8ToString();
    if (text.equals(word)) {
      edits = 0;
    } else if (oneEdit.runAutomaton.run(term.bytes, term.offset, term.length)) {
      edits = 1;
    } else {
      edits = maxEdits;
    }
    int shorter = Math.min(UnicodeUtil.codePointCount(new BytesRef(text)), length);
    return edits == 0 ? 1f : Math.max(0.01f, 1f - (float) edits / shorter);
  }

  /** The word and its folded variant, both within {@code edits} of the typed word. */
  private static CompiledAutomaton compile(String word, int edits) {
    int prefixEnd = word.offsetByCodePoints(0, PREFIX);
    LevenshteinAutomata lev = new LevenshteinAutomata(word.substring(prefixEnd), true);
    String prefix = word.substring(0, prefixEnd);
    Automaton asWritten = lev.toAutomaton(edits, prefix);
    Automaton folded = lev.toAutomaton(edits, Variant.FOLDED.term(prefix));
    return new CompiledAutomaton(Operations.union(asWritten, folded), true, false,
        Operations.DEFAULT_DETERMINIZE_WORK_LIMIT, false);
  }
}
