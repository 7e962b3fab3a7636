package org.partnersearch.serving;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * German–English term pairs as query-time synonyms. Terms are looked up by several normalised keys
 * (folded, German stem, English stem) so that inflected or umlaut-free queries find their entry:
 * "Hochschulen" finds Hochschule, "universities" finds university.
 */
public final class Glossary {
  private final Map<String, Set<String>> translationsByKey;

  /** The keys a text is filed and looked up under (the query side's word analysis decides them). */
  private final Function<String, Set<String>> keys;

  /** Each glossary term's own keys, normalised once: a search looks words up many times. */
  private final Map<String, Set<String>> keysOfTerm;

  private final int maxWords;

  Glossary(
      Map<String, Set<String>> translationsByKey,
      Function<String, Set<String>> keys,
      Map<String, Set<String>> keysOfTerm,
      int maxWords) {
    this.translationsByKey = translationsByKey;
    this.keys = keys;
    this.keysOfTerm = keysOfTerm;
    this.maxWords = maxWords;
  }

  /**
   * The other-language terms for {@code text}, without {@code text} itself; empty when it has none.
   */
  public List<String> translations(String text) {
    Set<String> found = new LinkedHashSet<>();
    Set<String> own = keys.apply(text);
    for (String key : own) {
      found.addAll(translationsByKey.getOrDefault(key, Set.of()));
    }
    found.removeIf(t -> keysOfTerm.get(t).stream().anyMatch(own::contains));
    return List.copyOf(found);
  }

  /**
   * The number of words of the longest glossary term, which bounds the phrases worth looking up.
   */
  public int maxWords() {
    return maxWords;
  }
}
