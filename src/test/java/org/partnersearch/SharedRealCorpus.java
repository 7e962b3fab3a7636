package org.partnersearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands every test that asks for a {@link RealCorpus} parameter the same one: the shipped corpus,
 * indexed once per test run (not once per class) and closed when the run ends. For tests that
 * only read the index; a test that reindexes, edits the corpus or closes the index builds its own
 * with {@link RealCorpus#indexInto}.
 *
 * <pre>{@code
 * @ExtendWith(SharedRealCorpus.class)
 * class SomeTest {
 *   static RealCorpus corpus;
 *
 *   @BeforeAll
 *   static void index(RealCorpus shared) {
 *     corpus = shared;
 *   }
 * }</pre>
 */
public final class SharedRealCorpus implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedRealCorpus.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RealCorpus.class;
  }

  @Override
  public RealCorpus resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return get(context);
  }

  /**
   * The run's shared corpus, indexed on the first call; for other extensions (the browser harness).
   */
  public static RealCorpus get(ExtensionContext context) {
    // The root context lives as long as the run; the store closes what it holds when the run ends.
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Indexed.class, k -> Indexed.build(), Indexed.class)
        .corpus();
  }

  /** Deletes {@code dir} and everything in it. */
  public static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .sorted(Comparator.reverseOrder())
          .forEach(
              f -> {
                try {
                  Files.delete(f);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  /** The corpus and the temporary folder its index lives in, both gone at the end of the run. */
  private record Indexed(RealCorpus corpus, Path dir) implements AutoCloseable {
    static Indexed build() {
      try {
        Path dir = Files.createTempDirectory("shared-real-corpus");
        return new Indexed(RealCorpus.indexInto(dir), dir);
      } catch (Exception e) {
        throw new IllegalStateException("could not index corpus/ for the tests", e);
      }
    }

    @Override
    public void close() throws IOException {
      corpus.close();
      delete(dir);
    }
  }
}
