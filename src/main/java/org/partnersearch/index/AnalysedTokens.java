package org.partnersearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PayloadAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;

/**
 * The tokens of one field, analysed ahead on another thread and replayed to the index writer as the
 * analyzer gave them: term, position increment and offsets, and the final offset and increment that
 * the writer reads after the last token. These are all the attributes Lucene's indexing chain reads
 * from a stream without payloads or term frequencies, which our chains never set (checked).
 */
final class AnalysedTokens extends TokenStream {
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);

  private char[] chars = new char[256];
  private int charCount;
  private int count;

  /** Per token: where its term ends in {@link #chars}, its increment and offsets. */
  private int[] termEnds = new int[32];

  private int[] posIncs = new int[32];
  private int[] startOffsets = new int[32];
  private int[] endOffsets = new int[32];
  private int finalPosInc;
  private int finalOffset;

  private int next;
  private int termStart;

  private AnalysedTokens() {}

  /**
   * {@code doc} with every analysed field's text replaced by its tokens, analysed here in the
   * fields' order (a field whose stream reads what earlier fields' streams collected, as {@link
   * SpellingWords}', sees it as the writer would).
   */
  static Document analyse(Document doc, Analyzer analyzer) {
    Document analysed = new Document();
    for (IndexableField field : doc) {
      boolean inverted =
          field.fieldType().indexOptions() != IndexOptions.NONE && field.fieldType().tokenized();
      analysed.add(
          inverted ? new Field(field.name(), capture(field, analyzer), field.fieldType()) : field);
    }
    return analysed;
  }

  private static AnalysedTokens capture(IndexableField field, Analyzer analyzer) {
    AnalysedTokens tokens = new AnalysedTokens();
    try (TokenStream stream = field.tokenStream(analyzer, null)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute posInc = stream.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      TermFrequencyAttribute termFreq = stream.getAttribute(TermFrequencyAttribute.class);
      PayloadAttribute payload = stream.getAttribute(PayloadAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if ((termFreq != null && termFreq.getTermFrequency() != 1)
            || (payload != null && payload.getPayload() != null)) {
          throw new IllegalStateException(
              field.name() + ": a chain set payloads or term frequencies, which are not replayed");
        }
        tokens.add(term, posInc.getPositionIncrement(), offset);
      }
      stream.end();
      tokens.finalPosInc = posInc.getPositionIncrement();
      tokens.finalOffset = offset.endOffset();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }

  private void add(CharTermAttribute term, int posInc, OffsetAttribute offset) {
    if (count == termEnds.length) {
      int grown = count * 2;
      termEnds = Arrays.copyOf(termEnds, grown);
      posIncs = Arrays.copyOf(posIncs, grown);
      startOffsets = Arrays.copyOf(startOffsets, grown);
      endOffsets = Arrays.copyOf(endOffsets, grown);
    }
    if (charCount + term.length() > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charCount + term.length()));
    }
    System.arraycopy(term.buffer(), 0, chars, charCount, term.length());
    charCount += term.length();
    termEnds[count] = charCount;
    posIncs[count] = posInc;
    startOffsets[count] = offset.startOffset();
    endOffsets[count] = offset.endOffset();
    count++;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    next = 0;
    termStart = 0;
  }

  @Override
  public boolean incrementToken() {
    if (next == count) {
      return false;
    }
    clearAttributes();
    termAtt.copyBuffer(chars, termStart, termEnds[next] - termStart);
    posIncAtt.setPositionIncrement(posIncs[next]);
    offsetAtt.setOffset(startOffsets[next], endOffsets[next]);
    termStart = termEnds[next];
    next++;
    return true;
  }

  @Override
  public void end() throws IOException {
    super.end();
    posIncAtt.setPositionIncrement(finalPosInc);
    offsetAtt.setOffset(finalOffset, finalOffset);
  }
}
