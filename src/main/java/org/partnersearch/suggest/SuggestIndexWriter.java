package org.partnersearch.suggest;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.util.IOFunction;
import org.apache.lucene.util.IOUtils;
import org.partnersearch.analysis.Folding;
import org.partnersearch.analysis.StopWords;
import org.partnersearch.corpus.GlossaryEntry;
import org.partnersearch.corpus.Lang;
import org.partnersearch.corpus.Partner;
import org.partnersearch.corpus.ResearchArea;
import org.partnersearch.corpus.ResearchField;
import org.partnersearch.corpus.Vocabulary;

/**
 * Writes the suggester of a generation once its index is written: {@link #splitBy} the index, then
 * {@link #add(Partner)} for each partner read back from it, {@link #term} for each of its words,
 * then {@link #finish} (labels and glossary). Closing it unfinished discards what was written.
 * NOTE: entries are added on one thread. A pool of its own beside the documents' ({@code
 * DocumentPipeline}) gained nothing at 100,000 partners on 2 cores and 57 of the suggester's 249 s
 * at 1,000,000, for 86 lines, a second way to hand back a worker's failure and ordinals in the
 * weights to keep ties in one order.
 */
public final class SuggestIndexWriter implements Closeable {
  /**
   * Partners and areas outrank terms in the candidate list the infix suggester returns. A term
   * weighs the partner texts it is in, up to a few per partner: a bonus of a million was passed at
   * 500,000 partners, and a list filled with heavier terms then lost every partner. Every term in
   * fewer than 2^40 partner texts stays below this one, and with the 8 bits of length below it
   * ({@link EntryIndex#add}) a weight still fits in a long.
   */
  static final long NAMED_BONUS = 1L << 40;

  /**
   * Stop words and numbers are terms too (a prefix of any corpus word gets a suggestion), but last.
   */
  private static final long UNIMPORTANT = 0;

  private final IOFunction<IndexReader, EntryIndex> opener;
  private final Vocabulary vocabulary;
  private EntryIndex infix;

  /** The folded glossary terms that are not yet entries as words of the index. */
  private final Set<String> glossaryLeft = new HashSet<>();

  private long entries;
  private long start;
  private Duration took = Duration.ZERO;
  private boolean finished;

  /**
   * @param opener opens the infix index whose entries are split by the words of a written index
   */
  SuggestIndexWriter(IOFunction<IndexReader, EntryIndex> opener, Vocabulary vocabulary) {
    this.opener = opener;
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
    add(p.id(), p.name(), p.nameEn(), p.aliases());
  }

  /** Adds a partner's names and aliases as entries: what its record is read for, no more. */
  public void add(String id, String name, String nameEn, List<String> aliases) throws IOException {
    add(name, Suggestion.Kind.PARTNER, id, EnumSet.of(Lang.DE), NAMED_BONUS + 2);
    add(nameEn, Suggestion.Kind.PARTNER, id, EnumSet.of(Lang.EN), NAMED_BONUS + 2);
    for (String alias : aliases) {
      add(alias, Suggestion.Kind.PARTNER, id, Set.of(), NAMED_BONUS + 1);
    }
  }

  /**
   * Entries are split by the words of the written {@code index} (open until {@link #finish}), as
   * the searcher splits typed words.
   */
  public void splitBy(IndexReader index) throws IOException {
    start = System.nanoTime();
    infix = opener.apply(index);
  }

  /** Adds a word of the index in its usual spelling, weighted by the partner texts it is in. */
  public void term(String spelling, Set<Lang> langs, long partners) throws IOException {
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
    infix().commitAll(entries);
    infix.close(); // also closes its directory; its commit synced its files
    finished = true;
    took = Duration.ofNanos(System.nanoTime() - start);
    return entries;
  }

  /** How long it took from {@link #splitBy} to the end of {@link #finish}. */
  public Duration buildTime() {
    return took;
  }

  @Override
  public void close() throws IOException {
    if (!finished) {
      IOUtils.close(infix);
    }
  }

  private void labels(String id, String en, String de, long weight) throws IOException {
    add(en, Suggestion.Kind.AREA, id, EnumSet.of(Lang.EN), NAMED_BONUS + weight);
    add(de, Suggestion.Kind.AREA, id, EnumSet.of(Lang.DE), NAMED_BONUS + weight);
  }

  private void add(String text, Suggestion.Kind kind, String id, Set<Lang> langs, long weight)
      throws IOException {
    if (text != null && text.codePoints().anyMatch(Character::isLetterOrDigit)) {
      infix().add(text, kind, id, langs, weight);
      entries++;
    }
  }

  private EntryIndex infix() {
    if (infix == null) {
      throw new IllegalStateException("the entries are split by a written index: splitBy first");
    }
    return infix;
  }

  private static String key(String text) {
    return text == null ? "" : Folding.strip(text.toLowerCase(Locale.ROOT));
  }
}
