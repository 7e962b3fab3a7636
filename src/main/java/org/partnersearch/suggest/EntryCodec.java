package org.partnersearch.suggest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.partnersearch.corpus.Lang;

/**
 * A {@link SuggestEntry} as the payload of its document in the infix index: written once when the
 * generation is built, read back for each candidate of a lookup, so no entry is held in memory.
 * The words are stored analysed (offsets, folding alignment, compound parts): analysing 256
 * candidates per keystroke again would cost milliseconds. The key is derived from the words.
 */
final class EntryCodec {
  private static final Suggestion.Kind[] KINDS = Suggestion.Kind.values();
  private static final Lang[] LANGS = Lang.values();
  /** How a word's folded chars map to its original ones ({@link Word#ends()}). */
  private static final byte UNALIGNED = 0;
  private static final byte STEPS = 1;
  private static final byte ONE_TO_ONE = 2;

  private EntryCodec() {}

  static BytesRef encode(SuggestEntry entry) throws IOException {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    out.writeString(entry.text());
    out.writeByte((byte) entry.kind().ordinal());
    out.writeString(entry.id() == null ? "" : entry.id());
    out.writeByte((byte) (entry.lang() == null ? 0 : entry.lang().ordinal() + 1));
    out.writeVLong(entry.weight());
    out.writeVInt(entry.words().size());
    for (Word w : entry.words()) {
      writeWord(out, w);
    }
    return new BytesRef(out.toArrayCopy());
  }

  private static void writeWord(ByteBuffersDataOutput out, Word w) throws IOException {
    out.writeVInt(w.position());
    out.writeByte((byte) (w.joined() ? 1 : 0));
    out.writeVInt(w.start());
    out.writeVInt(w.end() - w.start());
    out.writeString(w.folded());
    // Most words fold char for char (ends 1, 2, 3, …): one byte says so. Other ends are stored as steps.
    byte alignment = alignment(w.ends());
    out.writeByte(alignment);
    if (alignment == STEPS) {
      int previous = 0;
      for (int end : w.ends()) {
        out.writeVInt(end - previous);
        previous = end;
      }
    }
    out.writeVInt(w.parts().size());
    for (Word.Part p : w.parts()) {
      out.writeString(p.folded());
      out.writeVInt(p.foldedStart());
      out.writeVInt(p.start());
    }
  }

  private static byte alignment(int[] ends) {
    if (ends == null) {
      return UNALIGNED;
    }
    for (int k = 0; k < ends.length; k++) {
      if (ends[k] != k + 1) {
        return STEPS;
      }
    }
    return ONE_TO_ONE;
  }

  static SuggestEntry decode(BytesRef payload) throws IOException {
    ByteArrayDataInput in = new ByteArrayDataInput(payload.bytes, payload.offset, payload.length);
    String text = in.readString();
    Suggestion.Kind kind = KINDS[in.readByte()];
    String id = in.readString();
    int lang = in.readByte();
    long weight = in.readVLong();
    int count = in.readVInt();
    List<Word> words = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      words.add(readWord(in));
    }
    return new SuggestEntry(text, kind, id.isEmpty() ? null : id, lang == 0 ? null : LANGS[lang - 1], weight,
        Collections.unmodifiableList(words), SuggestEntries.key(words));
  }

  private static Word readWord(ByteArrayDataInput in) throws IOException {
    int position = in.readVInt();
    boolean joined = in.readByte() == 1;
    int start = in.readVInt();
    int end = start + in.readVInt();
    String folded = in.readString();
    byte alignment = in.readByte();
    int[] ends = alignment == UNALIGNED ? null : new int[folded.length()];
    int previous = 0;
    for (int k = 0; ends != null && k < ends.length; k++) {
      previous += alignment == ONE_TO_ONE ? 1 : in.readVInt();
      ends[k] = previous;
    }
    int partCount = in.readVInt();
    if (partCount == 0) {
      return new Word(position, joined, start, end, folded, ends, List.of());
    }
    List<Word.Part> parts = new ArrayList<>(partCount);
    for (int i = 0; i < partCount; i++) {
      parts.add(new Word.Part(in.readString(), in.readVInt(), in.readVInt()));
    }
    return new Word(position, joined, start, end, folded, ends, Collections.unmodifiableList(parts));
  }
}
