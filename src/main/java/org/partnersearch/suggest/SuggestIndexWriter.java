package org.partnersearch.suggest;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.partnersearch.analysis.Folding;
import org.partnersearch.analysis.StopWords;
import org.partnersearch.corpus.GlossaryEntry;
import org.partnersearch.corpus.Lang;
import org.partnersearch.corpus.Partner;
import org.partnersearch.corpus.ResearchArea;
import org.partnersearch.corpus.ResearchField;
import org.partnersearch.corpus.Vocabulary;

/**
 * Writes the suggester of a generation while it is built: {@link #add(Partner)} as each partner
 * streams into the index, {@link #term} for each word of the written index, then {@link #finish}
 * (labels and glossary). Closing it unfinished discards what was written.
 */
public final class SuggestIndexWriter implements Closeable {
  /** Partners and areas outrank terms in the candidate list the infix suggester returns. */
  static final long NAMED_BONUS = 1_000_000L;

  /**
   * Stop words and numbers are terms too (a prefix of any corpus word gets a suggestion), but last.
   */
  private static final long UNIMPORTANT = 0;

  private final EntryIndex infix;
  private final Vocabulary vocabulary;

  /** The folded glossary terms that are not yet entries as words of the index. */
  private final Set<String> glossaryLeft = new HashSet<>();

  private long entries;
  private long nanos;
  private long termsStart;
  private boolean finished;

  SuggestIndexWriter(EntryIndex infix, Vocabulary vocabulary) {
    this.infix = infix;
    this.vocabulary = vocabulary;
    vocabulary
        .glossary()
        .forEach(
            g ->
                glossaryLeft.addAll(
                    Stream.of(g.de(), g.en()).map(SuggestIndexWriter::key).toList()));
  }

  /** Adds the partner's names and aliases as entries. */
  public void add(Partner p) throws IOException {
    long start = System.nanoTime();
    add(p.name(), Suggestion.Kind.PARTNER, p.id(), EnumSet.of(Lang.DE), NAMED_BONUS + 2);
    add(p.nameEn(), Suggestion.Kind.PARTNER, p.id(), EnumSet.of(Lang.EN), NAMED_BONUS + 2);
    for (String alias : p.aliases()) {
      add(alias, Suggestion.Kind.PARTNER, p.id(), Set.of(), NAMED_BONUS + 1);
    }
    nanos += System.nanoTime() - start;
  }

  /** Adds a word of the index in its usual spelling, weighted by the partner texts it is in. */
  public void term(String spelling, Set<Lang> langs, long partners) throws IOException {
    termsStart = termsStart == 0 ? System.nanoTime() : termsStart;
    String key = key(spelling);
    boolean unimportant =
        StopWords.contains(spelling)
            || StopWords.contains(key)
            || key.chars().noneMatch(Character::isLetter);
    add(spelling, Suggestion.Kind.TERM, null, langs, unimportant ? UNIMPORTANT : 1 + partners);
    glossaryLeft.remove(key);
  }

  /**
   * Adds the labels and the glossary's terms that are no word of the index (phrases, words no
   * partner uses), and commits and syncs every file. Returns the number of entries.
   */
  public long finish() throws IOException {
    long start = termsStart == 0 ? System.nanoTime() : termsStart;
    for (ResearchField field : vocabulary.taxonomy().fields()) {
      labels(field.id(), field.label().en(), field.label().de(), 1);
      for (ResearchArea area : field.areas()) {
        labels(area.id(), area.label().en(), area.label().de(), 2);
      }
    }
    for (GlossaryEntry g : vocabulary.glossary()) {
      for (Lang lang : Lang.values()) {
        String text = lang == Lang.DE ? g.de() : g.en();
        if (glossaryLeft.remove(key(text))) {
          add(text, Suggestion.Kind.TERM, null, EnumSet.of(lang), 1);
        }
      }
    }
    infix.commitAll();
    infix.close(); // also closes its directory; its commit synced its files
    finished = true;
    nanos += System.nanoTime() - start;
    return entries;
  }

  /** How long adding partners, reading the index's words and finishing took in all. */
  public Duration buildTime() {
    return Duration.ofNanos(nanos);
  }

  @Override
  public void close() throws IOException {
    if (!finished) {
      infix.close();
    }
  }

  private void labels(String id, String en, String de, long weight) throws IOException {
    add(en, Suggestion.Kind.AREA, id, EnumSet.of(Lang.EN), NAMED_BONUS + weight);
    add(de, Suggestion.Kind.AREA, id, EnumSet.of(Lang.DE), NAMED_BONUS + weight);
  }

  private void add(String text, Suggestion.Kind kind, String id, Set<Lang> langs, long weight)
      throws IOException {
    if (text != null && text.codePoints().anyMatch(Character::isLetterOrDigit)) {
      infix.add(text, kind, id, langs, weight);
      entries++;
    }
  }

  private static String key(String text) {
    return text == null ? "" : Folding.strip(text.toLowerCase(Locale.ROOT));
  }
}
