package org.partnersearch.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.partnersearch.corpus.Lang;

/** The on-disk counting behind the term entries and the typo corrector, on a few hand-made documents. */
class TermCountsTest {

  @Test
  void aKeyGathersItsSpellingsLanguagesAndPartnersAcrossDocuments() throws IOException {
    List<String> counted = new ArrayList<>();
    try (Directory dir = new ByteBuffersDirectory(); TermCounts counts = new TermCounts(dir)) {
      counts.term("forschung", "Forschung", Lang.DE, true);
      counts.term("forschung", "Forschung", Lang.DE, true);
      counts.term("ab", "AB", null, true);
      counts.endDocument(); // a partner
      counts.term("forschung", "FORSCHUNG", Lang.EN, true);
      counts.term("abc", "abc", Lang.EN, true);
      counts.endDocument(); // another partner
      counts.term("forschung", "forschung", Lang.DE, false);
      counts.term("hochschule", "Hochschule", Lang.DE, false);
      counts.endDocument(); // labels and glossary: no partner
      counts.forEachTerm(t -> counted.add(t.key() + " " + new TreeMap<>(t.spellings()) + " " + t.langs() + " "
          + t.partners()));
    }
    assertEquals(List.of(
        "ab {AB=1} [EN, DE] 1",
        "abc {abc=1} [EN] 1",
        "forschung {FORSCHUNG=1, Forschung=2, forschung=1} [EN, DE] 2",
        "hochschule {Hochschule=1} [DE] 0"), counted);
  }

  @Test
  void theTypoCorrectorGetsEachWordOfLettersOnceWithHowManyEntriesContainItAndItsParts() throws IOException {
    Word endlagerforschung = new Word(0, false, 0, 17, "endlagerforschung", null,
        List.of(new Word.Part("endlager", 0, 0), new Word.Part("forschung", 8, 8)));
    Word forschung = new Word(0, false, 0, 9, "forschung", null, List.of());
    Word year = new Word(1, false, 10, 14, "2024", null, List.of());
    Word joined = new Word(0, true, 0, 12, "oko-institut", null, List.of());
    Recorder recorder = new Recorder();
    try (Directory dir = new ByteBuffersDirectory(); TermCounts counts = new TermCounts(dir)) {
      counts.words(List.of(endlagerforschung));
      counts.endDocument();
      counts.words(List.of(forschung, year));
      counts.words(List.of(joined));
      counts.endDocument();
      counts.buildWords(recorder);
    }
    assertEquals(List.of("endlager=1", "endlagerforschung=1", "forschung=2"), recorder.words);
  }

  /** A lookup that only records what it is built from. */
  private static final class Recorder extends Lookup {
    final List<String> words = new ArrayList<>();

    @Override
    public void build(InputIterator input) throws IOException {
      for (BytesRef word = input.next(); word != null; word = input.next()) {
        words.add(word.utf8ToString() + "=" + input.weight());
      }
    }

    @Override
    public List<LookupResult> lookup(CharSequence key, Set<BytesRef> contexts, boolean onlyMorePopular, int num) {
      return List.of();
    }

    @Override
    public long getCount() {
      return words.size();
    }

    @Override
    public boolean store(DataOutput output) {
      return false;
    }

    @Override
    public boolean load(DataInput input) {
      return false;
    }

    @Override
    public long ramBytesUsed() {
      return 0;
    }
  }
}
