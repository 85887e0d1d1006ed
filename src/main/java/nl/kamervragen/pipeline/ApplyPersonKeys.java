package nl.kamervragen.pipeline;

import java.io.IOException;
import nl.kamervragen.person.PersonKeys;
import nl.kamervragen.stats.StatsDocument;
import nl.kamervragen.stats.StatsDocumentEncoding;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Takes apart the statistics batches of the buckets ({@link RemoveDuplicates#STATISTICS}) and
 * gives the submitters and answerers of each kept set the archive's person keys ({@link
 * ResolvePersonKeys}): a surname the archive joins to a full name is counted with that person. Sets
 * whose names join no one pass unchanged.
 *
 * <p>The batches are taken apart here, not before: this step reads a side input, so Flink does not
 * chain it to the duplicates step, and what crosses between them is then one array per bucket instead
 * of every document encoded and decoded once more.
 */
public final class ApplyPersonKeys extends PTransform<PCollection<byte[]>, PCollection<StatsDocument>> {

  private final PCollectionView<PersonKeys> personKeys;

  public ApplyPersonKeys(PCollectionView<PersonKeys> personKeys) {
    this.personKeys = personKeys;
  }

  @Override
  public PCollection<StatsDocument> expand(PCollection<byte[]> batches) {
    return batches
        .apply("Key people", ParDo.of(new KeyPeopleFn(personKeys)).withSideInputs(personKeys))
        .setCoder(StatsDocumentCoder.of());
  }

  private static final class KeyPeopleFn extends DoFn<byte[], StatsDocument> {
    private final PCollectionView<PersonKeys> personKeys;

    KeyPeopleFn(PCollectionView<PersonKeys> personKeys) {
      this.personKeys = personKeys;
    }

    @ProcessElement
    public void process(ProcessContext context) throws IOException {
      PersonKeys keys = context.sideInput(personKeys);
      StatsDocumentEncoding.forEachIn(context.element(),
          document -> context.output(document.joinedBy(keys) ? document.withPersonKeys(keys) : document));
    }
  }
}
