package nl.kamervragen.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import nl.kamervragen.person.NameCensus;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.util.CoderUtils;

/** Encodes a census of names, name by name in name order (so deterministically). */
final class NameCensusCoder extends AtomicCoder<NameCensus> {

  private static final NameCensusCoder INSTANCE = new NameCensusCoder();
  private static final StringUtf8Coder TEXT = StringUtf8Coder.of();
  private static final ListCoder<String> TEXTS = ListCoder.of(TEXT);
  private static final VarIntCoder INT = VarIntCoder.of();

  static NameCensusCoder of() {
    return INSTANCE;
  }

  /** A census as the bytes {@link RemoveDuplicates#NAMES} carries; {@link #fromBytes} reads them. */
  static byte[] toBytes(NameCensus census) {
    try {
      return CoderUtils.encodeToByteArray(INSTANCE, census);
    } catch (CoderException e) {
      throw new UncheckedIOException("a census of names could not be encoded", e);
    }
  }

  static NameCensus fromBytes(byte[] bytes) {
    try {
      return CoderUtils.decodeFromByteArray(INSTANCE, bytes);
    } catch (CoderException e) {
      throw new UncheckedIOException("a census of names is damaged", e);
    }
  }

  @Override
  public void encode(NameCensus census, OutputStream out) throws IOException {
    INT.encode(census.names().size(), out);
    for (Map.Entry<String, NameCensus.Seen> name : census.names().entrySet()) {
      TEXT.encode(name.getKey(), out);
      TEXTS.encode(List.copyOf(name.getValue().parties()), out);
      INT.encode(name.getValue().firstYear(), out);
      INT.encode(name.getValue().lastYear(), out);
    }
  }

  @Override
  public NameCensus decode(InputStream in) throws IOException {
    NameCensus census = new NameCensus();
    for (int n = INT.decode(in); n > 0; n--) {
      // Arguments are evaluated left to right: the order encode wrote them in.
      census.add(TEXT.decode(in), TEXTS.decode(in), INT.decode(in), INT.decode(in));
    }
    return census;
  }

  @Override
  public void verifyDeterministic() {}
}
