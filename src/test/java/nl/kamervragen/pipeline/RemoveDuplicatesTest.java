package nl.kamervragen.pipeline;

import nl.kamervragen.parse.TestDocuments;
import nl.kamervragen.table.Tables;
import nl.kamervragen.testing.TestPipelineExtension;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class RemoveDuplicatesTest {

  @Test
  void keepsTheMostCompleteCopyAndSaysWhy(TestPipeline pipeline) {
    String seed = TestDocuments.text("seed.txt");
    String cut = seed.substring(0, seed.indexOf("Dit blijkt uit"));
    PCollection<Row> bundles =
        pipeline.apply(
            Create.of(
                    TestBundles.of(cut, "a/cut.txt"),
                    TestBundles.of(seed, "b/full.txt"),
                    TestBundles.of(seed, "c/full-again.txt"),
                    TestBundles.ofResource("dev-corpus/2020Z14341.txt"),
                    TestBundles.ofResource("dev-corpus/2023Z00461.txt"))
                .withRowSchema(DocumentBundle.SCHEMA));

    PCollectionTuple result = bundles.apply(new RemoveDuplicates());

    PAssert.that(result.get(RemoveDuplicates.KEPT).apply(MapElements.into(TypeDescriptors.strings()).via(DocumentBundle::sourceFile)))
        .containsInAnyOrder("b/full.txt", "dev-corpus/2020Z14341.txt", "dev-corpus/2023Z00461.txt");
    PAssert.that(result.get(RemoveDuplicates.DUPLICATES))
        .containsInAnyOrder(
            duplicate("a/cut.txt", "the kept copy is complete, this one is cut off"),
            duplicate("c/full-again.txt", "identical content; kept the first file name in sort order"));
    pipeline.run();
  }

  @Test
  void noDuplicatesPassEverything(TestPipeline pipeline) {
    PCollectionTuple result =
        pipeline
            .apply(Create.of(TestBundles.ofResource("seed.txt")).withRowSchema(DocumentBundle.SCHEMA))
            .apply(new RemoveDuplicates());
    PAssert.that(result.get(RemoveDuplicates.DUPLICATES)).empty();
    PAssert.thatSingleton(result.get(RemoveDuplicates.KEPT).apply(MapElements.into(TypeDescriptors.strings()).via(DocumentBundle::id)))
        .isEqualTo("2011Z18417");
    pipeline.run();
  }

  private static Row duplicate(String file, String reason) {
    return Tables.DUPLICATES.row()
        .withFieldValue("id", "2011Z18417")
        .withFieldValue("kept_file", "b/full.txt")
        .withFieldValue("duplicate_file", file)
        .withFieldValue("reason", reason)
        .build();
  }
}
