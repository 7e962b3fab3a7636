package org.partnersearch.corpus;

import java.nio.file.Path;
import org.partnersearch.RealCorpus;

/**
 * The editors' check: corpus/ as checked in loads cleanly and keeps every {@link CorpusRules rule}.
 * Run it with {@code mvn -q -B test -Dtest=RealCorpusTest} (corpus/README.md).
 */
class RealCorpusTest extends CorpusRules {
  @Override
  Path corpusDir() {
    return RealCorpus.CORPUS;
  }
}
