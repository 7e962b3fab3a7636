package org.partnersearch.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.SortedSetDocValues;
import org.partnersearch.corpus.Lang;

/**
 * An entry as a lookup found it ({@link EntryIndex#createResults}): its text as marked for the
 * typed words, its contexts and weight. Its partner or area id is read when first asked for:
 * reading the ids was a seventh of a suggest at 100,000 partners (JFR), and most hits never reach
 * the list.
 */
final class Hit {
  final Marked marked;
  final Suggestion.Kind kind;
  final Lang lang; // null: both languages, or neither
  final long weight;
  private final SortedSetDocValues contexts;
  private final long idOrd; // -1: none
  private String id;

  Hit(
      Marked marked,
      Suggestion.Kind kind,
      Lang lang,
      long weight,
      SortedSetDocValues contexts,
      long idOrd) {
    this.marked = marked;
    this.kind = kind;
    this.lang = lang;
    this.weight = weight;
    this.contexts = contexts;
    this.idOrd = idOrd;
  }

  /** The partner or area id; null for a term. */
  String id() {
    if (id == null && idOrd >= 0) {
      try {
        id = contexts.lookupOrd(idOrd).utf8ToString().substring(EntryIndex.ID_CONTEXT.length());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return id;
  }
}
