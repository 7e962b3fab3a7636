package org.partnersearch.search;

import static org.partnersearch.index.IndexSchema.ALIASES;
import static org.partnersearch.index.IndexSchema.AREAS_DE;
import static org.partnersearch.index.IndexSchema.AREAS_EN;
import static org.partnersearch.index.IndexSchema.DESCRIPTION_DE;
import static org.partnersearch.index.IndexSchema.DESCRIPTION_EN;
import static org.partnersearch.index.IndexSchema.NAME;
import static org.partnersearch.index.IndexSchema.NAME_EN;
import static org.partnersearch.index.IndexSchema.PEOPLE;
import static org.partnersearch.index.IndexSchema.TYPE_LABELS;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much a match in each field counts, and how much each kind of match counts. The order is the
 * product's promise: names and aliases above research areas above descriptions; exact spellings
 * above stems above umlaut-stripped spellings; whole words above compound parts above glossary
 * synonyms above typos.
 */
final class FieldWeights {
  /** A query word split into its compound parts, all of which must match. */
  static final float COMPOUND_PARTS = 0.6f;
  /** A German–English glossary synonym of the query word. */
  static final float SYNONYM = 0.5f;
  /** A near spelling of the query word. */
  static final float TYPO = 0.25f;
  /** Within one query word, a little credit for matching in more than the best field. */
  static final float TIE_BREAKER = 0.1f;

  static final Map<String, Float> FIELDS = fields();

  private FieldWeights() {}

  private static Map<String, Float> fields() {
    Map<String, Float> w = new LinkedHashMap<>();
    w.put(NAME.exact(), 10f);
    w.put(NAME_EN.exact(), 10f);
    w.put(ALIASES.exact(), 10f);
    w.put(NAME.base(), 7f);
    w.put(NAME_EN.base(), 7f);
    w.put(ALIASES.base(), 7f);
    w.put(AREAS_DE, 4.5f);
    w.put(AREAS_EN, 4.5f);
    w.put(TYPE_LABELS, 4.5f);
    w.put(NAME.folded(), 4f);
    w.put(NAME_EN.folded(), 4f);
    w.put(ALIASES.folded(), 4f);
    w.put(NAME.parts(), 3.5f);
    w.put(NAME_EN.parts(), 3.5f);
    w.put(ALIASES.parts(), 3.5f);
    w.put(DESCRIPTION_DE.exact(), 2.5f);
    w.put(DESCRIPTION_EN.exact(), 2.5f);
    w.put(PEOPLE, 2f);
    w.put(DESCRIPTION_DE.base(), 2f);
    w.put(DESCRIPTION_EN.base(), 2f);
    w.put(DESCRIPTION_DE.parts(), 1.2f);
    w.put(DESCRIPTION_EN.parts(), 1.2f);
    w.put(DESCRIPTION_DE.folded(), 1f);
    w.put(DESCRIPTION_EN.folded(), 1f);
    return Map.copyOf(w);
  }
}
