package nl.kamervragen.pipeline;

import nl.kamervragen.person.PersonKeys;
import nl.kamervragen.stats.StatsDocument;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Gives the submitters and answerers of each kept set the archive's person keys
 * ({@link ResolvePersonKeys}): a surname the archive joins to a full name is counted with that
 * person. Sets whose names join no one pass unchanged.
 */
public final class ApplyPersonKeys extends PTransform<PCollection<StatsDocument>, PCollection<StatsDocument>> {

  private final PCollectionView<PersonKeys> personKeys;

  public ApplyPersonKeys(PCollectionView<PersonKeys> personKeys) {
    this.personKeys = personKeys;
  }

  @Override
  public PCollection<StatsDocument> expand(PCollection<StatsDocument> documents) {
    return documents
        .apply("Key people", ParDo.of(new KeyPeopleFn(personKeys)).withSideInputs(personKeys))
        .setCoder(StatsDocumentCoder.of());
  }

  private static final class KeyPeopleFn extends DoFn<StatsDocument, StatsDocument> {
    private final PCollectionView<PersonKeys> personKeys;

    KeyPeopleFn(PCollectionView<PersonKeys> personKeys) {
      this.personKeys = personKeys;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      PersonKeys keys = context.sideInput(personKeys);
      StatsDocument document = context.element();
      context.output(document.joinedBy(keys) ? document.withPersonKeys(keys) : document);
    }
  }
}
