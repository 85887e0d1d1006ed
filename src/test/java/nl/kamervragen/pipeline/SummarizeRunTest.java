package nl.kamervragen.pipeline;

import java.util.List;
import nl.kamervragen.core.SummaryMeasures;
import nl.kamervragen.testing.TestPipelineExtension;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The summary adds up each measure's counts; a measure without any is 0, and so is every measure of a run without counts. */
@ExtendWith(TestPipelineExtension.class)
class SummarizeRunTest {

  @Test
  void countsAreAddedUpPerMeasureAndAMeasureWithoutCountsIsZero(TestPipeline pipeline) {
    PCollection<KV<String, Long>> perBucket = pipeline.apply("Per bucket",
        Create.of(KV.of(SummaryMeasures.DOCUMENTS_PARSED, 40L), KV.of(SummaryMeasures.DOCUMENTS_PARSED, 2L),
            KV.of(SummaryMeasures.REJECTED, 2_499L), KV.of(SummaryMeasures.REJECTED, 1L)).withCoder(SummarizeRun.MEASURE_CODER));
    PCollection<KV<String, Long>> totals = pipeline.apply("Totals",
        Create.of(KV.of(SummaryMeasures.DOCUMENTS, 40L)).withCoder(SummarizeRun.MEASURE_CODER));
    PCollection<Row> summary = PCollectionList.of(perBucket).and(totals).apply(new SummarizeRun());
    PAssert.that(summary
            .apply("Counted", Filter.by(row -> List.of(SummaryMeasures.REJECTED, SummaryMeasures.DUPLICATES, SummaryMeasures.DOCUMENTS_PARSED,
                SummaryMeasures.FILES, SummaryMeasures.DOCUMENTS).contains(row.getString("metric"))))
            .apply("Values", MapElements.into(TypeDescriptors.strings()).via(row -> row.getString("metric") + " " + row.getInt64("value"))))
        .containsInAnyOrder("rejected 2500", "duplicates 0", "documents_parsed 42", "files 2542", "documents 40");
    pipeline.run();
  }

  @Test
  void aRunWithoutCountsHasEveryMeasureAtZero(TestPipeline pipeline) {
    PCollection<Row> summary = PCollectionList.of(pipeline.apply("Nothing", Create.empty(SummarizeRun.MEASURE_CODER)))
        .apply(new SummarizeRun());
    PAssert.that(summary.apply("Values", MapElements.into(TypeDescriptors.strings()).via(row -> row.getString("metric") + " " + row.getInt64("value"))))
        .containsInAnyOrder(SummaryMeasures.DESCRIPTIONS.keySet().stream().map(measure -> measure + " 0").toList());
    pipeline.run();
  }
}
