package nl.kamervragen.pipeline;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import nl.kamervragen.input.EntryKind;
import nl.kamervragen.input.ListedEntry;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** Encodes a {@link ListedEntry} field by field with Beam's own coders (compact, deterministic). */
final class ListedEntryCoder extends AtomicCoder<ListedEntry> {

  private static final ListedEntryCoder INSTANCE = new ListedEntryCoder();
  private static final StringUtf8Coder TEXT = StringUtf8Coder.of();
  private static final NullableCoder<String> OPTIONAL_TEXT = NullableCoder.of(StringUtf8Coder.of());
  private static final NullableCoder<Long> OPTIONAL_NUMBER = NullableCoder.of(VarLongCoder.of());

  static ListedEntryCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(ListedEntry entry, OutputStream out) throws IOException {
    TEXT.encode(entry.name(), out);
    OPTIONAL_TEXT.encode(entry.location(), out);
    out.write(entry.kind().ordinal());
    OPTIONAL_NUMBER.encode(entry.size(), out);
    OPTIONAL_NUMBER.encode(entry.modifiedNanos(), out);
    OPTIONAL_TEXT.encode(entry.fileKey(), out);
    OPTIONAL_TEXT.encode(entry.linkTarget(), out);
    OPTIONAL_TEXT.encode(entry.rejection(), out);
  }

  @Override
  public ListedEntry decode(InputStream in) throws IOException {
    String name = TEXT.decode(in);
    String location = OPTIONAL_TEXT.decode(in);
    int kind = in.read();
    if (kind < 0) {
      throw new EOFException("a listed entry ends before its kind");
    }
    return new ListedEntry(name, location, EntryKind.values()[kind], OPTIONAL_NUMBER.decode(in), OPTIONAL_NUMBER.decode(in),
        OPTIONAL_TEXT.decode(in), OPTIONAL_TEXT.decode(in), OPTIONAL_TEXT.decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
