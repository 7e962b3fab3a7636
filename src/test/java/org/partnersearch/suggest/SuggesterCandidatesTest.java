package org.partnersearch.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnersearch.PartnerSearch;
import org.partnersearch.corpus.Lang;
import org.partnersearch.corpus.LocalizedText;
import org.partnersearch.corpus.Partner;
import org.partnersearch.corpus.Taxonomy;
import org.partnersearch.corpus.Vocabulary;
import org.partnersearch.index.BuildProgress;

/**
 * A lookup fetches a few candidates first and all of them only when those do not fill the list with
 * entries that start with the typed words: here more partners than the first fetch have "Zentral"
 * as their second word, and the terms that start with it weigh less than any partner.
 */
class SuggesterCandidatesTest {
  private static final int PARTNERS = Suggester.FIRST_CANDIDATES * SuggestRequest.DEFAULT_SIZE + 6;

  @TempDir Path root;

  @Test
  void termsThatStartWithTheTypedWordComeBeforeManyHeavierPartnersThatHaveItLater()
      throws IOException {
    List<Partner> partners = new ArrayList<>();
    IntStream.range(0, PARTNERS)
        .forEach(
            i ->
                partners.add(
                    partner(
                        "p" + i,
                        "Labor Zentral " + "X".repeat(PARTNERS - i),
                        i == 0 ? "Die Zentralität der Forschung." : "Forschung.")));
    try (PartnerSearch app = new PartnerSearch()) {
      Path generation =
          app.index(
                  new Vocabulary(new Taxonomy(List.of()), List.of(), List.of(), List.of()),
                  partners,
                  partners.size(),
                  root,
                  BuildProgress.NONE)
              .generation();
      try (Directory dir = FSDirectory.open(generation);
          DirectoryReader index = DirectoryReader.open(dir);
          Suggester suggester = app.suggesters().open(generation, index, text -> List.of())) {
        List<String> shown =
            suggester.suggest(new SuggestRequest("zentral", 8, Lang.DE)).suggestions().stream()
                .map(
                    s ->
                        s.kind().code()
                            + (s.id() == null ? "" : " " + s.id())
                            + " "
                            + s.highlighted())
                .toList();
        // The terms first (the whole word before the longer one), then the partners with the
        // shortest names: the last ones written.
        List<String> expected =
            new ArrayList<>(List.of("term <mark>Zentral</mark>", "term <mark>Zentral</mark>ität"));
        for (int i = PARTNERS - 1; expected.size() < 8; i--) {
          expected.add("partner p" + i + " Labor <mark>Zentral</mark> " + "X".repeat(PARTNERS - i));
        }
        assertEquals(expected, shown);
      }
    }
  }

  private static Partner partner(String id, String name, String de) {
    return new Partner(
        id,
        name,
        name,
        List.of(),
        "network",
        "Dresden",
        List.of(),
        List.of(),
        List.of(),
        null,
        new LocalizedText("Research.", de));
  }
}
