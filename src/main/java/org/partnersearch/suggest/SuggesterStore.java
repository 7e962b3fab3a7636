package org.partnersearch.suggest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.suggest.analyzing.AnalyzingSuggester;
import org.apache.lucene.search.suggest.analyzing.FuzzySuggester;
import org.apache.lucene.store.ChecksumIndexInput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.util.IOUtils;
import org.partnersearch.analysis.Analyzers;
import org.partnersearch.analysis.Chain;
import org.partnersearch.analysis.GermanDecompounder;
import org.partnersearch.corpus.Vocabulary;

/**
 * The suggester's files inside an index generation, {@code <generation>/suggest/}: the infix index
 * ({@code infix/}, a Lucene index whose payloads are the entries) and the typo corrector's FST
 * ({@code typos.fst}, with a checksum). Written by {@link SuggestIndexWriter} while the generation is
 * built, verified before the generation is published, and opened with it in milliseconds. Both sides
 * configure the two Lucene suggesters here, so they cannot drift apart.
 */
public final class SuggesterStore {
  static final String FOLDER = "suggest";
  static final String INFIX = "infix";
  static final String TYPOS = "typos.fst";
  /** Where the writer counts terms ({@link TermCounts}); deleted before the generation is verified. */
  static final String SCRATCH = "counting";
  private static final String TYPOS_CODEC = "PartnerSearchTypos";
  private static final int TYPOS_VERSION = 1;
  /** Below this many typed chars the infix suggester looks up indexed edge n-grams, above a prefix query. */
  private static final int MIN_PREFIX_CHARS = 4;

  private final Analyzers analyzers;
  private final WordAnalysis analysis;

  public SuggesterStore(Analyzers analyzers, GermanDecompounder decompounder) {
    this.analyzers = analyzers;
    this.analysis = new WordAnalysis(analyzers, decompounder);
  }

  /** Starts writing the suggester of the generation being built in {@code generation}. */
  public SuggestIndexWriter writer(Path generation, Vocabulary vocabulary) throws IOException {
    return new SuggestIndexWriter(this, analysis, generation.resolve(FOLDER), vocabulary);
  }

  /**
   * Opens the suggester of a generation; the typo corrector's checksum is verified as it is read.
   *
   * @param translations the other-language terms of a typed word or phrase (the glossary)
   */
  public Suggester open(Path generation, Function<String, List<String>> translations) throws IOException {
    Path folder = generation.resolve(FOLDER);
    // Checked first: opening an FSDirectory would create a missing folder.
    if (!Files.isDirectory(folder.resolve(INFIX))) {
      throw new NoSuchFileException(folder.resolve(INFIX).toString(), null, "no suggester in this generation");
    }
    Directory dir = FSDirectory.open(folder.resolve(INFIX));
    EntryIndex infix = null;
    try {
      if (!DirectoryReader.indexExists(dir)) {
        throw new CorruptIndexException("no committed suggester index", folder.resolve(INFIX).toString());
      }
      infix = infix(dir);
      return new Suggester(analysis, infix, readTypos(folder), translations);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(infix != null ? infix : dir);
      throw e;
    }
  }

  /**
   * Checks a freshly written suggester as the index is checked (Lucene's CheckIndex on the infix
   * index, or only every file's checksum when {@code checksumsOnly}), then opens it as a server would
   * and counts its entries.
   */
  public void verify(Path generation, long expectedEntries, boolean checksumsOnly) throws IOException {
    Path infix = generation.resolve(FOLDER).resolve(INFIX);
    try (Directory dir = FSDirectory.open(infix); CheckIndex check = new CheckIndex(dir)) {
      check.setChecksumsOnly(checksumsOnly);
      if (!check.checkIndex().clean) {
        throw new CorruptIndexException("CheckIndex found problems", infix.toString());
      }
    }
    try (Suggester suggester = open(generation, text -> List.of())) {
      if (suggester.size() != expectedEntries) {
        throw new CorruptIndexException("expected " + expectedEntries + " entries but found " + suggester.size(),
            infix.toString());
      }
    }
  }

  /**
   * The infix suggester over the entries in {@code dir}, which it closes. The index side of FOLDED
   * adds compound parts; the query side matches whole typed words.
   */
  EntryIndex infix(Directory dir) throws IOException {
    return new EntryIndex(dir, analyzers.index(Chain.FOLDED_WORDS), analyzers.query(Chain.FOLDED_WORDS), MIN_PREFIX_CHARS);
  }

  /**
   * The typo corrector over the entries' words; {@code tempDir} holds its sort files while it is
   * built. Not unicode-aware: the words are folded, nearly all ASCII, and byte automata are much
   * cheaper to build per lookup; an edit on a rare non-ASCII char then costs two edits.
   */
  FuzzySuggester typos(Directory tempDir) {
    return new FuzzySuggester(tempDir, "typos", analyzers.query(Chain.FOLDED_WORDS), analyzers.query(Chain.FOLDED_WORDS),
        AnalyzingSuggester.EXACT_FIRST | AnalyzingSuggester.PRESERVE_SEP, 256, -1, true,
        1, true, 1, Suggester.MIN_TYPO_CHARS, false);
  }

  /**
   * Writes the built typo corrector with a header and a checksum footer, and syncs it. A corpus
   * without words has no FST to write: a flag byte tells.
   */
  static void writeTypos(FuzzySuggester typos, Directory folder) throws IOException {
    try (IndexOutput out = folder.createOutput(TYPOS, IOContext.DEFAULT)) {
      CodecUtil.writeHeader(out, TYPOS_CODEC, TYPOS_VERSION);
      out.writeByte((byte) (typos.getCount() > 0 ? 1 : 0));
      if (typos.getCount() > 0) {
        typos.store(out);
      }
      CodecUtil.writeFooter(out);
    }
    folder.sync(List.of(TYPOS));
  }

  private FuzzySuggester readTypos(Path folder) throws IOException {
    try (Directory dir = FSDirectory.open(folder);
        ChecksumIndexInput in = dir.openChecksumInput(TYPOS, IOContext.READONCE)) {
      // NOTE: a loaded suggester never builds, so it never writes to the (then closed) temp dir.
      FuzzySuggester typos = typos(dir);
      CodecUtil.checkHeader(in, TYPOS_CODEC, TYPOS_VERSION, TYPOS_VERSION);
      if (in.readByte() == 1) {
        typos.load(in);
      }
      CodecUtil.checkFooter(in);
      return typos;
    }
  }
}
