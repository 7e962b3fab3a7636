package org.partnersearch.serving;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.partnersearch.analysis.Analyzers;
import org.partnersearch.corpus.GlossaryEntry;
import org.partnersearch.search.GlossaryKeys;

/** Builds the {@link Glossary} of an index generation from its entries. */
public final class GlossaryFactory {
  private final GlossaryKeys keys;

  public GlossaryFactory(Analyzers analyzers) {
    this.keys = new GlossaryKeys(analyzers);
  }

  public Glossary create(List<GlossaryEntry> entries) {
    Map<String, Set<String>> byKey = new HashMap<>();
    int maxWords = 1;
    for (GlossaryEntry e : entries) {
      for (String key : keys.of(e.de())) {
        byKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(e.en());
      }
      for (String key : keys.of(e.en())) {
        byKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(e.de());
      }
      maxWords = Math.max(maxWords, Math.max(words(e.de()), words(e.en())));
    }
    return new Glossary(byKey, keys, maxWords);
  }

  private static int words(String text) {
    return text.trim().split("\\s+").length;
  }
}
