package org.partnersearch.suggest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
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
 * Writes the suggester of a generation while it is built: {@link #add(Partner)} as each partner
 * streams into the index, {@link #splitBy} once the index is written, {@link #term} for each of its
 * words, then {@link #finish} (labels and glossary). Closing it unfinished discards what was
 * written.
 */
public final class SuggestIndexWriter implements Closeable {
  /** Partners and areas outrank terms in the candidate list the infix suggester returns. */
  static final long NAMED_BONUS = 1_000_000L;

  /**
   * Stop words and numbers are terms too (a prefix of any corpus word gets a suggestion), but last.
   */
  private static final long UNIMPORTANT = 0;

  /** The partners' entries until the index is written, whose words split their compounds. */
  private static final String HELD = "partners.held";

  private final IOFunction<IndexReader, EntryIndex> opener;
  private final Path held;
  private final Vocabulary vocabulary;
  private DataOutputStream holding;
  private EntryIndex infix;

  /** The folded glossary terms that are not yet entries as words of the index. */
  private final Set<String> glossaryLeft = new HashSet<>();

  private long entries;
  private long heldEntries;
  private long nanos;
  private long termsStart;
  private boolean finished;

  /**
   * @param opener opens the infix index whose entries are split by the words of a written index
   * @param folder where the partners' entries are held until then
   */
  SuggestIndexWriter(IOFunction<IndexReader, EntryIndex> opener, Path folder, Vocabulary vocabulary)
      throws IOException {
    this.opener = opener;
    this.held = folder.resolve(HELD);
    this.holding = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(held)));
    this.vocabulary = vocabulary;
    vocabulary
        .glossary()
        .forEach(
            g ->
                glossaryLeft.addAll(
                    Stream.of(g.de(), g.en()).map(SuggestIndexWriter::key).toList()));
  }

  /** Adds the partner's names and aliases as entries (held until {@link #splitBy}). */
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
   * From now on, entries are split by the words of the written {@code index} (open until {@link
   * #finish}), as the searcher splits typed words: the partners' entries held so far are added.
   */
  public void splitBy(IndexReader index) throws IOException {
    long start = System.nanoTime();
    holding.close();
    holding = null;
    infix = opener.apply(index);
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(held)))) {
      for (long n = heldEntries; n > 0; n--) {
        String text = read(in);
        Suggestion.Kind kind = Suggestion.Kind.values()[in.readByte()];
        String id = read(in);
        Set<Lang> langs = in.readBoolean() ? EnumSet.of(Lang.values()[in.readByte()]) : Set.of();
        add(text, kind, id.isEmpty() ? null : id, langs, in.readLong());
      }
    }
    Files.delete(held);
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
    if (infix == null) {
      throw new IllegalStateException("the entries are split by a written index: splitBy first");
    }
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
      IOUtils.close(holding, infix, () -> Files.deleteIfExists(held));
    }
  }

  private void labels(String id, String en, String de, long weight) throws IOException {
    add(en, Suggestion.Kind.AREA, id, EnumSet.of(Lang.EN), NAMED_BONUS + weight);
    add(de, Suggestion.Kind.AREA, id, EnumSet.of(Lang.DE), NAMED_BONUS + weight);
  }

  private void add(String text, Suggestion.Kind kind, String id, Set<Lang> langs, long weight)
      throws IOException {
    if (text != null && text.codePoints().anyMatch(Character::isLetterOrDigit)) {
      if (infix == null) {
        hold(text, kind, id, langs, weight);
      } else {
        infix.add(text, kind, id, langs, weight);
        entries++;
      }
    }
  }

  private void hold(String text, Suggestion.Kind kind, String id, Set<Lang> langs, long weight)
      throws IOException {
    write(text);
    holding.writeByte(kind.ordinal());
    write(id == null ? "" : id);
    holding.writeBoolean(langs.size() == 1);
    if (langs.size() == 1) {
      holding.writeByte(langs.iterator().next().ordinal());
    }
    holding.writeLong(weight);
    heldEntries++;
  }

  /** Not writeUTF: a name may be longer than its 64 KB. */
  private void write(String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    holding.writeInt(bytes.length);
    holding.write(bytes);
  }

  private static String read(DataInputStream in) throws IOException {
    return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
  }

  private static String key(String text) {
    return text == null ? "" : Folding.strip(text.toLowerCase(Locale.ROOT));
  }
}
