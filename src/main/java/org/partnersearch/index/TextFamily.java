package org.partnersearch.index;

import java.util.List;
import org.partnersearch.analysis.Chain;

/**
 * One text indexed four ways under four field names: {@code base} with the language chain (stems,
 * transliterated umlauts; stored for display), {@code parts} the same with the parts of compounds
 * added, {@code exact} lower-cased only, and {@code folded} with umlauts stripped. Separate fields
 * let a whole word outrank a compound part, and all carry offsets, so the highlighter marks a match
 * of any of them in the stored base text.
 */
public record TextFamily(String base, Chain baseChain) {
  public String exact() {
    return base + "_exact";
  }

  public String folded() {
    return base + "_folded";
  }

  public String parts() {
    return base + "_parts";
  }

  public List<String> fields() {
    return List.of(base, exact(), folded(), parts());
  }

  public Chain chainOf(String field) {
    if (field.equals(exact())) {
      return Chain.EXACT;
    }
    return field.equals(folded()) ? Chain.FOLDED : baseChain;
  }
}
