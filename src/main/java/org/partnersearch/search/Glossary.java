package org.partnersearch.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * German–English term pairs as query-time synonyms. Terms are looked up by several normalised keys
 * (folded, German stem, English stem) so that inflected or umlaut-free queries find their entry:
 * "Hochschulen" finds Hochschule, "universities" finds university.
 */
public final class Glossary {
  private final Map<String, Set<String>> translationsByKey;
  /** Each glossary term's own keys, normalised once: a search looks words up many times. */
  private final Map<String, Set<String>> keysOfTerm;
  private final GlossaryKeys keys;
  private final int maxWords;

  Glossary(Map<String, Set<String>> translationsByKey, Map<String, Set<String>> keysOfTerm, GlossaryKeys keys,
      int maxWords) {
    this.translationsByKey = translationsByKey;
    this.keysOfTerm = keysOfTerm;
    this.keys = keys;
    this.maxWords = maxWords;
  }

  /** The other-language terms for {@code text}, without {@code text} itself; empty when it has none. */
  public List<String> translations(String text) {
    Set<String> own = keys.of(text);
    Set<String> found = new LinkedHashSet<>();
    for (String key : own) {
      found.addAll(translationsByKey.getOrDefault(key, Set.of()));
    }
    found.removeIf(t -> keysOfTerm.get(t).stream().anyMatch(own::contains));
    return List.copyOf(found);
  }

  /** The number of words of the longest glossary term, which bounds the phrases worth looking up. */
  public int maxWords() {
    return maxWords;
  }
}
