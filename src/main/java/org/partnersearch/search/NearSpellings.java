package org.partnersearch.search;

import java.io.IOException;
import java.util.Arrays;
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
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.Transition;
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
  private final int[] codePoints;
  private final CompiledAutomaton widest;

  private NearSpellings(String word, int maxEdits) {
    this.word = word;
    this.codePoints = word.codePoints().toArray();
    this.length = codePoints.length;
    this.maxEdits = maxEdits;
    this.widest = compile(word, maxEdits);
  }

  /**
   * @param folded the typed word lower-cased and stripped of accents, at least two letters
   */
  static NearSpellings of(String folded, int maxEdits) {
    return new NearSpellings(folded, maxEdits);
  }

  String word() {
    return word;
  }

  /** The heap the compiled automaton takes. */
  long ramBytesUsed() {
    return widest.ramBytesUsed();
  }

  /** The near spellings in {@code field}, best first, each with its weight (at most 1). */
  Map<String, Float> in(IndexReader reader, String field) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, field);
    if (terms == null) {
      return Map.of();
    }
    record Scored(String term, float boost) {}
    Comparator<Scored> worstFirst =
        Comparator.comparingDouble(Scored::boost)
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

  /**
   * NOTE: the number of edits of a term the automaton accepted is counted here, not by a second,
   * one-edit automaton: building automata is the costly part of a typo (JFR), checking one edit is
   * a walk along both words.
   */
  private float boost(BytesRef term) {
    String written = term.utf8ToString();
    String text = Variant.of(written) == Variant.FOLDED ? written.substring(1) : written;
    int[] other = text.codePoints().toArray();
    int edits =
        Arrays.equals(other, codePoints) ? 0 : withinOneEdit(codePoints, other) ? 1 : maxEdits;
    int shorter = Math.min(other.length, length);
    return edits == 0 ? 1f : Math.max(0.01f, 1f - (float) edits / shorter);
  }

  /** One insertion, deletion, substitution or swap of neighbours, as the automata count them. */
  static boolean withinOneEdit(int[] a, int[] b) {
    if (Math.abs(a.length - b.length) > 1) {
      return false;
    }
    int start = 0;
    while (start < a.length && start < b.length && a[start] == b[start]) {
      start++;
    }
    int endA = a.length;
    int endB = b.length;
    while (endA > start && endB > start && a[endA - 1] == b[endB - 1]) {
      endA--;
      endB--;
    }
    int restA = endA - start;
    int restB = endB - start;
    if (restA <= 1 && restB <= 1) {
      return true; // one substitution, insertion or deletion (or none)
    }
    return restA == 2 && restB == 2 && a[start] == b[start + 1] && a[start + 1] == b[start];
  }

  /**
   * The word and its folded variant, both within {@code edits} of the typed word: the first letter
   * as typed, with or without the folded mark before it, then the Levenshtein automaton of the
   * rest. NOTE: put together here rather than as the union of two prefixed automata: building and
   * merging those was most of a typo's cost (JFR: sorting and pruning the same states three times).
   */
  private static CompiledAutomaton compile(String word, int edits) {
    int prefixEnd = word.offsetByCodePoints(0, PREFIX);
    Automaton rest = new LevenshteinAutomata(word.substring(prefixEnd), true).toAutomaton(edits);
    Automaton a = new Automaton();
    int start = a.createState();
    int marked = a.createState();
    int offset = a.getNumStates();
    for (int s = 0; s < rest.getNumStates(); s++) {
      a.setAccept(a.createState(), rest.isAccept(s));
    }
    int first = word.codePointAt(0);
    a.addTransition(start, marked, Variant.FOLDED.term("").codePointAt(0));
    a.addTransition(start, offset, first);
    a.addTransition(marked, offset, first);
    Transition t = new Transition();
    for (int s = 0; s < rest.getNumStates(); s++) {
      int n = rest.initTransition(s, t);
      for (int i = 0; i < n; i++) {
        rest.getNextTransition(t);
        a.addTransition(offset + s, offset + t.dest, t.min, t.max);
      }
    }
    a.finishState();
    return new CompiledAutomaton(a, true, false, Operations.DEFAULT_DETERMINIZE_WORK_LIMIT, false);
  }
}
