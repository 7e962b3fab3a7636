package org.partnersearch.suggest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.partnersearch.analysis.Analyzers;
import org.partnersearch.analysis.Chain;
import org.partnersearch.corpus.Vocabulary;

/**
 * The suggester's files of a generation, {@code <generation>/suggest/infix/}: Lucene's infix index
 * of the entries. Written by {@link SuggestIndexWriter} while the generation is built, verified
 * before the generation is published, and opened with it in milliseconds. Both sides configure the
 * infix suggester here, so they cannot drift apart.
 */
public final class SuggesterStore {
  static final String FOLDER = "suggest";
  static final String INFIX = "infix";

  private final Analyzers analyzers;
  private final BiPredicate<IndexReader, String> corpusWords;

  /**
   * @param corpusWords whether a generation's index has a word: the words compounds are split into
   *     where the dictionary leaves them whole, as the searcher splits them
   */
  public SuggesterStore(Analyzers analyzers, BiPredicate<IndexReader, String> corpusWords) {
    this.analyzers = analyzers;
    this.corpusWords = corpusWords;
  }

  /** Starts writing the suggester of the generation being built in {@code generation}. */
  public SuggestIndexWriter writer(Path generation, Vocabulary vocabulary) throws IOException {
    Path folder = generation.resolve(FOLDER);
    Files.createDirectories(folder.resolve(INFIX));
    return new SuggestIndexWriter(
        index -> infix(FSDirectory.open(folder.resolve(INFIX)), index), vocabulary);
  }

  /**
   * Opens the suggester of a generation whose index {@code index} is open; {@code translations}: a
   * typed phrase's other-language terms.
   */
  public Suggester open(
      Path generation, IndexReader index, Function<String, List<String>> translations)
      throws IOException {
    Path folder = generation.resolve(FOLDER).resolve(INFIX);
    // Checked first: opening an FSDirectory would create a missing folder.
    if (!Files.isDirectory(folder)) {
      throw new NoSuchFileException(folder.toString(), null, "no suggester in this generation");
    }
    Directory dir = FSDirectory.open(folder);
    EntryIndex infix = null;
    try {
      if (!DirectoryReader.indexExists(dir)) {
        throw new CorruptIndexException("no committed suggester index", folder.toString());
      }
      infix = infix(dir, index);
      return new Suggester(
          infix,
          new Typos(dir, EntryIndex.WORDS_FIELD),
          analyzers.query(Chain.FOLDED_WORDS),
          translations);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(infix != null ? infix : dir);
      throw e;
    }
  }

  /**
   * Checks a freshly written suggester as the index is checked (Lucene's CheckIndex, or only every
   * file's checksum when {@code checksumsOnly}), then opens it as a server would and counts its
   * entries.
   */
  public void verify(Path generation, long expectedEntries, boolean checksumsOnly)
      throws IOException {
    Path infix = generation.resolve(FOLDER).resolve(INFIX);
    try (Directory dir = FSDirectory.open(infix);
        CheckIndex check = new CheckIndex(dir)) {
      check.setChecksumsOnly(checksumsOnly);
      if (!check.checkIndex().clean) {
        throw new CorruptIndexException("CheckIndex found problems", infix.toString());
      }
    }
    try (Directory dir = FSDirectory.open(generation);
        DirectoryReader index = DirectoryReader.open(dir);
        Suggester suggester = open(generation, index, text -> List.of())) {
      if (suggester.size() != expectedEntries) {
        throw new CorruptIndexException(
            "expected " + expectedEntries + " entries but found " + suggester.size(),
            infix.toString());
      }
    }
  }

  /**
   * The infix suggester over {@code dir}, which it closes; compound parts on the index side only,
   * also those made of the words of {@code index}.
   */
  private EntryIndex infix(Directory dir, IndexReader index) throws IOException {
    return new EntryIndex(
        dir,
        analyzers.index(Chain.FOLDED_WORDS, word -> corpusWords.test(index, word)),
        analyzers.query(Chain.FOLDED_WORDS));
  }
}
