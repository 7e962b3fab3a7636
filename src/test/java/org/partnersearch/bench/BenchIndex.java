package org.partnersearch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.partnersearch.PartnerSearch;
import org.partnersearch.corpus.Partner;
import org.partnersearch.index.BuildProgress;
import org.partnersearch.index.BuildReport;

/**
 * Builds the index of a synthetic corpus, streamed from the generator, in its own JVM (the
 * benchmark starts it with {@code -Xmx1g}); then indexes the same documents with a bare Lucene
 * baseline (StandardAnalyzer, the same texts, no offsets, facets, stored fields, extra chains or
 * suggester). Prints one {@code RESULT key=value ...} line for the benchmark to read. Size 13 is
 * the real corpus.
 *
 * <p>Arguments: {@code size seed indexDir [bare-only]}; with {@code bare-only} only the baseline is
 * built (the benchmark's {@code --new-user} builds ours with the CLI).
 */
public final class BenchIndex {
  static final String BARE_ONLY = "bare-only";

  private BenchIndex() {}

  public static void main(String[] args) throws Exception {
    int size = Integer.parseInt(args[0]);
    long seed = Long.parseLong(args[1]);
    Path indexDir = Path.of(args[2]);
    boolean bareOnly = args.length > 3 && args[3].equals(BARE_ONLY);
    BuildReport ours = null;
    Iterable<Partner> partners;
    // Bare Lucene below adds documents on one thread; ours analyses on every core by default, on
    // the writer thread alone with -Dbench.analysisThreads=0 (for a one-thread comparison).
    int analysisThreads =
        Integer.getInteger("bench.analysisThreads", Runtime.getRuntime().availableProcessors());
    try (PartnerSearch app = new PartnerSearch(analysisThreads)) {
      if (bareOnly) {
        partners =
            size == LoadBenchmark.REAL_CORPUS_SIZE
                ? app.loadCorpus(LoadBenchmark.REAL_CORPUS).partners()
                : SyntheticCorpus.fromRealCorpus(LoadBenchmark.REAL_CORPUS, seed).partners(size);
      } else if (size == LoadBenchmark.REAL_CORPUS_SIZE) {
        ours = app.index(LoadBenchmark.REAL_CORPUS, indexDir, BuildProgress.to(System.out));
        partners = app.loadCorpus(LoadBenchmark.REAL_CORPUS).partners();
      } else {
        SyntheticCorpus corpus = SyntheticCorpus.fromRealCorpus(LoadBenchmark.REAL_CORPUS, seed);
        ours =
            app.index(
                corpus.vocabulary(),
                corpus.partners(size),
                size,
                indexDir,
                BuildProgress.to(System.out));
        partners = corpus.partners(size);
      }
    }
    long heapAfterOurs = usedHeap();
    Path bare = Files.createTempDirectory("bench-bare");
    try {
      long start = System.nanoTime();
      long bytes = bareLucene(partners, bare);
      double seconds = (System.nanoTime() - start) / 1e9;
      if (ours == null) {
        System.out.printf(Locale.ROOT, "RESULT bareSeconds=%.3f bareBytes=%d%n", seconds, bytes);
        return;
      }
      System.out.printf(
          Locale.ROOT,
          "RESULT docs=%d oursSeconds=%.3f oursBytes=%d terms=%d bareSeconds=%.3f "
              + "bareBytes=%d heapMiB=%d suggesterEntries=%d suggesterSeconds=%.3f "
              + "analysisThreads=%d%n",
          ours.documents(),
          ours.took().toNanos() / 1e9,
          ours.bytes(),
          ours.terms(),
          seconds,
          bytes,
          heapAfterOurs >> 20,
          ours.suggesterEntries(),
          ours.suggesterTook().toNanos() / 1e9,
          analysisThreads);
    } finally {
      IOUtils.rm(bare);
    }
  }

  /**
   * The same texts in five plain text fields and the id, as a default Lucene setup would index
   * them.
   */
  private static long bareLucene(Iterable<Partner> partners, Path dir) throws Exception {
    IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer()).setRAMBufferSizeMB(64);
    try (Directory d = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(d, config)) {
      for (Partner p : partners) {
        Document doc = new Document();
        doc.add(new StringField("id", p.id(), Field.Store.NO));
        doc.add(new TextField("name", p.name(), Field.Store.NO));
        doc.add(new TextField("name_en", p.nameEn(), Field.Store.NO));
        p.aliases().forEach(a -> doc.add(new TextField("aliases", a, Field.Store.NO)));
        doc.add(new TextField("description_de", p.description().de(), Field.Store.NO));
        doc.add(new TextField("description_en", p.description().en(), Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.commit();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
