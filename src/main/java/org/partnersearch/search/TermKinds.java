package org.partnersearch.search;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A word's terms and the kind of match each stands for, in their order, read-only and compact: an
 * array of entries instead of a {@code LinkedHashMap}.
 *
 * <p>NOTE: why. {@link TypedWords} keeps thousands of analysed texts, each word with two such maps;
 * as linked hash maps they were most of the server's live heap (at 13 partners after the benchmark
 * mix: 133,000 map entries, about 19 MB of a 37 MB live set, which at {@code -Xmx64m} leaves the
 * young generation a few MiB). A word has about eight terms: a scan finds one as fast as a hash.
 */
final class TermKinds extends AbstractMap<String, MatchKind> {
  private final Map.Entry<String, MatchKind>[] entries;
  private Set<Map.Entry<String, MatchKind>> entrySet;

  @SuppressWarnings("unchecked")
  private TermKinds(Map<String, MatchKind> terms, Map<String, String> sameStrings) {
    entries = new Map.Entry[terms.size()];
    int i = 0;
    for (Map.Entry<String, MatchKind> e : terms.entrySet()) {
      entries[i++] = Map.entry(sameStrings.computeIfAbsent(e.getKey(), t -> t), e.getValue());
    }
  }

  /**
   * {@code terms} in their order; a term equal to one in {@code sameStrings} shares its string (a
   * word's terms and translation terms are mostly the same).
   */
  static TermKinds of(Map<String, MatchKind> terms, Map<String, String> sameStrings) {
    return new TermKinds(terms, sameStrings);
  }

  @Override
  public MatchKind get(Object term) {
    for (Map.Entry<String, MatchKind> e : entries) {
      if (e.getKey().equals(term)) {
        return e.getValue();
      }
    }
    return null;
  }

  @Override
  public boolean containsKey(Object term) {
    return get(term) != null;
  }

  @Override
  public int size() {
    return entries.length;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super MatchKind> action) {
    for (Map.Entry<String, MatchKind> e : entries) {
      action.accept(e.getKey(), e.getValue());
    }
  }

  @Override
  public Set<Map.Entry<String, MatchKind>> entrySet() {
    if (entrySet == null) {
      entrySet =
          new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, MatchKind>> iterator() {
              return Arrays.asList(entries).iterator();
            }

            @Override
            public int size() {
              return entries.length;
            }
          };
    }
    return entrySet;
  }
}
