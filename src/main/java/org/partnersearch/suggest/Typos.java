package org.partnersearch.suggest;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;

/**
 * Corrects a typo in the last typed word with Lucene's fuzzy machinery: a Levenshtein automaton
 * (one edit, a transposition counting as one, the first letter as typed) followed by any suffix,
 * run over the words of the infix index itself, so no second dictionary is built or stored.
 */
final class Typos implements Closeable {
  private static final int MAX_EDITS = 1;
  private static final int MAX_CORRECTIONS = 3;

  /**
   * Words matched by a prefix of the automaton are read in full to weigh them: a bound on that
   * work.
   */
  private static final int MAX_WORDS_READ = 4096;

  /**
   * Corrections by typed word: compiling the automaton was a quarter of a suggest (JFR), and
   * visitors type the same beginnings. Bounded: once full, it starts over.
   */
  private static final int CACHED_WORDS = 4096;

  private final DirectoryReader reader;
  private final Terms words;
  private final Map<String, List<String>> corrected = new ConcurrentHashMap<>();

  /** Reads the words of the infix index in {@code dir}, which the caller keeps open. */
  Typos(Directory dir, String field) throws IOException {
    this.reader = DirectoryReader.open(dir);
    this.words = MultiTerms.getTerms(reader, field);
  }

  /**
   * Up to {@value #MAX_CORRECTIONS} corrections of {@code typed}: the indexed words (letters only)
   * that start within one edit of it but not with it, those found in the most entries first.
   */
  List<String> corrections(String typed) throws IOException {
    List<String> known = corrected.get(typed);
    if (known == null) {
      if (corrected.size() >= CACHED_WORDS) {
        corrected.clear();
      }
      known = words == null ? List.of() : read(typed);
      corrected.put(typed, known);
    }
    return known;
  }

  private List<String> read(String typed) throws IOException {
    int first = Character.charCount(typed.codePointAt(0));
    Automaton fuzzy =
        new LevenshteinAutomata(typed.substring(first), true)
            .toAutomaton(MAX_EDITS, typed.substring(0, first));
    Automaton prefix = Operations.concatenate(fuzzy, Automata.makeAnyString());
    TermsEnum te =
        new CompiledAutomaton(prefix, false, true, Operations.DEFAULT_DETERMINIZE_WORK_LIMIT, false)
            .getTermsEnum(words);
    List<Weighted> found = new ArrayList<>();
    int read = 0;
    for (BytesRef term = te.next(); term != null && read++ < MAX_WORDS_READ; term = te.next()) {
      String word = term.utf8ToString();
      if (!word.startsWith(typed) && word.codePoints().allMatch(Character::isLetter)) {
        found.add(new Weighted(word, te.docFreq()));
      }
    }
    found.sort((a, b) -> Integer.compare(b.entries(), a.entries()));
    return found.stream().limit(MAX_CORRECTIONS).map(Weighted::word).toList();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  private record Weighted(String word, int entries) {}
}
