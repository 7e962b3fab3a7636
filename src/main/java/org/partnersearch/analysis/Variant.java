package org.partnersearch.analysis;

/**
 * The forms of a word the index stacks at its position, each marked by the first character of the
 * term so that one field holds them all and the query can weight, and explain name, each one. Words
 * are runs of letters and digits, so no word starts with a mark.
 */
public enum Variant {
  /** The word lower-cased, as written: no mark. */
  EXACT(""),
  /** Umlauts and ß transliterated ("juelich") or stripped ("julich"), where that differs. */
  FOLDED("^"),
  /** The light stem of the transliterated word ("beschleunig"), where that differs. */
  STEM("~"),
  /** The head (last part) of a compound, stemmed, with the part's own offsets ("+forschung"). */
  PART("+"),
  /**
   * A part before a compound's head, stemmed, with its own offsets ("<endlager"): it only qualifies
   * the head.
   */
  MODIFIER("<");

  private final String mark;

  Variant(String mark) {
    this.mark = mark;
  }

  /** The term of {@code form} as this variant: its mark, then the form. */
  public String term(String form) {
    return mark + form;
  }

  /** Which variant an indexed term is, read from its first character. */
  public static Variant of(String term) {
    if (!term.isEmpty()) {
      for (Variant v : values()) {
        if (!v.mark.isEmpty() && term.charAt(0) == v.mark.charAt(0)) {
          return v;
        }
      }
    }
    return EXACT;
  }

  /** Whether this is a part of a compound, head or modifier. */
  public boolean isPart() {
    return this == PART || this == MODIFIER;
  }

  /** The token type the analysis gives a form of this variant before it is marked. */
  String type() {
    return name();
  }
}
