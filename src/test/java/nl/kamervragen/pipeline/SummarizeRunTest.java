package nl.kamervragen.pipeline;

import java.util.ArrayList;
import java.util.List;
import nl.kamervragen.core.SummaryMeasures;
import nl.kamervragen.table.Tables;
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

/** The summary counts each collection's elements, and a collection without any as 0, beside measures given as values. */
@ExtendWith(TestPipelineExtension.class)
class SummarizeRunTest {

  private static Row reject(String file) {
    return Tables.REJECTS.rowOf("source_file", file, "stage", "parse", "line", 1, "reason", "not a Kamervraag");
  }

  @Test
  void elementsAreCountedAndAnEmptyCollectionIsZero(TestPipeline pipeline) {
    List<Row> rejects = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      rejects.add(reject(String.format("%04d.txt", i)));
    }
    PCollection<Row> rejected = pipeline.apply("Rejects", Create.of(rejects).withRowSchema(Tables.REJECTS.beamSchema()));
    PCollection<Row> none = pipeline.apply("No duplicates", Create.empty(Tables.DUPLICATES.beamSchema()));
    PCollection<KV<String, Long>> parsed = pipeline.apply("Parsed",
        Create.of(KV.of(SummaryMeasures.DOCUMENTS_PARSED, 40L), KV.of(SummaryMeasures.DOCUMENTS_PARSED, 2L)).withCoder(SummarizeRun.MEASURE_CODER));
    PCollection<Row> summary = PCollectionList.of(parsed)
        .and(SummarizeRun.count(SummaryMeasures.REJECTED, rejected))
        .and(SummarizeRun.count(SummaryMeasures.DUPLICATES, none))
        .apply(new SummarizeRun());
    PAssert.that(summary
            .apply("Counted", Filter.by(row -> List.of(SummaryMeasures.REJECTED, SummaryMeasures.DUPLICATES, SummaryMeasures.DOCUMENTS_PARSED,
                SummaryMeasures.FILES).contains(row.getString("metric"))))
            .apply("Values", MapElements.into(TypeDescriptors.strings()).via(row -> row.getString("metric") + " " + row.getInt64("value"))))
        .containsInAnyOrder("rejected 2500", "duplicates 0", "documents_parsed 42", "files 2542");
    pipeline.run();
  }
}
