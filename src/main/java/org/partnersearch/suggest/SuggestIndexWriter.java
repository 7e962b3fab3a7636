package org.partnersearch.suggest;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.util.IOFunction;
import org.apache.lucene.util.IOUtils;
import org.partnersearch.analysis.Folding;
import org.partnersearch.analysis.StopWords;
import org.partnersearch.corpus.GlossaryEntry;
import org.partnersearch.corpus.Lang;
import org.partnersearch.corpus.Partner;
import org.partnersearch.corpus.ResearchArea;
import org.partnersearch.corpus.ResearchField;
import org.partnersearch.corpus.Vocabulary;

/**
 * Writes the suggester of a generation once its index is written: {@link #splitBy} the index, then
 * {@link #add(Partner)} for each partner read back from it, {@link #term} for each of its words,
 * then {@link #finish} (labels and glossary). Closing it unfinished discards what was written.
 * Entries are analysed and added in batches on a pool of threads, as the index's documents are
 * ({@code DocumentPipeline}): analysing them was most of the suggester's build (JFR). The infix
 * index sorts them by weight, and each carries its ordinal, so their order of arrival does not
 * matter ({@link EntryIndex#add}).
 */
public final class SuggestIndexWriter implements Closeable {
  /** Entries per task: large enough that handing over costs nothing, small enough to balance. */
  private static final int BATCH = 512;

  /** Batches waiting per thread; when all wait, the caller adds its batch itself. */
  private static final int AHEAD_PER_THREAD = 2;

  /** Partners and areas outrank terms in the candidate list the infix suggester returns. */
  static final long NAMED_BONUS = 1_000_000L;

  /**
   * Stop words and numbers are terms too (a prefix of any corpus word gets a suggestion), but last.
   */
  private static final long UNIMPORTANT = 0;

  private final IOFunction<IndexReader, EntryIndex> opener;
  private final Vocabulary vocabulary;
  private EntryIndex infix;

  /** Adds the batches; null: the caller's thread does. */
  private final ThreadPoolExecutor pool;

  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private List<Entry> batch = new ArrayList<>(BATCH);

  /** The folded glossary terms that are not yet entries as words of the index. */
  private final Set<String> glossaryLeft = new HashSet<>();

  private long entries;
  private long start;
  private Duration took = Duration.ZERO;
  private boolean finished;

