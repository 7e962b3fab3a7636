package org.partnersearch.web;

import java.io.IOException;
import org.partnersearch.corpus.CorpusException;
import org.partnersearch.index.BuildReport;

/**
 * What {@code POST /api/admin/reindex} runs. The web layer owns this type so that it does not
 * depend on the service that starts it; the service's reindexer implements it.
 */
public interface Reindexing {
  /**
   * Validates the corpus, builds and publishes a new generation and makes the server use it. A
   * corpus with problems changes nothing and is reported with every problem.
   */
  BuildReport reindex() throws AlreadyRunningException, CorpusException, IOException;

  /** Thrown when a reindex is asked for while one runs. */
  final class AlreadyRunningException extends Exception {
    public AlreadyRunningException() {
      super("a reindex is already running; try again when it has finished");
    }
  }
}
