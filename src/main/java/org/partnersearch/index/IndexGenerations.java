package org.partnersearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.util.IOUtils;

/**
 * The on-disk layout of the index folder: one sub-folder per generation ({@code gen-000001}, ...),
 * a {@code CURRENT} file naming the published one and a {@code PREVIOUS} file naming the one
 * published before it (the fallback).
 *
 * <p>A generation is built completely, committed and verified before {@code CURRENT} is replaced by
 * an atomic rename, so a crash at any moment leaves either the old or the new generation published,
 * never a half-built one. Folders above the published number that are not published are builds in
 * progress or abandoned by a crash; they are removed only once a newer generation is published.
 */
public final class IndexGenerations {
  static final String POINTER = "CURRENT";
  static final String PREVIOUS = "PREVIOUS";
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
    return pointed(POINTER);
  }

  /** The generation published before the current one, if it still exists. */
  public Optional<Path> previous() {
    return pointed(PREVIOUS);
  }

  private Optional<Path> pointed(String pointer) {
    try {
      String name = Files.readString(root.resolve(pointer), StandardCharsets.UTF_8).trim();
      if (!NAME.matcher(name).matches() || !Files.isDirectory(root.resolve(name))) {
        return Optional.empty();
      }
      return Optional.of(root.resolve(name));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + root.resolve(pointer), e);
    }
  }

  /**
   * Generations that may be served, newest first: the published one, then the one published before
   * it (a fallback when the newest cannot be opened). Unpublished folders are never candidates.
   */
  public List<Path> servable() {
    List<Path> servable = new java.util.ArrayList<>();
    current().ifPresent(servable::add);
    previous().filter(p -> !servable.contains(p)).ifPresent(servable::add);
    return servable;
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

  /**
   * Atomically makes {@code generation} the published one, remembering the one it replaces. A
   * crash between the two renames leaves both pointers naming the old generation, which is safe.
   */
  public void publish(Path generation) throws IOException {
    Optional<Path> replaced = current();
    if (replaced.isPresent() && !replaced.get().equals(generation)) {
      writePointer(PREVIOUS, replaced.get());
    }
    writePointer(POINTER, generation);
  }

  private void writePointer(String pointer, Path generation) throws IOException {
    Path tmp = root.resolve(pointer + ".tmp");
    Files.writeString(tmp, generation.getFileName().toString() + "\n", StandardCharsets.UTF_8);
    IOUtils.fsync(tmp, false);
    Files.move(tmp, root.resolve(pointer), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    IOUtils.fsync(root, true);
  }

  /**
   * Deletes every generation below the published one except the previous published one (a server
   * may still answer from it, and it is the fallback). Folders above the published number may be
   * builds in progress and are left alone.
   */
  public void removeOld() throws IOException {
    Optional<Path> current = current();
    if (current.isEmpty()) {
      return;
    }
    long published = number(current.get());
    Optional<Path> previous = previous();
    for (Path g : generations()) {
      if (number(g) < published && !previous.equals(Optional.of(g))) {
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
