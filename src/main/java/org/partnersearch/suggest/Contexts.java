package org.partnersearch.suggest;

import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.util.BytesRef;
import org.partnersearch.corpus.Lang;

/**
 * An entry's contexts in the infix index: its kind and the languages its text is in (none: both or
 * neither, as aliases and acronyms). Lucene stores them with the entry and returns them with each hit.
 */
final class Contexts {
  private static final BytesRef[] KINDS = {bytes(Suggestion.Kind.PARTNER.name()), bytes(Suggestion.Kind.AREA.name()),
      bytes(Suggestion.Kind.TERM.name())};

  private Contexts() {}

  static Set<BytesRef> of(Suggestion.Kind kind, Set<Lang> langs) {
    Set<BytesRef> contexts = new HashSet<>();
    contexts.add(KINDS[kind.ordinal()]);
    if (langs.size() == 1) {
      contexts.add(bytes(langs.iterator().next().code()));
    }
    return contexts;
  }

  static Suggestion.Kind kind(Set<BytesRef> contexts) {
    for (Suggestion.Kind kind : Suggestion.Kind.values()) {
      if (contexts.contains(KINDS[kind.ordinal()])) {
        return kind;
      }
    }
    throw new IllegalStateException("an entry without a kind: " + contexts);
  }

  /** The one language of the entry's text, or null. */
  static Lang lang(Set<BytesRef> contexts) {
    for (Lang lang : Lang.values()) {
      if (contexts.contains(bytes(lang.code()))) {
        return lang;
      }
    }
    return null;
  }

  private static BytesRef bytes(String s) {
    return new BytesRef(s);
  }
}
