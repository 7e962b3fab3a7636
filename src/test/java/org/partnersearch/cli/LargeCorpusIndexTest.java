package org.partnersearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnersearch.RealCorpus;
import org.partnersearch.corpus.City;
import org.partnersearch.corpus.Corpus;
import org.partnersearch.corpus.CorpusLoader;
import org.partnersearch.corpus.ResearchArea;
import org.partnersearch.index.IndexGenerations;

/**
 * Issue 19: a corpus far larger than the shipped one, written in the corpus format as an editor
 * would, indexes with the real {@code index} command in a JVM of its own and a small heap. The
 * loader must not hold every partner file's parsed tree at once: a tree with its token locations
 * weighs about 15 KiB against a record's 1 or 2, so the loader that kept them all until the end
 * needed more than this heap for {@value #PARTNERS} partners (100,000 did not fit in 1 GB).
 */
class LargeCorpusIndexTest {
  private static final int PARTNERS = 5_000;

  /**
   * Measured on these files: the loader that kept every tree ran out of memory at 96m already while
   * validating, and passed at 160m; the streaming one validates them in 64m and indexes them in
   * 64m.
   */
  private static final String HEAP = "-Xmx96m";

  @TempDir Path dir;

  @Test
  void fiveThousandPartnerFilesIndexInASmallHeap() throws Exception {
    Path corpus = RealCorpus.copyTo(dir.resolve("corpus"));
    Path partners = corpus.resolve(CorpusLoader.PARTNERS_DIR);
    IOUtils.rm(partners);
    Files.createDirectories(partners);
    Corpus vocabulary = RealCorpus.records();
    for (int i = 0; i < PARTNERS; i++) {
      String id = String.format("partner-%05d", i);
      Files.writeString(
          partners.resolve(id + ".yaml"), partnerFile(id, i, vocabulary), StandardCharsets.UTF_8);
    }
    Path index = dir.resolve("index");

    Process cli =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "index",
                "--corpus",
                corpus.toString(),
                "--index",
                index.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("index.log").toFile())
            .start();
    boolean finished = cli.waitFor(5, TimeUnit.MINUTES);
    if (!finished) {
      cli.destroyForcibly().waitFor();
    }
    String log = Files.readString(dir.resolve("index.log"));

    assertTrue(finished, "index still running after 5 minutes:\n" + tail(log));
    assertEquals(0, cli.exitValue(), tail(log));
    assertTrue(log.contains("indexed " + PARTNERS + " documents"), tail(log));
    Path generation = new IndexGenerations(index).current().orElseThrow();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(generation))) {
      assertEquals(PARTNERS, reader.numDocs());
    }
  }

  /**
   * A partner as an editor writes one: every field, references taken from the real vocabularies.
   */
  private static String partnerFile(String id, int i, Corpus vocabulary) {
    List<ResearchArea> areas =
        vocabulary.taxonomy().fields().stream().flatMap(f -> f.areas().stream()).toList();
    List<City> cities = vocabulary.cities();
    return String.join(
        "\n",
        "# yaml-language-server: $schema=../schema/partner.schema.json",
        "id: " + id,
        "name: Forschungsinstitut für Strahlenmessung " + i,
        "nameEn: Institute of Radiation Measurement " + i,
        "aliases: [FIS-" + i + ", Strahleninstitut " + i + "]",
        "type: " + vocabulary.types().get(i % vocabulary.types().size()).id(),
        "city: " + cities.get(i % cities.size()).key(),
        "researchAreas: ["
            + areas.get(i % areas.size()).id()
            + ", "
            + areas.get((i + 1) % areas.size()).id()
            + "]",
        "hzdrInstitutes: [Institute of Radiation Physics]",
        "contacts:",
        "  - name: Anna Beispiel " + i,
        "    role: Head of the laboratory",
        "website: https://partner-" + i + ".example.org",
        "description:",
        "  en: >-",
        "    The institute measures radiation in hospitals and research reactors and trains",
        "    young scientists in dosimetry, detector physics and radiation protection.",
        "  de: >-",
        "    Das Institut misst Strahlung in Krankenhäusern und Forschungsreaktoren und bildet",
        "    junge Wissenschaftler in Dosimetrie, Detektorphysik und Strahlenschutz aus.",
        "");
  }

  private static String tail(String log) {
    return log.length() <= 4000 ? log : log.substring(log.length() - 4000);
  }
}
