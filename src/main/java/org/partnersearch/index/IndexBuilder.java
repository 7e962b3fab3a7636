package org.partnersearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.partnersearch.corpus.Corpus;
import org.partnersearch.corpus.Partner;
import org.partnersearch.corpus.Vocabulary;
import org.partnersearch.suggest.SuggestIndexWriter;
import org.partnersearch.suggest.SuggesterStore;

/**
 * Builds a complete new index generation from a validated corpus, with its suggester, verifies both
 * and only then publishes it. Whatever goes wrong before publishing, the served generation stays as
 * it was.
 */
public final class IndexBuilder {
  /**
   * Indexes up to this many documents get Lucene's full CheckIndex; larger ones a checksum check.
   */
  static final int FULL_CHECK_MAX_DOCS = 20_000;

  /** Fewer, larger flushed segments than Lucene's 16 MB default; well inside a 1 GB heap. */
  private static final double RAM_BUFFER_MB = 64;

  private final IndexSchema schema;
  private final Analyzer indexAnalyzer;
  private final JsonCodec json;
  private final SuggesterStore suggesters;
  private final Clock clock;
  private final int analysisThreads;

  /**
   * @param analysisThreads how many threads analyse documents ahead of the one thread that adds
   *     them in corpus order ({@link DocumentPipeline}); 0 analyses on the writer thread
   */
  public IndexBuilder(
      IndexSchema schema,
      Analyzer indexAnalyzer,
      JsonCodec json,
      SuggesterStore suggesters,
      Clock clock,
      int analysisThreads) {
    this.schema = schema;
    this.indexAnalyzer = indexAnalyzer;
    this.json = json;
    this.suggesters = suggesters;
    this.clock = clock;
    this.analysisThreads = analysisThreads;
  }

  public BuildReport build(Corpus corpus, IndexGenerations generations) throws IOException {
    return build(
        Vocabulary.of(corpus),
        corpus.partners(),
        corpus.partners().size(),
        generations,
        BuildProgress.NONE);
  }

  /**
   * Builds a generation from partners streamed one at a time (a corpus too large to hold in
   * memory), reporting to {@code progress}.
   *
   * @param partners validated partners with distinct ids; iterated once
   * @param count how many {@code partners} yields: for progress and verification
   */
  public BuildReport build(
      Vocabulary vocabulary,
      Iterable<Partner> partners,
      int count,
      IndexGenerations generations,
      BuildProgress progress)
      throws IOException {
    long start = System.nanoTime();
    Path generation = generations.create();
    boolean published = false;
    try {
      progress.start(count);
      long entries;
      Duration suggesterTook;
      try (SuggestIndexWriter suggester = suggesters.writer(generation, vocabulary)) {
        write(vocabulary, partners, generation, progress);
        progress.phase("building the suggester");
        entries = finishSuggester(suggester, generation, vocabulary);
        suggesterTook = suggester.buildTime();
      }
      progress.phase("verifying " + generation.getFileName());
      long terms = verify(generation, count);
      verifySuggester(generation, count, entries);
      generations.publish(generation);
      published = true;
      generations.removeOld();
      BuildReport report =
          new BuildReport(
              generation,
              count,
              terms,
              sizeOf(generation),
              Duration.ofNanos(System.nanoTime() - start),
              entries,
              suggesterTook);
      progress.finished(report);
      return report;
    } finally {
      if (!published) {
        IOUtils.rm(generation);
      }
    }
  }

  /** Writes the index (partners are iterated once). */
  private void write(
      Vocabulary vocabulary, Iterable<Partner> partners, Path generation, BuildProgress progress)
      throws IOException {
    IndexWriterConfig config =
        new IndexWriterConfig(indexAnalyzer)
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
            .setRAMBufferSizeMB(RAM_BUFFER_MB)
            .setCommitOnClose(false);
    try (Directory dir = FSDirectory.open(generation);
        IndexWriter writer = new IndexWriter(dir, config)) {
      long[] done = {0};
      new DocumentPipeline(analysisThreads)
          .run(
              partners,
              partner -> document(partner, vocabulary),
              (partner, document) -> {
                writer.addDocument(document);
                progress.documents(++done[0]);
              });
      writer.setLiveCommitData(
          Map.of(
                  IndexSchema.META_BUILT_AT, clock.instant().toString(),
                  IndexSchema.META_DOCUMENTS, Long.toString(done[0]),
                  IndexSchema.META_SCHEMA, IndexSchema.SCHEMA_VERSION,
                  IndexSchema.META_VOCABULARY, json.write(vocabulary))
              .entrySet());
      writer.commit();
    }
  }

  /**
   * The partner's document; analysed already when other threads analyse (the writer thread then
   * only inverts the tokens).
   */
  private Document document(Partner partner, Vocabulary vocabulary) {
    try {
      Document document = schema.facetsConfig().build(schema.toDocument(partner, vocabulary));
      return analysisThreads == 0 ? document : AnalysedTokens.analyse(document, indexAnalyzer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The suggester's partners and terms are read from the written index ({@link SuggestTerms}), and
   * its entries are split by the index's words.
   */
  private long finishSuggester(SuggestIndexWriter suggester, Path generation, Vocabulary vocabulary)
      throws IOException {
    try (Directory dir = FSDirectory.open(generation);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      suggester.splitBy(reader);
      new SuggestTerms(reader, json, vocabulary).addTo(suggester);
      return suggester.finish();
    }
  }

  /** Opens the new generation as a reader would, checks it, and counts its terms. */
  private static long verify(Path generation, int expectedDocuments) throws IOException {
    try (Directory dir = FSDirectory.open(generation)) {
      try (CheckIndex check = new CheckIndex(dir)) {
        // NOTE: the full check reads every posting and doc value (minutes at a million documents);
        // above FULL_CHECK_MAX_DOCS only every file's checksum is verified, plus the count below.
        check.setChecksumsOnly(checksumsOnly(expectedDocuments));
        CheckIndex.Status status = check.checkIndex();
        if (!status.clean) {
          throw new IndexVerificationException("CheckIndex found problems in " + generation);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        if (reader.numDocs() != expectedDocuments) {
          throw new IndexVerificationException(
              "expected "
                  + expectedDocuments
                  + " documents in "
                  + generation
                  + " but found "
                  + reader.numDocs());
        }
        return countTerms(reader);
      }
    }
  }

  /**
   * The suggester is checked the same way, then opened as a server would and its entries counted.
   */
  private void verifySuggester(Path generation, int documents, long entries) throws IOException {
    try {
      suggesters.verify(generation, entries, checksumsOnly(documents));
    } catch (IOException e) {
      throw new IndexVerificationException(
          "the suggester of " + generation + " failed its checks: " + e.getMessage(), e);
    }
  }

  private static boolean checksumsOnly(int documents) {
    return documents > FULL_CHECK_MAX_DOCS;
  }

  private static long countTerms(DirectoryReader reader) throws IOException {
    long terms = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      for (FieldInfo field : leaf.reader().getFieldInfos()) {
        Terms t = leaf.reader().terms(field.name);
        if (t != null && t.size() > 0) {
          terms += t.size();
        }
      }
    }
    return terms;
  }

  private static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
