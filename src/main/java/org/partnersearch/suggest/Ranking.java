package org.partnersearch.suggest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Stream;
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

  /**
   * A hit as it matched, best first: by {@code rank} (its tier, then partners and areas before
   * terms, whole typed words before partial ones, the visitor's language), the heavier, the
   * shorter, then as found ({@code seq}).
   */
  private record Candidate(Hit hit, Tier tier, int rank, int seq) implements Comparable<Candidate> {
    @Override
    public int compareTo(Candidate other) {
      String text = hit.marked().entry().text();
      String otherText = other.hit.marked().entry().text();
      int order = Integer.compare(rank, other.rank);
      order = order != 0 ? order : Long.compare(other.hit.weight(), hit.weight());
      order = order != 0 ? order : Integer.compare(text.length(), otherText.length());
      order = order != 0 ? order : text.compareTo(otherText);
      return order != 0 ? order : Integer.compare(seq, other.seq);
    }
  }

  private final int size;
  private final Lang lang;
  private final List<Candidate> all = new ArrayList<>();

  /** Partners' and areas' ids by candidate: read from the index once, and only for the best. */
  private final Map<Integer, String> ids = new HashMap<>();

  /** {@link #top()} as last computed, or null after a change. */
  private List<Candidate> top;

  Ranking(int size, Lang lang) {
    this.size = size;
    this.lang = lang;
  }

  /**
   * Ranks a hit of a lookup for the {@code typed} words joined by blanks; {@code tier}, if given,
   * says how it matched instead.
   */
  void add(Hit hit, String typed, boolean lastIsPrefix, Tier tier) {
    Marked.Entry entry = hit.marked().entry();
    boolean prefix = tier == null && entry.startsWith(typed, lastIsPrefix);
    if (tier == null) {
      tier = prefix ? Tier.PREFIX : hit.marked().viaPart() ? Tier.PART : Tier.WORD;
    }
    boolean partial = !(prefix && entry.startsWith(typed, false));
    boolean term = hit.kind() == Suggestion.Kind.TERM;
    boolean otherLang = hit.lang() != null && hit.lang() != lang;
    int rank = tier.ordinal() << 3 | (term ? 4 : 0) | (partial ? 2 : 0) | (otherLang ? 1 : 0);
    Candidate candidate = new Candidate(hit, tier, rank, all.size());
    all.add(candidate);
    // One that sorts after a full list's last leaves it as it is.
    if (top != null && (top.size() < size || candidate.compareTo(top.get(size - 1)) < 0)) {
      top = null;
    }
  }

  /** Whether some hit so far has exactly these folded words. */
  boolean hasKey(String key) {
    return all.stream().anyMatch(c -> c.hit().marked().entry().key().equals(key));
  }

  /** How many distinct suggestions were found so far (at most the list's size). */
  int found() {
    return top().size();
  }

  /** Whether the list is already full, so later tiers cannot enter it. */
  boolean full() {
    return found() >= size;
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
    return full() && top().get(size - 1).tier() == Tier.PREFIX;
  }

  /** The candidate's partner or area id ({@link Hit#id}); null for a term. */
  private String id(Candidate c) {
    return c.hit().idOrd() < 0 ? null : ids.computeIfAbsent(c.seq(), seq -> c.hit().id());
  }

  List<Suggestion> suggestions() {
    List<Suggestion> listed = new ArrayList<>();
    for (Candidate c : top()) {
      Marked marked = c.hit().marked();
      listed.add(new Suggestion(marked.entry().text(), marked.html(), c.hit().kind(), id(c)));
    }
    return listed;
  }

  /**
   * The best match of each partner, area or term text, skipping folded texts already listed: taken
   * best first from a heap, as sorting all candidates was a twelfth of a suggest (JFR). A term
   * stands for its text, which its key covers.
   */
  private List<Candidate> top() {
    if (top == null) {
      Set<String> identities = new HashSet<>();
      Set<String> keys = new HashSet<>();
      PriorityQueue<Candidate> best = new PriorityQueue<>(all);
      top =
          Stream.generate(best::poll)
              .takeWhile(Objects::nonNull)
              .filter(c -> id(c) == null || identities.add(c.hit().kind() + ":" + id(c)))
              .filter(c -> keys.add(c.hit().marked().entry().key()))
              .limit(size)
              .toList();
    }
    return top;
  }
}
