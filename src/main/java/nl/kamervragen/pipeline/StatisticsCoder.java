package nl.kamervragen.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import nl.kamervragen.core.Statistics;
import org.apache.beam.sdk.coders.AtomicCoder;

/**
 * Encodes partial statistics, the accumulators of {@link ComputeStatistics}, in their compact form
 * ({@code StatsEncoding}). A partial of 6,250 synthetic documents is 0.70 MB, where Java
 * serialization wrote 4.2 MB (with sparse histograms) and took twice as long.
 */
final class StatisticsCoder extends AtomicCoder<Statistics> {

  private static final StatisticsCoder INSTANCE = new StatisticsCoder();

  static StatisticsCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Statistics statistics, OutputStream out) throws IOException {
    statistics.writeTo(out);
  }

  @Override
  public Statistics decode(InputStream in) throws IOException {
    return Statistics.readFrom(in);
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(this, "hash maps are written in their iteration order");
  }
}
