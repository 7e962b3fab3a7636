package org.partnersearch.analysis;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The last index-time step: prefixes each variant's term with its {@link Variant} mark, and drops a
 * stem that equals the word or one of its foldings at the same position (the query looks for a stem
 * among those too), so that only the variants that differ cost postings.
 */
final class VariantMarkFilter extends TokenFilter {
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);
  private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
  private final Set<String> atPosition = new HashSet<>();

  VariantMarkFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (input.incrementToken()) {
      if (posIncAtt.getPositionIncrement() > 0) {
        atPosition.clear();
      }
      Variant variant = Variant.valueOf(typeAtt.type());
      String form = termAtt.toString();
      if (variant == Variant.STEM && atPosition.contains(form)) {
        continue; // its copies have position increment 0, so nothing shifts
      }
      if (!variant.isPart()) {
        atPosition.add(form);
      }
      if (variant != Variant.EXACT) {
        termAtt.setEmpty().append(variant.term(form));
      }
      return true;
    }
    return false;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    atPosition.clear();
  }
}
