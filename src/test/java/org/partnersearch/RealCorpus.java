package org.partnersearch;

import java.io.IOException;
import java.nio.file.Path;
import org.partnersearch.search.PartnerSearcher;
import org.partnersearch.serving.LiveIndex;

/**
 * The shipped {@code corpus/} indexed into a temporary folder and opened for searching: the fixture
 * of the end-to-end tiers of tests: shared by every test that only reads it ({@link
 * SharedRealCorpus}), or built by a test of its own in {@code @BeforeAll} when it changes or closes
 * it.
 */
public final class RealCorpus implements AutoCloseable {
  public static final Path CORPUS = Path.of("corpus");
  public static final java.time.Duration TEST_TIME_BUDGET = java.time.Duration.ofSeconds(20);

  public final PartnerSearch app;
  public final LiveIndex index;
  public final PartnerSearcher searcher;

  private RealCorpus(PartnerSearch app, LiveIndex index) {
    this.app = app;
    this.index = index;
    // A generous time budget: ranking tests must not depend on how busy the shared machine is.
    // The budget itself is tested in TimeBudgetTest.
    this.searcher = app.searcher(index, TEST_TIME_BUDGET);
  }

  /**
   * The shipped corpus's records, for expectations that follow the editors' changes: tests assert
   * "every partner" or "as many as the corpus holds", never a count or list written into the test.
   */
  public static org.partnersearch.corpus.Corpus records() {
    try {
      return new org.partnersearch.corpus.CorpusLoader().load(CORPUS);
    } catch (org.partnersearch.corpus.CorpusException e) {
      throw new AssertionError("corpus/ does not load: " + e.getMessage(), e);
    }
  }

  /** How many partners the shipped corpus holds. */
  public static int partnerCount() {
    return records().partners().size();
  }

  /**
   * How many partners of the shipped corpus pass {@code filter}, e.g. for an expected facet count.
   */
  public static int partnersWhere(
      java.util.function.Predicate<org.partnersearch.corpus.Partner> filter) {
    return (int) records().partners().stream().filter(filter).count();
  }

  public static RealCorpus indexInto(Path indexDir) throws Exception {
    return indexInto(indexDir, CORPUS);
  }

  /** Another corpus, e.g. one with a hostile partner. */
  public static RealCorpus indexInto(Path indexDir, Path corpusDir) throws Exception {
    PartnerSearch app = new PartnerSearch();
    app.index(corpusDir, indexDir);
    return new RealCorpus(app, app.openIndex(indexDir));
  }

  /**
   * A copy of the shipped corpus in {@code target} plus the hostile partner of {@code
   * src/test/resources/xss/evil-partner.yaml}, whose every text carries markup.
   */
  public static Path withHostilePartner(Path target) throws IOException {
    copyTo(target);
    java.nio.file.Files.copy(
        Path.of("src/test/resources/xss/evil-partner.yaml"),
        target.resolve("partners/evil-partner.yaml"));
    return target;
  }

  /** A copy of the shipped corpus, for tests that break or extend it. */
  public static Path copyTo(Path target) throws IOException {
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(CORPUS)) {
      for (Path p : files.toList()) {
        Path to = target.resolve(CORPUS.relativize(p).toString());
        if (java.nio.file.Files.isDirectory(p)) {
          java.nio.file.Files.createDirectories(to);
        } else {
          java.nio.file.Files.copy(p, to);
        }
      }
    }
    return target;
  }

  @Override
  public void close() throws IOException {
    index.close();
    app.close();
  }
}
