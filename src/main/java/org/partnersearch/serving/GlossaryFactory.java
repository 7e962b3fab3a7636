package org.partnersearch.serving;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.partnersearch.corpus.GlossaryEntry;

/** Builds the {@link Glossary} of an index generation from its entries. */
public final class GlossaryFactory {
  private final Function<String, Set<String>> keys;

  /**
   * @param keys the keys a term is filed and looked up under; the search side's word analysis (its
   *     {@code GlossaryKeys}), handed in so that serving does not depend on query building
   */
  public GlossaryFactory(Function<String, Set<String>> keys) {
    this.keys = keys;
  }

  public Glossary create(List<GlossaryEntry> entries) {
    Map<String, Set<String>> byKey = new HashMap<>();
    Map<String, Set<String>> keysOfTerm = new HashMap<>();
    int maxWords = 1;
    for (GlossaryEntry e : entries) {
      Set<String> de = keysOfTerm.computeIfAbsent(e.de(), keys);
      Set<String> en = keysOfTerm.computeIfAbsent(e.en(), keys);
      for (String key : de) {
        byKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(e.en());
      }
      for (String key : en) {
        byKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(e.de());
      }
      maxWords = Math.max(maxWords, Math.max(words(e.de()), words(e.en())));
    }
    return new Glossary(byKey, keys, keysOfTerm, maxWords);
  }

  private static int words(String text) {
    return text.trim().split("\\s+").length;
  }
}
