package org.partnersearch.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.SortedSetDocValues;
import org.partnersearch.corpus.Lang;

/**
 * An entry as a lookup found it ({@link EntryIndex#createResults}): its text and the typed words it
 * matched ({@link Marked}), its contexts and weight. Its partner or area id is read only when asked
 * for: reading every hit's id was a seventh of a suggest at 100,000 partners (JFR), and most hits
 * never reach the list. The {@code contexts} stay readable while the suggester is open: its index
 * never changes once written, and a suggest runs on an acquired snapshot.
 *
 * @param lang null: both languages, or neither
 * @param idOrd the ord of its id among the {@code contexts} of its segment; -1: none
 */
record Hit(
    Marked marked,
    Suggestion.Kind kind,
    Lang lang,
    long weight,
    SortedSetDocValues contexts,
    long idOrd) {

  /** The partner or area id; null for a term. */
  String id() {
    try {
      return idOrd < 0
          ? null
          : contexts.lookupOrd(idOrd).utf8ToString().substring(EntryIndex.ID_CONTEXT.length());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
