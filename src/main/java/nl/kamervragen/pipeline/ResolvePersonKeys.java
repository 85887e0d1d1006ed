package nl.kamervragen.pipeline;

import nl.kamervragen.person.NameCensus;
import nl.kamervragen.person.PersonKeys;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Combines the names of every parsed document, in censuses encoded with {@link NameCensusCoder}
 * ({@link RemoveDuplicates#NAMES}), into one census and resolves it into the archive's person keys
 * ({@link PersonKeys#resolve}), as a side input. The census of a worker's share crosses the
 * network, not the names of each document; with no documents the keys are empty.
 */
public final class ResolvePersonKeys extends PTransform<PCollection<byte[]>, PCollectionView<PersonKeys>> {

  @Override
  public PCollectionView<PersonKeys> expand(PCollection<byte[]> names) {
    return names.apply("Combine names", Combine.globally(new CensusFn()).asSingletonView());
  }

  /** Merges censuses; the output is their resolution. */
  static final class CensusFn extends Combine.CombineFn<byte[], NameCensus, PersonKeys> {
    @Override
    public NameCensus createAccumulator() {
      return new NameCensus();
    }

    @Override
    public NameCensus addInput(NameCensus accumulator, byte[] names) {
      accumulator.merge(NameCensusCoder.fromBytes(names));
      return accumulator;
    }

    @Override
    public NameCensus mergeAccumulators(Iterable<NameCensus> accumulators) {
      NameCensus merged = new NameCensus();
      accumulators.forEach(merged::merge);
      return merged;
    }

    @Override
    public PersonKeys extractOutput(NameCensus census) {
      return PersonKeys.resolve(census);
    }

    @Override
    public Coder<NameCensus> getAccumulatorCoder(CoderRegistry registry, Coder<byte[]> inputCoder) {
      return NameCensusCoder.of();
    }

    @Override
    public Coder<PersonKeys> getDefaultOutputCoder(CoderRegistry registry, Coder<byte[]> inputCoder) {
      return PersonKeysCoder.of();
    }
  }
}
