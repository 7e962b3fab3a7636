package org.partnersearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk generations: what is published, what may be served, what is cleaned up. */
class IndexGenerationsTest {
  @TempDir Path root;

  @Test
  void nothingIsPublishedInAnEmptyFolder() {
    IndexGenerations g = new IndexGenerations(root.resolve("index"));
    assertEquals(Optional.empty(), g.current());
    assertEquals(List.of(), g.servable());
  }

  @Test
  void aCreatedGenerationIsInvisibleUntilPublished() throws IOException {
    IndexGenerations g = new IndexGenerations(root);
    Path first = g.create();
    assertEquals("gen-000001", first.getFileName().toString());
    assertEquals(Optional.empty(), g.current());
    g.publish(first);
    assertEquals(Optional.of(first), g.current());
  }

  /** Superseded generations go at once: the single-server case. */
  private IndexGenerations withoutReplicas() {
    return new IndexGenerations(root, Duration.ZERO, Clock.systemUTC());
  }

  @Test
  void anUnpublishedNewerFolderIsNeverServedAndIsRemovedOnceANewerGenerationIsPublished()
      throws IOException {
    IndexGenerations g = withoutReplicas();
    Path first = g.create();
    g.publish(first);
    Path abandoned = g.create(); // a build that crashed before publishing
    assertEquals(List.of(first), g.servable());

    Path third = g.create();
    g.publish(third);
    g.removeOld();
    assertFalse(Files.exists(abandoned), "an abandoned build is cleaned up");
    assertTrue(Files.exists(first), "the previous published generation is kept as the fallback");
    assertEquals(List.of(third, first), g.servable());
  }

  @Test
  void onlyThePreviousGenerationIsKept() throws IOException {
    IndexGenerations g = withoutReplicas();
    Path a = g.create();
    g.publish(a);
    Path b = g.create();
    g.publish(b);
    Path c = g.create();
    g.publish(c);
    g.removeOld();
    assertEquals(List.of(c, b), g.servable());
    assertFalse(Files.exists(a));
  }

  @Test
  void aSupersededGenerationStaysForReplicasUntilTheTimeToKeepItHasPassed() throws IOException {
    Instant now = Instant.now();
    IndexGenerations g =
        new IndexGenerations(root, Duration.ofMinutes(10), Clock.fixed(now, ZoneOffset.UTC));
    Path a = g.create();
    g.publish(a);
    Path b = g.create();
    g.publish(b);
    Path c = g.create();
    g.publish(c);
    Files.setLastModifiedTime(
        b, FileTime.from(now.minus(Duration.ofMinutes(9)))); // b's build replaced a
    g.removeOld();
    assertTrue(Files.exists(a), "superseded 9 minutes ago: a replica may still answer from it");

    Files.setLastModifiedTime(b, FileTime.from(now.minus(Duration.ofMinutes(11))));
    g.removeOld();
    assertFalse(
        Files.exists(a), "superseded 11 minutes ago: every replica has switched long since");
    assertEquals(List.of(c, b), g.servable(), "the previous one is kept whatever its age");
  }

  @Test
  void aPointerToAMissingOrOddlyNamedFolderPublishesNothing() throws IOException {
    Files.writeString(root.resolve(IndexGenerations.POINTER), "gen-000007\n");
    assertEquals(Optional.empty(), new IndexGenerations(root).current());
    Files.writeString(root.resolve(IndexGenerations.POINTER), "../../etc\n");
    assertEquals(Optional.empty(), new IndexGenerations(root).current());
  }
}
