package org.partnersearch.serving;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.partnersearch.search.GlossaryKeys;

/**
 * German–English term pairs as query-time synonyms. Terms are looked up by several normalised keys
 * (folded, German stem, English stem) so that inflected or umlaut-free queries find their entry:
 * "Hochschulen" finds Hochschule, "universities" finds university.
 */
public final class Glossary {
  private final Map<String, Set<String>> translationsByKey;
  private final GlossaryKeys keys;
  private final int maxWords;

  Glossary(Map<String, Set<String>> translationsByKey, GlossaryKeys keys, int maxWords) {
    this.translationsByKey = translationsByKey;
    this.keys = keys;
    this.maxWords = maxWords;
  }

  /** The other-language terms for {@code text}, without {@code text} itself; empty when it has none. */
  public List<String> translations(String text) {
    Set<String> found = new LinkedHashSet<>();
    for (String key : keys.of(text)) {
      found.addAll(translationsByKey.getOrDefault(key, Set.of()));
    }
    Set<String> own = new LinkedHashSet<>(keys.of(text));
    found.removeIf(t -> keys.of(t).stream().anyMatch(own::contains));
    return List.copyOf(found);
  }

  /** The number of words of the longest glossary term, which bounds the phrases worth looking up. */
  public int maxWords() {
    return maxWords;
  }
}
