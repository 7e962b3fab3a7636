package org.partnersearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.util.IOUtils;

/**
 * The on-disk layout of the index folder: one sub-folder per generation ({@code gen-000001}, ...)
 * and a {@code CURRENT} file naming the published one.
 *
 * <p>A generation is built completely, committed and verified before {@code CURRENT} is replaced by
 * an atomic rename, so a crash at any moment leaves either the old or the new generation published,
 * never a half-built one. Folders above the published number that are not published are builds in
 * progress or abandoned by a crash; they are removed only once a newer generation is published.
 */
public final class IndexGenerations {
  static final String POINTER = "CURRENT";
  private static final Pattern NAME = Pattern.compile("gen-(\\d{6,9})");

  private final Path root;

  public IndexGenerations(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The published generation, if any. */
  public Optional<Path> current() {
    try {
      String name = Files.readString(root.resolve(POINTER), StandardCharsets.UTF_8).trim();
      if (!NAME.matcher(name).matches() || !Files.isDirectory(root.resolve(name))) {
        return Optional.empty();
      }
      return Optional.of(root.resolve(name));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + root.resolve(POINTER), e);
    }
  }

  /**
   * Generations that may be served, newest first: the published one, then older complete ones (a
   * fallback when the newest cannot be opened). Unpublished newer folders are never candidates.
   */
  public List<Path> servable() {
    Optional<Path> current = current();
    if (current.isEmpty()) {
      return List.of();
    }
    long published = number(current.get());
    return generations().stream()
        .filter(g -> number(g) <= published)
        .sorted(Comparator.comparingLong(IndexGenerations::number).reversed())
        .toList();
  }

  /** Creates the folder for a new generation, numbered above every existing one. */
  public Path create() throws IOException {
    Files.createDirectories(root);
    long next = generations().stream().mapToLong(IndexGenerations::number).max().orElse(0) + 1;
    while (true) {
      Path dir = root.resolve(String.format("gen-%06d", next));
      try {
        return Files.createDirectory(dir);
      } catch (FileAlreadyExistsException e) {
        next++; // another indexer took this number at the same moment
      }
    }
  }

  /** Atomically makes {@code generation} the published one. */
  public void publish(Path generation) throws IOException {
    Path tmp = root.resolve(POINTER + ".tmp");
    Files.writeString(tmp, generation.getFileName().toString() + "\n", StandardCharsets.UTF_8);
    IOUtils.fsync(tmp, false);
    Files.move(tmp, root.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    IOUtils.fsync(root, true);
  }

  /**
   * Deletes generations older than the published one, except the {@code keepPrevious} newest of
   * them (a server may still be answering from the previous generation, and it is the fallback).
   */
  public void removeOld(int keepPrevious) throws IOException {
    Optional<Path> current = current();
    if (current.isEmpty()) {
      return;
    }
    long published = number(current.get());
    List<Path> older = generations().stream()
        .filter(g -> number(g) != published)
        .sorted(Comparator.comparingLong(IndexGenerations::number).reversed())
        .toList();
    int kept = 0;
    for (Path g : older) {
      boolean completeAndOlder = number(g) < published;
      if (completeAndOlder && kept < keepPrevious) {
        kept++;
      } else if (number(g) < published) {
        IOUtils.rm(g);
      }
    }
  }

  /** Every generation folder, whatever its state, in no particular order. */
  public List<Path> generations() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(root)) {
      return children.filter(p -> Files.isDirectory(p) && NAME.matcher(p.getFileName().toString()).matches())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  public static long number(Path generation) {
    Matcher m = NAME.matcher(generation.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a generation folder: " + generation);
    }
    return Long.parseLong(m.group(1));
  }
}
