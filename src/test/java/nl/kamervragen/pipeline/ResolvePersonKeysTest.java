package nl.kamervragen.pipeline;

import java.util.List;
import java.util.Optional;
import nl.kamervragen.person.NameCensus;
import nl.kamervragen.person.PersonKeys;
import nl.kamervragen.testing.TestPipelineExtension;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The names of every document, combined across bundles into the keys staging reads as a side input. */
@ExtendWith(TestPipelineExtension.class)
class ResolvePersonKeysTest {

  /** One document's names, encoded as the duplicates step emits them. */
  private static byte[] names(String name, String party, int year) {
    NameCensus census = new NameCensus();
    census.add(name, Optional.ofNullable(party), year);
    return NameCensusCoder.toBytes(census);
  }

  /** "name = key" for each name, read through the side input. */
  private static PCollection<String> keysOf(TestPipeline pipeline, PCollectionView<PersonKeys> keys, String... names) {
    return pipeline
        .apply("Names", Create.of(List.of(names)))
        .apply("Look up", ParDo.of(new DoFn<String, String>() {
          @ProcessElement
          public void process(@Element String name, ProcessContext context) {
            context.output(name + " = " + context.sideInput(keys).keyOf(name));
          }
        }).withSideInputs(keys));
  }

  @Test
  void aSurnameSeenInOneDocumentJoinsTheFullNameSeenInAnother(TestPipeline pipeline) {
    PCollectionView<PersonKeys> keys = pipeline
        .apply("Documents' names", Create.of(names("Ernst Kuipers", "D66", 2022), names("Kuipers", null, 2022),
            names("Jasper van Dijk", "SP", 2020), names("Emiel van Dijk", "PVV", 2020), names("van Dijk", null, 2020))
            .withCoder(ByteArrayCoder.of()))
        .apply(new ResolvePersonKeys());
    PAssert.that(keysOf(pipeline, keys, "Kuipers", "Ernst Kuipers", "van Dijk"))
        .containsInAnyOrder("Kuipers = ernst-kuipers", "Ernst Kuipers = ernst-kuipers", "van Dijk = van-dijk");
    pipeline.run();
  }

  @Test
  void noDocumentsGiveKeysThatJoinNothing(TestPipeline pipeline) {
    PCollectionView<PersonKeys> keys = pipeline
        .apply("No names", Create.empty(ByteArrayCoder.of()))
        .apply(new ResolvePersonKeys());
    PAssert.that(keysOf(pipeline, keys, "Kuipers")).containsInAnyOrder("Kuipers = kuipers");
    pipeline.run();
  }
}
