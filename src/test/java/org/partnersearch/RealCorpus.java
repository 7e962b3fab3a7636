package org.partnersearch;

import java.io.IOException;
import java.nio.file.Path;
import org.partnersearch.search.LiveIndex;
import org.partnersearch.search.PartnerSearcher;

/**
 * The shipped {@code corpus/} indexed into a temporary folder and opened for searching: the fixture
 * of the end-to-end tiers of tests. One per test class, built in {@code @BeforeAll}.
 */
public final class RealCorpus implements AutoCloseable {
  public static final Path CORPUS = Path.of("corpus");

  public final PartnerSearch app;
  public final LiveIndex index;
  public final PartnerSearcher searcher;

  private RealCorpus(PartnerSearch app, LiveIndex index) {
    this.app = app;
    this.index = index;
    this.searcher = app.searcher(index);
  }

  public static RealCorpus indexInto(Path indexDir) throws Exception {
    PartnerSearch app = new PartnerSearch();
    app.index(CORPUS, indexDir);
    return new RealCorpus(app, app.openIndex(indexDir));
  }

  @Override
  public void close() throws IOException {
    index.close();
    app.close();
  }
}
