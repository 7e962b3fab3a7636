package org.partnersearch.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text pasted with decomposed umlauts or stray spaces loads as clean NFC text. */
class NormalisationTest {
  @TempDir Path tempDir;

  @Test
  void decomposedUmlautsComeOutComposedAndNamesTrimmed() throws CorpusException {
    CorpusFixture corpus =
        CorpusFixture.copyOfRealCorpus(tempDir)
            .copyResource("decomposed-umlauts.yaml", "partners/tu-chemnitz.yaml");
    String raw = corpus.read("partners/tu-chemnitz.yaml");
    assertTrue(raw.contains("Universita\u0308t"), "the fixture really is decomposed");

    Partner chemnitz =
        corpus.load().partners().stream()
            .filter(p -> p.id().equals("tu-chemnitz"))
            .findFirst()
            .orElseThrow();

    assertEquals("Technische Universit\u00e4t Chemnitz", chemnitz.name());
    assertTrue(chemnitz.description().de().contains("\u201eSkalen\u00fcbergreifende Modellierung"));
    assertTrue(Normalizer.isNormalized(chemnitz.description().de(), Normalizer.Form.NFC));
  }
}
