package org.partnersearch.suggest;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.partnersearch.analysis.Folding;
import org.partnersearch.corpus.GlossaryEntry;
import org.partnersearch.corpus.Lang;
import org.partnersearch.corpus.Partner;
import org.partnersearch.corpus.ResearchArea;
import org.partnersearch.corpus.ResearchField;
import org.partnersearch.corpus.Vocabulary;

/**
 * Writes the suggester of a generation while the generation is built: {@link #add(Partner)} with
 * each partner as it streams into the index (its names and aliases become entries), then {@link
 * #finish} once the main index is written: the vocabulary's labels and glossary, and the terms,
 * read from the main index's terms. Closing it unfinished discards what was written; the
 * generation's folder is removed by the index builder anyway.
 */
public final class SuggestIndexWriter implements Closeable {
  /** Partners and areas outrank terms in the candidate list the infix suggester returns. */
  static final long NAMED_BONUS = 1_000_000L;

  /**
   * A field of the main index whose words are suggested as terms.
   *
   * @param lang the language of its texts; null for both or neither
   * @param partners whether its texts are the partners' own: only those count how many partners use
   *     a term (labels are everyone's)
   */
  public record TermField(String field, Lang lang, boolean partners) {}

  /** A partner's text of a field (its values joined as indexed), by document number. */
  @FunctionalInterface
  public interface FieldText {
    String of(int doc, String field) throws IOException;
  }

  private final EntryIndex infix;
  private final Vocabulary vocabulary;
  private long entries;
  private long nanos;
  private boolean finished;

  SuggestIndexWriter(EntryIndex infix, Vocabulary vocabulary) {
    this.infix = infix;
    this.vocabulary = vocabulary;
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

  /**
   * Adds the labels, the terms of {@code fields} in {@code main} and the glossary's terms, and commits
   * and syncs every file, so the generation may be published. Returns the number of entries.
   */
  public long finish(IndexReader main, List<TermField> fields, FieldText texts) throws IOException {
    long start = System.nanoTime();
    for (ResearchField field : vocabulary.taxonomy().fields()) {
      labels(field.id(), field.label().en(), field.label().de(), 1);
      for (ResearchArea area : field.areas()) {
        labels(area.id(), area.label().en(), area.label().de(), 2);
      }
    }
    // The glossary's terms are entries even where no partner uses them (phrases, too).
    Set<String> glossary = new HashSet<>();
    vocabulary.glossary().forEach(g -> glossary.addAll(List.of(key(g.de()), key(g.en()))));
    Set<String> added = new HashSet<>();
    new IndexTerms(main, texts).forEach(fields, term -> {
      if (glossary.contains(key(term.text()))) {
        added.add(key(term.text()));
      }
      add(term.text(), Suggestion.Kind.TERM, null, term.langs(), term.weight());
    });
    for (GlossaryEntry g : vocabulary.glossary()) {
      for (Lang lang : Lang.values()) {
        String text = lang == Lang.DE ? g.de() : g.en();
        if (added.add(key(text))) {
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

  /** How long adding partners and finishing took in all. */
  public Duration buildTime() {
    return Duration.ofNanos(nanos);
  }

  /** Discards what was written unless it was finished. */
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

  private void add(String text, Suggestion.Kind kind, String id, Set<Lang> langs, long weight) throws IOException {
    if (text != null && text.codePoints().anyMatch(Character::isLetterOrDigit)) {
      infix.add(text, kind, id, langs, weight);
      entries++;
    }
  }

  private static String key(String text) {
    return text == null ? "" : Folding.strip(text.toLowerCase(Locale.ROOT));
  }
}
