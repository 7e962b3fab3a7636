package org.partnersearch.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Keeps every token and, after a German compound, adds its dictionary parts at the same position
 * (position increment 0) with their own offsets in the original text, so that a search for
 * "forschung" highlights only "forschung" inside "Endlagerforschung".
 *
 * <p>Expects lower-cased tokens. Tokens spanning several positions (a hyphenated word and its
 * catenation after {@code WordDelimiterGraphFilter}) are not split: their pieces are already tokens
 * of their own.
 *
 * <p>NOTE: Lucene's own compound filters give parts the whole word's offsets, which keeps the token
 * graph's offsets consistent (all tokens leaving a position start at the same offset). We trade
 * that invariant for exact highlighting; offsets still never go backwards, which is all the index
 * requires. Where a char filter changed the token's length, the exact offsets are unknown and parts
 * fall back to the whole word's offsets, as Lucene's do.
 */
public final class DecompoundFilter extends TokenFilter {

  /**
   * Token type of an added part that is the compound's head (its last part), e.g. for a suggester
   * that should offer only whole words.
   */
  public static final String PART_TYPE = "compound_part";

  /**
   * Token type of an added part before the head: it modifies the head ("Endlager" in
   * "Endlagerforschung").
   */
  public static final String MODIFIER_TYPE = "compound_modifier";

  private final Function<String, List<GermanDecompounder.Part>> parts;
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute posLenAtt = addAttribute(PositionLengthAttribute.class);
  private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);

  private final Deque<GermanDecompounder.Part> pending = new ArrayDeque<>();
  private State compound;
  private int compoundStart;
  private int compoundEnd;
  private String compoundWord;
  private boolean exactOffsets;

  /** Adds the parts that {@code decompounder} finds to the tokens of {@code input}. */
  public DecompoundFilter(TokenStream input, GermanDecompounder decompounder) {
    this(input, decompounder::split);
  }

  /**
   * Adds the parts that {@code parts} finds in a word, e.g. also corpus words ({@link
   * CompoundSplitter#parts}).
   */
  DecompoundFilter(TokenStream input, Function<String, List<GermanDecompounder.Part>> parts) {
    super(input);
    this.parts = parts;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!pending.isEmpty()) {
      emitPart(pending.removeFirst());
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    if (posLenAtt.getPositionLength() == 1) {
      pending.addAll(parts.apply(termAtt.toString()));
      if (!pending.isEmpty()) {
        rememberCompound();
      }
    }
    return true;
  }

  private void rememberCompound() {
    compound = captureState();
    compoundStart = offsetAtt.startOffset();
    compoundEnd = offsetAtt.endOffset();
    compoundWord = termAtt.toString();
    exactOffsets = compoundEnd - compoundStart == termAtt.length();
  }

  private void emitPart(GermanDecompounder.Part part) {
    restoreState(compound);
    termAtt.setEmpty().append(part.text());
    posIncAtt.setPositionIncrement(0);
    typeAtt.setType(part.isHeadOf(compoundWord) ? PART_TYPE : MODIFIER_TYPE);
    if (exactOffsets) {
      offsetAtt.setOffset(compoundStart + part.start(), compoundStart + part.end());
    }
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending.clear();
    compound = null;
  }
}
