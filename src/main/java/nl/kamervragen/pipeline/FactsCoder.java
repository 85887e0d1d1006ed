package nl.kamervragen.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import nl.kamervragen.core.RunChanges;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/** Encodes what comparing with the previous run needs of one question set, field by field. */
final class FactsCoder extends AtomicCoder<RunChanges.Facts> {

  private static final FactsCoder INSTANCE = new FactsCoder();
  private static final StringUtf8Coder TEXT = StringUtf8Coder.of();
  private static final NullableCoder<String> OPTIONAL_TEXT = NullableCoder.of(TEXT);

  static FactsCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(RunChanges.Facts facts, OutputStream out) throws IOException {
    TEXT.encode(facts.id(), out);
    TEXT.encode(facts.status(), out);
    BooleanCoder.of().encode(facts.overdue(), out);
    VarIntCoder.of().encode(facts.postponements(), out);
    OPTIONAL_TEXT.encode(facts.contentSha256(), out);
  }

  @Override
  public RunChanges.Facts decode(InputStream in) throws IOException {
    return new RunChanges.Facts(TEXT.decode(in), TEXT.decode(in), BooleanCoder.of().decode(in), VarIntCoder.of().decode(in),
        OPTIONAL_TEXT.decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
