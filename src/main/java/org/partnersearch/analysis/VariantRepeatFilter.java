package org.partnersearch.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Emits each lower-cased word as its {@link Variant}s at one position, typed by variant: the exact
 * word, its transliterated and stripped spellings where they differ, and the transliterated word
 * again to be stemmed by the stemmer that follows (the others are keywords it leaves alone). A
 * compound part (from {@link DecompoundFilter}) becomes a {@link Variant#PART} or {@link
 * Variant#MODIFIER}, transliterated and, where different, stripped, to be stemmed too. Lucene's
 * {@code KeywordRepeatFilter} trick, with the foldings of {@link Folding}.
 */
final class VariantRepeatFilter extends TokenFilter {
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);
  private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);

  private record Copy(String text, Variant variant) {}

  private final Deque<Copy> pending = new ArrayDeque<>();
  private State word;

  VariantRepeatFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!pending.isEmpty()) {
      Copy copy = pending.removeFirst();
      restoreState(word);
      termAtt.setEmpty().append(copy.text());
      posIncAtt.setPositionIncrement(0);
      set(copy.variant());
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    String exact = termAtt.toString();
    String transliterated = Folding.transliterate(exact);
    word = captureState();
    Variant part = partVariant(typeAtt.type());
    if (part != null) {
      // A part typed without umlaut keys ("gebaude" in "Bürogebäude") must meet its stripped
      // spelling.
      String stripped = Folding.strip(exact);
      if (!stripped.equals(transliterated)) {
        pending.add(new Copy(stripped, part));
      }
      termAtt.setEmpty().append(transliterated);
      set(part);
      return true;
    }
    if (!transliterated.equals(exact)) {
      pending.add(new Copy(transliterated, Variant.FOLDED));
    }
    String stripped = Folding.strip(exact);
    if (!stripped.equals(exact) && !stripped.equals(transliterated)) {
      pending.add(new Copy(stripped, Variant.FOLDED));
    }
    pending.add(new Copy(transliterated, Variant.STEM));
    set(Variant.EXACT);
    return true;
  }

  /** Only stems and parts are stemmed. */
  private void set(Variant variant) {
    typeAtt.setType(variant.type());
    keywordAtt.setKeyword(variant != Variant.STEM && !variant.isPart());
  }

  /** The variant of a compound part from {@link DecompoundFilter}, or null for a whole word. */
  private static Variant partVariant(String type) {
    return switch (type) {
      case DecompoundFilter.PART_TYPE -> Variant.PART;
      case DecompoundFilter.MODIFIER_TYPE -> Variant.MODIFIER;
      default -> null;
    };
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending.clear();
    word = null;
  }
}
