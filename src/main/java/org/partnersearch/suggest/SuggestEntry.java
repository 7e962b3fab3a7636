package org.partnersearch.suggest;

import java.util.List;
import org.partnersearch.corpus.Lang;

/**
 * One thing that can be suggested: a partner's name or alias, an area or field label, or a term of
 * the corpus, with its words analysed once when the suggester is built.
 *
 * @param lang the language of the text, or null when it is both or neither (aliases, acronyms)
 * @param weight how prominent it is among entries of its kind (terms: how many partners use it)
 * @param key the folded words joined by spaces: entries with equal keys differ only by case or folding
 */
record SuggestEntry(String text, Suggestion.Kind kind, String id, Lang lang, long weight, List<Word> words, String key) {

  /** The single (not joined) word at {@code position}, or null. */
  Word wordAt(int position) {
    for (Word w : words) {
      if (!w.joined() && w.position() == position) {
        return w;
      }
    }
    return null;
  }
}
