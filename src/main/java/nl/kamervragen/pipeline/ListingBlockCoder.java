package nl.kamervragen.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import nl.kamervragen.input.ListingFile;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.VarIntCoder;

/** Encodes a block of the run's listing as it is: its entry count and its encoded entries. */
final class ListingBlockCoder extends AtomicCoder<ListingFile.Block> {

  private static final ListingBlockCoder INSTANCE = new ListingBlockCoder();
  private static final VarIntCoder COUNT = VarIntCoder.of();
  private static final ByteArrayCoder DATA = ByteArrayCoder.of();

  static ListingBlockCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(ListingFile.Block block, OutputStream out) throws IOException {
    COUNT.encode(block.entries(), out);
    DATA.encode(block.data(), out);
  }

  @Override
  public ListingFile.Block decode(InputStream in) throws IOException {
    return new ListingFile.Block(COUNT.decode(in), DATA.decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
