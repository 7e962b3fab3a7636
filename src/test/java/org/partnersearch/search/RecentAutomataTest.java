package org.partnersearch.search;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The automata cache shares a word's automaton and stays within its bytes, whatever is typed. */
class RecentAutomataTest {
  @Test
  void aWordIsBuiltOnceWhileItIsRecent() {
    RecentAutomata recent = new RecentAutomata();
    assertSame(recent.get("kernteknik", 2), recent.get("kernteknik", 2));
  }

  @Test
  void aFloodOfLongWordsStaysWithinTheBound() {
    RecentAutomata recent = new RecentAutomata();
    for (int i = 0; i < 60; i++) {
      recent.get(
          "forschungszentrumsbeschleuniger" + (char) ('a' + i % 26) + (char) ('a' + i / 26), 2);
    }
    assertTrue(
        recent.bytes() > 0 && recent.bytes() <= RecentAutomata.MAX_BYTES,
        recent.bytes() + " bytes");
  }
}
