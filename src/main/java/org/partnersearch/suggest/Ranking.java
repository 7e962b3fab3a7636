package org.partnersearch.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.search.suggest.Lookup.LookupResult;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.partnersearch.corpus.Lang;

/**
 * The suggestions of one request, best first: by how an entry matched ({@link Tier}), partners and
 * areas before terms, whole typed words before partial ones, the visitor's language, then Lucene's
 * weight, shorter text. One suggestion per partner or area and one per folded text.
 */
final class Ranking {
  /** How an entry matched, best first. */
  enum Tier {
    PREFIX, // the entry starts with the typed words
    WORD, // each typed word starts a word of the entry
    PART, // some typed word starts a compound part ("klinikum" in "Universitätsklinikum")
    TRANSLATION, // a word of the entry translates the typed text (glossary)
    TYPO, // the last typed word, corrected, is a word of the entry
    TYPO_PREFIX // the last typed word, corrected, starts a word of the entry
  }

  private static final Comparator<Candidate> ORDER =
      Comparator.comparingInt(Candidate::rank)
          .thenComparing(Comparator.comparingLong(Candidate::weight).reversed())
          .thenComparingInt(c -> c.marked().text().length())
          .thenComparing(c -> c.marked().text());

  /**
   * The contexts an entry is indexed with ({@link EntryIndex#add}): its kind, its text's language
   * and its id.
   */
  private static final Map<BytesRef, Suggestion.Kind> KINDS =
      Stream.of(Suggestion.Kind.values())
          .collect(Collectors.toMap(k -> new BytesRef(k.name()), k -> k));

  private static final Map<BytesRef, Lang> LANGS =
      Stream.of(Lang.values()).collect(Collectors.toMap(l -> new BytesRef(l.name()), l -> l));

  private static final BytesRef ID_CONTEXT = new BytesRef(EntryIndex.ID_CONTEXT);

  private final int size;
  private final Lang lang;

  /** The best match of each partner, area or term text. */
  private final Map<String, Candidate> best = new HashMap<>();

  /**
   * Every hit's folded text, so a typed phrase is known to be a whole entry before it is
   * translated.
   */
  private final Set<String> keys = new HashSet<>();

  /** {@link #distinct()} as last sorted, or null after a change. */
  private List<Candidate> sorted;

  Ranking(int size, Lang lang) {
    this.size = size;
    this.lang = lang;
  }

  /**
   * Ranks a hit of a lookup for {@code typed}; {@code tier}, if given, says how it matched instead.
   */
  void add(LookupResult hit, List<String> typed, boolean lastIsPrefix, Tier tier) {
    Marked marked = (Marked) hit.highlightKey;
    Suggestion.Kind kind = null;
    Lang entryLang = null; // null: both languages, or neither
    String id = null;
    for (BytesRef context : hit.contexts) {
      kind = KINDS.getOrDefault(context, kind);
      entryLang = LANGS.getOrDefault(context, entryLang);
      if (StringHelper.startsWith(context, ID_CONTEXT)) {
        id = context.utf8ToString().substring(EntryIndex.ID_CONTEXT.length());
      }
    }
    boolean whole = false;
    if (tier == null) {
      boolean prefix = marked.startsWith(typed, lastIsPrefix);
      tier = prefix ? Tier.PREFIX : marked.viaPart() ? Tier.PART : Tier.WORD;
      whole = prefix && marked.wholeWords(typed);
    }
    int rank =
        tier.ordinal() << 3
            | (kind == Suggestion.Kind.TERM ? 1 : 0) << 2
            | (whole ? 0 : 1) << 1
            | (entryLang == null || entryLang == lang ? 0 : 1);
    Candidate candidate = new Candidate(marked, kind, id, hit.value, rank);
    keys.add(marked.key());
    String identity = kind + ":" + (id == null ? marked.text() : id);
    Candidate known = best.get(identity);
    if (known == null || ORDER.compare(candidate, known) < 0) {
      best.put(identity, candidate);
      sorted = null;
    }
  }

  /** Whether some hit so far has exactly these folded words. */
  boolean hasKey(String key) {
    return keys.contains(key);
  }

  /** How many distinct suggestions were found so far (at most the list's size). */
  int found() {
    return distinct().size();
  }

  /** Whether the list is already full, so later tiers cannot enter it. */
  boolean full() {
    return best.size() >= size && distinct().size() >= size;
  }

  /** How many suggestions were asked for. */
  int size() {
    return size;
  }

  /**
   * Whether the list is full of entries that start with the typed words: entries that weigh less
   * than every one so far can then only pass one of them by a better language or a whole word.
   */
  boolean settled() {
    return full() && distinct().get(size - 1).rank() >> 3 == Tier.PREFIX.ordinal();
  }

  List<Suggestion> top() {
    return distinct().stream()
        .map(c -> new Suggestion(c.marked().text(), c.marked().html(), c.kind(), c.id()))
        .toList();
  }

  private List<Candidate> distinct() {
    if (sorted == null) {
      List<Candidate> all = new ArrayList<>(best.values());
      all.sort(ORDER);
      Set<String> texts = new HashSet<>();
      sorted = new ArrayList<>();
      for (int i = 0; i < all.size() && sorted.size() < size; i++) {
        if (texts.add(all.get(i).marked().key())) {
          sorted.add(all.get(i));
        }
      }
    }
    return sorted;
  }

  /**
   * @param rank tier, kind, wholeness and language in one number, smaller first
   */
  private record Candidate(Marked marked, Suggestion.Kind kind, String id, long weight, int rank) {}
}
