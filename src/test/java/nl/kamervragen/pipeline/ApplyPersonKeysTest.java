package nl.kamervragen.pipeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.kamervragen.person.PersonKeys;
import nl.kamervragen.stats.StatsDocument;
import nl.kamervragen.stats.StatsDocumentEncoding;
import nl.kamervragen.testing.TestPipelineExtension;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kept sets' people, from every set of every batch, get the archive's keys; sets whose names join no one pass as they are. */
@ExtendWith(TestPipelineExtension.class)
class ApplyPersonKeysTest {

  private static StatsDocument set(String submitter, String answerer) {
    LocalDate submitted = LocalDate.of(2019, 6, 1);
    return new StatsDocument(submitted, true, Optional.of(10), Optional.of(true), false, 1,
        List.of(new StatsDocument.Member(submitter, Optional.empty())), List.of(new StatsDocument.Member(answerer, Optional.of("VVD"))),
        List.of(), List.of(), 0, false, 0, Optional.of(submitted.plusDays(10)), submitted.plusDays(21), List.of(), List.of());
  }

  @Test
  void aSurnameTheArchiveJoinsIsKeyedByTheFullName(TestPipeline pipeline) throws Exception {
    PCollectionView<PersonKeys> keys = pipeline
        .apply("Keys", Create.of(PersonKeys.of(Map.of("Blok", "stef-blok"))).withCoder(PersonKeysCoder.of()))
        .apply(View.asSingleton());
    PAssert.that(pipeline
            .apply("Batches", Create.of(StatsDocumentEncoding.batch(List.of(set("Sadet Karabulut", "Blok"))),
                StatsDocumentEncoding.batch(List.of(set("Leers", "Stef Blok"), set("Leers", "Blok")))).withCoder(ByteArrayCoder.of()))
            .apply(new ApplyPersonKeys(keys))
            .apply("People", MapElements.into(TypeDescriptors.strings())
                .via(d -> d.submitters().get(0).personKey() + " / " + d.answerers().get(0).name() + " = " + d.answerers().get(0).personKey())))
        .containsInAnyOrder("sadet-karabulut / Blok = stef-blok", "leers / Stef Blok = stef-blok", "leers / Blok = stef-blok");
    pipeline.run();
  }
}
