package org.partnersearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.partnersearch.analysis.Analyzers;
import org.partnersearch.analysis.Chain;
import org.partnersearch.analysis.GermanDecompounder;
import org.partnersearch.corpus.Corpus;
import org.partnersearch.corpus.CorpusException;
import org.partnersearch.corpus.CorpusLoader;
import org.partnersearch.corpus.Partner;
import org.partnersearch.corpus.Vocabulary;
import org.partnersearch.index.BuildProgress;
import org.partnersearch.index.BuildReport;
import org.partnersearch.index.IndexBuilder;
import org.partnersearch.index.IndexGenerations;
import org.partnersearch.index.IndexSchema;
import org.partnersearch.index.JsonCodec;
import org.partnersearch.search.GlossaryKeys;
import org.partnersearch.search.PartnerSearcher;
import org.partnersearch.search.QueryFactory;
import org.partnersearch.serving.GlossaryFactory;
import org.partnersearch.serving.LiveIndex;
import org.partnersearch.serving.SnapshotOpener;
import org.partnersearch.suggest.SuggesterStore;

/**
 * The composition root: builds the parts of the data path once (corpus loader, analysis, schema,
 * indexer, searcher) and hands them to the CLI, the web server and tests. The German dictionary and
 * the analyzers are loaded here once per process.
 */
public final class PartnerSearch implements Closeable {
  private final GermanDecompounder decompounder;
  private final Analyzers analyzers;
  private final Analyzer indexAnalyzer;
  private final Analyzer wordsAnalyzer;
  private final JsonCodec json;
  private final IndexSchema schema;
  private final SuggesterStore suggesters;
  private final CorpusLoader corpusLoader = new CorpusLoader();
  private final int analysisThreads;

  /** Builds indexes analysing on every core, ahead of the one thread that adds documents. */
  public PartnerSearch() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /**
   * @param analysisThreads how many threads analyse documents during a build; 0 analyses on the
   *     thread that adds them (the order of documents is the corpus order either way)
   */
  public PartnerSearch(int analysisThreads) {
    this.analysisThreads = analysisThreads;
    this.decompounder = new GermanDecompounder();
    this.analyzers = new Analyzers(decompounder);
    this.indexAnalyzer = IndexSchema.indexAnalyzer(analyzers);
    this.wordsAnalyzer = analyzers.query(Chain.WORDS);
    this.json = new JsonCodec(new ObjectMapper());
    this.schema = new IndexSchema(json);
    this.suggesters =
        new SuggesterStore(analyzers, new QueryFactory(analyzers, decompounder)::isCorpusWord);
  }

  public Analyzers analyzers() {
    return analyzers;
  }

  /** Writes, verifies and opens the suggesters of generations. */
  public SuggesterStore suggesters() {
    return suggesters;
  }

  public Corpus loadCorpus(Path corpusDir) throws CorpusException {
    return corpusLoader.load(corpusDir);
  }

  /**
   * Validates the corpus and builds a new published generation; the old one stays if anything
   * fails.
   */
  public BuildReport index(Path corpusDir, Path indexDir) throws CorpusException, IOException {
    return index(corpusDir, indexDir, BuildProgress.NONE);
  }

  /** As {@link #index(Path, Path)}, showing how far the build is on {@code progress}. */
  public BuildReport index(Path corpusDir, Path indexDir, BuildProgress progress)
      throws CorpusException, IOException {
    return index(corpusDir, new IndexGenerations(indexDir), progress);
  }

  /**
   * As {@link #index(Path, Path)}, into {@code generations} with its own retention of superseded
   * ones.
   */
  public BuildReport index(Path corpusDir, IndexGenerations generations, BuildProgress progress)
      throws CorpusException, IOException {
    Corpus corpus = loadCorpus(corpusDir);
    return new IndexBuilder(
            schema, indexAnalyzer, json, suggesters, Clock.systemUTC(), analysisThreads)
        .build(
            Vocabulary.of(corpus),
            corpus.partners(),
            corpus.partners().size(),
            generations,
            progress);
  }

  /**
   * Builds a generation from partners streamed one at a time (already validated, distinct ids), for
   * corpora too large to hold in memory.
   */
  public BuildReport index(
      Vocabulary vocabulary,
      Iterable<Partner> partners,
      int count,
      Path indexDir,
      BuildProgress progress)
      throws IOException {
    return new IndexBuilder(
            schema, indexAnalyzer, json, suggesters, Clock.systemUTC(), analysisThreads)
        .build(vocabulary, partners, count, new IndexGenerations(indexDir), progress);
  }

  public boolean hasIndex(Path indexDir) {
    return new IndexGenerations(indexDir).current().isPresent();
  }

  /**
   * The schema version of the published generation if this version cannot read it (it was built by
   * an older one); empty if it is current, absent or unreadable (the opener then falls back).
   */
  public Optional<String> outdatedSchema(Path indexDir) {
    return new IndexGenerations(indexDir)
        .current()
        .flatMap(IndexSchema::versionOf)
        .filter(version -> !version.equals(IndexSchema.SCHEMA_VERSION));
  }

  /** Opens the published generation of {@code indexDir}; the caller closes the returned index. */
  public LiveIndex openIndex(Path indexDir) throws IOException {
    return new LiveIndex(
        new IndexGenerations(indexDir),
        new SnapshotOpener(
            schema, json, new GlossaryFactory(new GlossaryKeys(analyzers)::of), suggesters));
  }

  /** The default time budget of one search inside Lucene. */
  public static final Duration DEFAULT_TIME_BUDGET = Duration.ofMillis(500);

  public PartnerSearcher searcher(LiveIndex index) {
    return searcher(index, DEFAULT_TIME_BUDGET);
  }

  public PartnerSearcher searcher(LiveIndex index, Duration timeBudget) {
    return new PartnerSearcher(
        index,
        schema,
        json,
        new QueryFactory(analyzers, decompounder),
        indexAnalyzer,
        wordsAnalyzer,
        timeBudget);
  }

  @Override
  public void close() {
    analyzers.close();
  }
}