  /**
   * @param opener opens the infix index whose entries are split by the words of a written index
   * @param threads how many threads add entries; 0 adds them on the caller's thread
   */
  SuggestIndexWriter(
      IOFunction<IndexReader, EntryIndex> opener, Vocabulary vocabulary, int threads) {
    this.opener = opener;
    this.vocabulary = vocabulary;
    this.pool =
        threads == 0
            ? null
            : new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * AHEAD_PER_THREAD),
                new ThreadPoolExecutor.CallerRunsPolicy());
    vocabulary
        .glossary()
        .forEach(
            g ->
                glossaryLeft.addAll(
                    Stream.of(g.de(), g.en()).map(SuggestIndexWriter::key).toList()));
  }

  /** Adds the partner's names and aliases as entries. */
  public void add(Partner p) throws IOException {
    add(p.name(), Suggestion.Kind.PARTNER, p.id(), EnumSet.of(Lang.DE), NAMED_BONUS + 2);
    add(p.nameEn(), Suggestion.Kind.PARTNER, p.id(), EnumSet.of(Lang.EN), NAMED_BONUS + 2);
    for (String alias : p.aliases()) {
      add(alias, Suggestion.Kind.PARTNER, p.id(), Set.of(), NAMED_BONUS + 1);
    }
  }

  /**
   * Entries are split by the words of the written {@code index} (open until {@link #finish}), as
   * the searcher splits typed words.
   */
  public void splitBy(IndexReader index) throws IOException {
    start = System.nanoTime();
    infix = opener.apply(index);
  }

  /** Adds a word of the index in its usual spelling, weighted by the partner texts it is in. */
  public void term(String spelling, Set<Lang> langs, long partners) throws IOException {
    String key = key(spelling);
    boolean unimportant =
        StopWords.contains(spelling)
            || StopWords.contains(key)
            || key.chars().noneMatch(Character::isLetter);
    add(spelling, Suggestion.Kind.TERM, null, langs, unimportant ? UNIMPORTANT : 1 + partners);
    glossaryLeft.remove(key);
  }

  /**
   * Adds the labels and the glossary's terms that are no word of the index (phrases, words no
   * partner uses), and commits and syncs every file. Returns the number of entries.
   */
  public long finish() throws IOException {
    if (infix == null) {
      throw new IllegalStateException("the entries are split by a written index: splitBy first");
    }
    for (ResearchField field : vocabulary.taxonomy().fields()) {
      labels(field.id(), field.label().en(), field.label().de(), 1);
      for (ResearchArea area : field.areas()) {
        labels(area.id(), area.label().en(), area.label().de(), 2);
      }
    }
    for (GlossaryEntry g : vocabulary.glossary()) {
      for (Lang lang : Lang.values()) {
        String text = lang == Lang.DE ? g.de() : g.en();
        if (glossaryLeft.remove(key(text))) {
          add(text, Suggestion.Kind.TERM, null, EnumSet.of(lang), 1);
        }
      }
    }
    addBatch();
    if (pool != null) {
      pool.shutdown();
      try {
        pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while entries were added", e);
      }
    }
    rethrowFailure();
    infix.commitAll(entries);
    infix.close(); // also closes its directory; its commit synced its files
    finished = true;
    took = Duration.ofNanos(System.nanoTime() - start);
    return entries;
  }

  /** How long it took from {@link #splitBy} to the end of {@link #finish}. */
  public Duration buildTime() {
    return took;
  }

  @Override
  public void close() throws IOException {
    if (!finished) {
      if (pool != null) {
        pool.shutdownNow();
      }
      IOUtils.close(infix);
    }
  }

  private void labels(String id, String en, String de, long weight) throws IOException {
    add(en, Suggestion.Kind.AREA, id, EnumSet.of(Lang.EN), NAMED_BONUS + weight);
    add(de, Suggestion.Kind.AREA, id, EnumSet.of(Lang.DE), NAMED_BONUS + weight);
  }

  private void add(String text, Suggestion.Kind kind, String id, Set<Lang> langs, long weight)
      throws IOException {
    if (infix == null) {
      throw new IllegalStateException("the entries are split by a written index: splitBy first");
    }
    if (text != null && text.codePoints().anyMatch(Character::isLetterOrDigit)) {
      batch.add(new Entry(text, kind, id, langs, weight, entries++));
      if (batch.size() == BATCH) {
        addBatch();
      }
    }
  }

  /** Hands the batch to the pool, or adds it on this thread. */
  private void addBatch() throws IOException {
    rethrowFailure();
    List<Entry> full = batch;
    batch = new ArrayList<>(BATCH);
    Runnable task =
        () -> {
          try {
            for (Entry e : full) {
              infix.add(e.text(), e.kind(), e.id(), e.langs(), e.weight(), e.ordinal());
            }
          } catch (IOException | RuntimeException | Error e) {
            failure.compareAndSet(null, e);
          }
        };
    if (pool == null) {
      task.run();
      rethrowFailure();
    } else {
      pool.execute(task);
    }
  }

  /** What went wrong adding a batch, as this thread would have thrown it. */
  private void rethrowFailure() throws IOException {
    Throwable t = failure.get();
    if (t instanceof IOException io) {
      throw io;
    } else if (t instanceof RuntimeException runtime) {
      throw runtime;
    } else if (t instanceof Error error) {
      throw error;
    }
  }

  private record Entry(
      String text, Suggestion.Kind kind, String id, Set<Lang> langs, long weight, long ordinal) {}

  private static String key(String text) {
    return text == null ? "" : Folding.strip(text.toLowerCase(Locale.ROOT));
  }
}
