package org.partnersearch.serving;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.search.ReferenceManager;
import org.partnersearch.index.IndexGenerations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The served index: the newest published generation that opens, swapped for a newer one by {@link
 * #maybeRefresh()} without failing or blocking a request. Lucene's {@link ReferenceManager} keeps
 * an old snapshot open until its last request releases it.
 */
public final class LiveIndex extends ReferenceManager<IndexSnapshot> {
  private static final Logger LOG = LoggerFactory.getLogger(LiveIndex.class);

  private final IndexGenerations generations;
  private final SnapshotOpener opener;

  public LiveIndex(IndexGenerations generations, SnapshotOpener opener) throws IOException {
    this.generations = generations;
    this.opener = opener;
    this.current =
        openNewest(Optional.empty())
            .orElseThrow(
                () -> new IOException("no readable index generation in " + generations.root()));
  }

  public IndexGenerations generations() {
    return generations;
  }

  /** True while the served generation is not the published one (it could not be opened). */
  public boolean isDegraded(IndexSnapshot served) {
    return !generations.current().map(served.generation()::equals).orElse(false);
  }

  @Override
  protected IndexSnapshot refreshIfNeeded(IndexSnapshot old) throws IOException {
    Optional<Path> published = generations.current();
    if (published.isEmpty() || published.get().equals(old.generation())) {
      return null;
    }
    return openNewest(Optional.of(old.generation())).orElse(null);
  }

  /** Opens the newest servable generation; stops at {@code served}, which is already open. */
  private Optional<IndexSnapshot> openNewest(Optional<Path> served) {
    List<String> failures = new ArrayList<>();
    boolean first = true;
    for (Path generation : generations.servable()) {
      if (served.isPresent() && generation.equals(served.get())) {
        break;
      }
      try {
        IndexSnapshot snapshot = opener.open(generation);
        if (!first) {
          LOG.warn("serving {} because newer generations failed to open: {}", generation, failures);
        }
        return Optional.of(snapshot);
      } catch (IOException | RuntimeException e) {
        failures.add(generation.getFileName() + ": " + e.getMessage());
        LOG.error("cannot open index generation {}: {}", generation, e.toString());
      }
      first = false;
    }
    return Optional.empty();
  }

  @Override
  protected boolean tryIncRef(IndexSnapshot snapshot) {
    return snapshot.reader().tryIncRef();
  }

  @Override
  protected void decRef(IndexSnapshot snapshot) throws IOException {
    snapshot.reader().decRef();
  }

  @Override
  protected int getRefCount(IndexSnapshot snapshot) {
    return snapshot.reader().getRefCount();
  }
}
