package org.partnersearch.suggest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.lucene.search.suggest.analyzing.FuzzySuggester;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.partnersearch.corpus.Partner;
import org.partnersearch.corpus.Vocabulary;

/**
 * Writes the suggester of a generation while the generation is built: {@link #add(Partner)} with
 * each partner as it streams into the index, then {@link #finish()} once. Memory stays bounded
 * whatever the number of partners: entries go straight into the on-disk infix index and terms are
 * counted on disk ({@link TermCounts}). Closing it unfinished discards what was written; the
 * generation's folder is removed by the index builder anyway.
 */
public final class SuggestIndexWriter implements Closeable {
  private final SuggesterStore store;
  private final Path folder;
  private final Vocabulary vocabulary;
  private final Directory folderDir;
  private final Directory scratchDir;
  private final TermCounts counts;
  private final EntryIndex infix;
  private final SuggestEntries entries;
  private long nanos;
  private long written = -1;

  SuggestIndexWriter(SuggesterStore store, WordAnalysis analysis, Path folder, Vocabulary vocabulary)
      throws IOException {
    this.store = store;
    this.folder = folder;
    this.vocabulary = vocabulary;
    Files.createDirectories(folder);
    Directory folderDir = null;
    Directory scratchDir = null;
    TermCounts counts = null;
    try {
      folderDir = FSDirectory.open(folder);
      scratchDir = FSDirectory.open(folder.resolve(SuggesterStore.SCRATCH));
      counts = new TermCounts(scratchDir);
      this.infix = store.infix(FSDirectory.open(folder.resolve(SuggesterStore.INFIX)));
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(counts, scratchDir, folderDir);
      throw e;
    }
    this.folderDir = folderDir;
    this.scratchDir = scratchDir;
    this.counts = counts;
    this.entries = new SuggestEntries(analysis, infix, counts);
  }

  /** Adds the partner's names and aliases as entries and counts its terms. */
  public void add(Partner partner) throws IOException {
    long start = System.nanoTime();
    entries.partner(partner);
    nanos += System.nanoTime() - start;
  }

  /**
   * Adds the vocabulary's labels and one entry per term, builds the typo corrector, and commits and
   * syncs every file, so the generation may be published. Returns the number of entries.
   */
  public long finish() throws IOException {
    long start = System.nanoTime();
    entries.vocabulary(vocabulary);
    long added = entries.addTerms();
    FuzzySuggester typos = store.typos(folderDir);
    counts.buildWords(typos);
    SuggesterStore.writeTypos(typos, folderDir);
    infix.commitAll();
    infix.close(); // also closes its directory; its commit synced its files
    counts.close();
    scratchDir.close();
    IOUtils.rm(folder.resolve(SuggesterStore.SCRATCH));
    folderDir.syncMetaData();
    IOUtils.fsync(folder.getParent(), true);
    written = added;
    nanos += System.nanoTime() - start;
    return added;
  }

  /** The time spent on the suggester during the build: analysing entries, counting, writing. */
  public Duration buildTime() {
    return Duration.ofNanos(nanos);
  }

  @Override
  public void close() throws IOException {
    if (written < 0) {
      try {
        infix.rollback();
      } finally {
        IOUtils.close(infix, counts, scratchDir, folderDir);
      }
    } else {
      folderDir.close();
    }
  }
}
