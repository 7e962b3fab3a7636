package org.partnersearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
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
 *
 * <p>In a small index the terms are checked one by one instead ({@link #scanning}): those that
 * start with the typed word's first letter, as written or folded, within the edits as the automaton
 * counts them. Building the automaton (its UTF-8 form above all) cost more than walking a small
 * term dictionary: JFR at 13 partners, a sixth of a search's CPU for one typo a search in eight.
 */
final class NearSpellings {
  static final int MAX_EXPANSIONS = FuzzyQuery.defaultMaxExpansions;
  private static final int PREFIX = 1;

  /**
   * Indexes whose largest field has at most this many terms (in all segments) are scanned: about a
   * twentieth of them start with a given letter, checked in microseconds, while a two-edit
   * automaton of a long word takes a millisecond or more to build.
   */
  static final long SCAN_UP_TO_TERMS = 20_000;

  private final String word;
  private final int length;
  private final int maxEdits;
  private final int[] codePoints;

  /** Null when the terms are scanned. */
  private final CompiledAutomaton widest;

  private NearSpellings(String word, int maxEdits, boolean automaton) {
    this.word = word;
    this.codePoints = word.codePoints().toArray();
    this.length = codePoints.length;
    this.maxEdits = maxEdits;
    this.widest = automaton ? compile(word, maxEdits) : null;
  }

  /**
   * @param folded the typed word lower-cased and stripped of accents, at least two letters
   */
  static NearSpellings of(String folded, int maxEdits) {
    return new NearSpellings(folded, maxEdits, true);
  }

  /** As {@link #of}, found by checking the terms one by one: for a small index. */
  static NearSpellings scanning(String folded, int maxEdits) {
    return new NearSpellings(folded, maxEdits, false);
  }

  /** Whether the term dictionaries of {@code fields} are small enough to be scanned. */
  static boolean scans(IndexReader reader, List<String> fields) {
    try {
      for (String field : fields) {
        long size = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
          Terms terms = leaf.reader().terms(field);
          size += terms == null ? 0 : terms.size();
          if ((terms != null && terms.size() < 0) || size > SCAN_UP_TO_TERMS) {
            return false;
          }
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String word() {
    return word;
  }

  /** The heap the compiled automaton takes. */
  long ramBytesUsed() {
    return widest == null ? 0 : widest.ramBytesUsed();
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
    Consumer<BytesRef> accepted =
        term -> {
          best.add(new Scored(term.utf8ToString(), boost(term)));
          if (best.size() > MAX_EXPANSIONS) {
            best.poll();
          }
        };
    if (widest == null) {
      scan(terms, accepted);
    } else {
      TermsEnum te = widest.getTermsEnum(terms);
      for (BytesRef term = te.next(); term != null; term = te.next()) {
        accepted.accept(term);
      }
    }
    Map<String, Float> out = new LinkedHashMap<>();
    best.stream().sorted(worstFirst.reversed()).forEach(s -> out.put(s.term(), s.boost()));
    return out;
  }

  /**
   * The terms the automaton would accept, checked one by one: those that start with the word's
   * first letter, as written or with the folded mark, the rest within the edits.
   */
  private void scan(Terms terms, Consumer<BytesRef> accepted) throws IOException {
    String first = word.substring(0, word.offsetByCodePoints(0, PREFIX));
    TermsEnum te = terms.iterator();
    int[][] rows = new int[3][];
    for (String start : List.of(first, Variant.FOLDED.term(first))) {
      BytesRef prefix = new BytesRef(start);
      if (te.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
        continue;
      }
      for (BytesRef term = te.term();
          term != null && StringHelper.startsWith(term, prefix);
          term = te.next()) {
        String written = term.utf8ToString();
        int[] other = written.substring(start.length()).codePoints().toArray();
        if (withinEdits(codePoints, PREFIX, other, maxEdits, rows)) {
          accepted.accept(term);
        }
      }
    }
  }

  /**
   * Whether {@code a} from {@code from} and {@code b} are at most {@code max} edits apart, a swap
   * of neighbours one edit, as Lucene's Levenshtein automata with transpositions count them (the
   * optimal string alignment distance). {@code rows}: three rows of the table, reused.
   *
   * <p>Not Lucene's {@code LuceneLevenshteinDistance}, which counts the same edits: it returns a
   * similarity divided by the shorter word's length (the edits of an empty rest are lost), and
   * allocates a whole table per call without stopping early, while a scan checks every term of a
   * letter.
   */
  static boolean withinEdits(int[] a, int from, int[] b, int max, int[][] rows) {
    int n = a.length - from;
    int m = b.length;
    if (Math.abs(n - m) > max) {
      return false;
    }
    if (rows[0] == null || rows[0].length < m + 1) {
      for (int r = 0; r < rows.length; r++) {
        rows[r] = new int[m + 1];
      }
    }
    int[] beforeLast = rows[0];
    int[] last = rows[1];
    int[] row = rows[2];
    for (int j = 0; j <= m; j++) {
      last[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      int ai = a[from + i - 1];
      row[0] = i;
      int least = i;
      for (int j = 1; j <= m; j++) {
        int edits =
            Math.min(Math.min(last[j] + 1, row[j - 1] + 1), last[j - 1] + (ai == b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && ai == b[j - 2] && a[from + i - 2] == b[j - 1]) {
          edits = Math.min(edits, beforeLast[j - 2] + 1);
        }
        row[j] = edits;
        least = Math.min(least, edits);
      }
      if (least > max) {
        return false;
      }
      int[] free = beforeLast;
      beforeLast = last;
      last = row;
      row = free;
    }
    return last[m] <= max;
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
