package nl.kamervragen.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import nl.kamervragen.stats.StatsDocument;
import nl.kamervragen.stats.StatsDocumentEncoding;
import nl.kamervragen.stats.StatsEncoding;
import org.apache.beam.sdk.coders.AtomicCoder;

/** Encodes what the statistics need of one document in its compact form ({@link StatsDocumentEncoding}), each on its own. */
final class StatsDocumentCoder extends AtomicCoder<StatsDocument> {

  private static final StatsDocumentCoder INSTANCE = new StatsDocumentCoder();

  static StatsDocumentCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(StatsDocument doc, OutputStream out) throws IOException {
    StatsDocumentEncoding.write(new StatsEncoding.Writer(out), doc);
  }

  @Override
  public StatsDocument decode(InputStream in) throws IOException {
    return StatsDocumentEncoding.read(new StatsEncoding.Reader(in));
  }

  @Override
  public void verifyDeterministic() {}
}
