package org.partnersearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
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
 *
 * <p>Several {@code serve} replicas may read one folder (a shared volume) while one indexer
 * publishes into it; replicas never write generations. A superseded generation is kept for {@link
 * #keepSuperseded} after the one that replaced it was built, so a replica still answering from it
 * (it switches within its refresh interval) never finds its files gone, not even on NFS, which has
 * no delete-on-last-close.
 */
public final class IndexGenerations {
  static final String POINTER = "CURRENT";
  static final String PREVIOUS = "PREVIOUS";

  /** Far longer than any replica's refresh interval (2 s by default). */
  public static final int DEFAULT_KEEP_MINUTES = 10;

  public static final Duration DEFAULT_KEEP_SUPERSEDED = Duration.ofMinutes(DEFAULT_KEEP_MINUTES);
  private static final Pattern NAME = Pattern.compile("gen-(\\d{6,9})");

  private final Path root;
  private final Duration keepSuperseded;
  private final Clock clock;

  public IndexGenerations(Path root) {
    this(root, DEFAULT_KEEP_SUPERSEDED, Clock.systemUTC());
  }

  /**
   * @param keepSuperseded how long a superseded generation stays for replicas that still answer
   *     from it
   */
  public IndexGenerations(Path root, Duration keepSuperseded, Clock clock) {
    if (keepSuperseded.isNegative()) {
      throw new IllegalArgumentException(
          "the time to keep superseded generations must not be negative");
    }
    this.root = root.toAbsolutePath().normalize();
    this.keepSuperseded = keepSuperseded;
    this.clock = clock;
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
   * Atomically makes {@code generation} the published one, remembering the one it replaces. A crash
   * between the two renames leaves both pointers naming the old generation, which is safe.
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
    Files.move(
        tmp,
        root.resolve(pointer),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    IOUtils.fsync(root, true);
  }

  /**
   * Deletes every generation below the published one except the previous published one (the
   * fallback) and those superseded less than {@link #keepSuperseded} ago (a replica may still
   * answer from them). Folders above the published number may be builds in progress and are left
   * alone.
   */
  public void removeOld() throws IOException {
    Optional<Path> current = current();
    if (current.isEmpty()) {
      return;
    }
    long published = number(current.get());
    Optional<Path> previous = previous();
    List<Path> all =
        generations().stream().sorted(Comparator.comparingLong(IndexGenerations::number)).toList();
    Instant keepAfter = clock.instant().minus(keepSuperseded);
    for (int i = 0; i < all.size(); i++) {
      Path g = all.get(i);
      if (number(g) < published
          && !previous.equals(Optional.of(g))
          && (keepSuperseded.isZero()
              || supersededAt(all.subList(i + 1, all.size())).isBefore(keepAfter))) {
        IOUtils.rm(g);
      }
    }
  }

  /**
   * When a generation was superseded, near enough: when the first newer generation folder last
   * changed, which is when its build committed (verifying it only reads). NOTE: the folder's time
   * rather than the commit's build time, so an abandoned build without a commit has one too.
   */
  private static Instant supersededAt(List<Path> newer) {
    if (newer.isEmpty()) {
      return Instant.MAX; // nothing newer: it is not superseded
    }
    try {
      return Files.getLastModifiedTime(newer.get(0)).toInstant();
    } catch (IOException e) {
      return Instant.MAX; // removed meanwhile by another indexer: keep this one for now
    }
  }

  /** Every generation folder, whatever its state, in no particular order. */
  public List<Path> generations() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(root)) {
      return children
          .filter(p -> Files.isDirectory(p) && NAME.matcher(p.getFileName().toString()).matches())
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
