package nl.kamervragen.pipeline;

import nl.kamervragen.parse.TestDocuments;
import nl.kamervragen.table.Tables;
import nl.kamervragen.testing.TestPipelineExtension;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Statistics over three hand-checked sets: the seed (GL, 21 days, on time), 2014Z20341 (five
 * parties, 33 days, late) and 2020Z14341 (DENK, open since 2020-07-27, overdue on 2026-01-01).
 */
@ExtendWith(TestPipelineExtension.class)
class ComputeStatisticsTest {

  @Test
  void aggregatesResponseTimesPartiesAndTopics(TestPipeline pipeline) {
    PCollectionTuple stats =
        pipeline
            .apply(
                Create.of(
                        TestBundles.ofResource("seed.txt"),
                        TestBundles.ofResource("dev-corpus/2014Z20341.txt"),
                        TestBundles.ofResource("dev-corpus/2020Z14341.txt"))
                    .withRowSchema(DocumentBundle.SCHEMA))
            .apply(new ComputeStatistics());

    PAssert.that(dimension(stats, "all"))
        // Timed: 21 and 33 days. Median = rank 1 = 21; p75 = rank 2 = 33. Shares of 2 timed sets.
        .containsInAnyOrder(responseTime("all", "all", 3, 2, 1, 1, 2, 27.0, 21, 33, 33, 33, 0.5, 1.0, 0.5));
    PAssert.that(dimension(stats, "party"))
        .containsInAnyOrder(
            responseTime("party", "GL", 1, 1, 0, 0, 1, 21.0, 21, 21, 21, 21, 1.0, 1.0, 1.0),
            responseTime("party", "SP", 1, 1, 0, 0, 1, 33.0, 33, 33, 33, 33, 0.0, 1.0, 0.0),
            responseTime("party", "CDA", 1, 1, 0, 0, 1, 33.0, 33, 33, 33, 33, 0.0, 1.0, 0.0),
            responseTime("party", "VVD", 1, 1, 0, 0, 1, 33.0, 33, 33, 33, 33, 0.0, 1.0, 0.0),
            responseTime("party", "SGP", 1, 1, 0, 0, 1, 33.0, 33, 33, 33, 33, 0.0, 1.0, 0.0),
            responseTime("party", "CU", 1, 1, 0, 0, 1, 33.0, 33, 33, 33, 33, 0.0, 1.0, 0.0),
            Tables.RESPONSE_TIME.row()
                .withFieldValue("dimension", "party").withFieldValue("value", "DENK")
                .withFieldValue("documents", 1L).withFieldValue("answered", 0L).withFieldValue("open", 1L)
                .withFieldValue("overdue", 1L).withFieldValue("timed", 0L).build());
    PAssert.that(dimension(stats, "ministry"))
        .containsInAnyOrder(
            responseTime("ministry", "binnenlandse zaken en koninkrijksrelaties", 1, 1, 0, 0, 1, 21.0, 21, 21, 21, 21, 1.0, 1.0, 1.0),
            responseTime("ministry", "veiligheid en justitie", 1, 1, 0, 0, 1, 33.0, 33, 33, 33, 33, 0.0, 1.0, 0.0),
            responseTime("ministry", "buitenlandse zaken", 1, 1, 0, 0, 1, 33.0, 33, 33, 33, 33, 0.0, 1.0, 0.0));
    PAssert.that(stats.get(ComputeStatistics.QUESTIONS_PER_PARTY).apply("All years", Filter.by(r -> r.getString("year").equals("all"))))
        .containsInAnyOrder(
            party("GL", 1, 5, 0.3333), party("SP", 1, 4, 0.3333), party("CDA", 1, 4, 0.3333), party("VVD", 1, 4, 0.3333),
            party("SGP", 1, 4, 0.3333), party("CU", 1, 4, 0.3333), party("DENK", 1, 8, 0.3333));
    PAssert.that(stats.get(ComputeStatistics.TOPIC_FREQUENCY).apply("Topic recht", Filter.by(r -> r.getString("topic").equals("recht"))))
        .containsInAnyOrder(topic("recht", "2014", 1, 1.0), topic("recht", "all", 1, 0.3333));
    PAssert.that(stats.get(ComputeStatistics.TOTALS))
        .containsInAnyOrder(
            KV.of(RunSummary.DOCUMENTS, 3L), KV.of(RunSummary.ANSWERED, 2L), KV.of(RunSummary.OPEN, 1L),
            KV.of(RunSummary.OVERDUE, 1L), KV.of(RunSummary.UNTIMED, 0L), KV.of(RunSummary.TRUNCATED, 1L),
            KV.of(RunSummary.DOCUMENTS_WITH_WARNINGS, 0L), KV.of(RunSummary.WARNINGS, 0L), KV.of(RunSummary.UNKNOWN_TOPICS, 0L));
    pipeline.run();
  }

  @Test
  void noDocumentsGiveEmptyTablesAndZeroTotals(TestPipeline pipeline) {
    PCollectionTuple stats =
        pipeline.apply(Create.empty(RowCoder.of(DocumentBundle.SCHEMA))).apply(new ComputeStatistics());
    PAssert.that(stats.get(ComputeStatistics.RESPONSE_TIME)).empty();
    PAssert.that(stats.get(ComputeStatistics.QUESTIONS_PER_PARTY)).empty();
    PAssert.that(stats.get(ComputeStatistics.TOPIC_PARTY)).empty();
    PAssert.that(stats.get(ComputeStatistics.TOTALS).apply(Filter.by(kv -> kv.getValue() != 0L))).empty();
    pipeline.run();
  }

  private static PCollection<Row> dimension(PCollectionTuple stats, String dimension) {
    return stats.get(ComputeStatistics.RESPONSE_TIME).apply("Dimension " + dimension, Filter.by(r -> r.getString("dimension").equals(dimension)));
  }

  private static Row responseTime(String dimension, String value, long documents, long answered, long open, long overdue, long timed,
      double mean, int median, int p75, int p90, int max, double within21, double within42, double onTime) {
    return Tables.RESPONSE_TIME.row()
        .withFieldValue("dimension", dimension).withFieldValue("value", value)
        .withFieldValue("documents", documents).withFieldValue("answered", answered).withFieldValue("open", open)
        .withFieldValue("overdue", overdue).withFieldValue("timed", timed).withFieldValue("mean_days", mean)
        .withFieldValue("median_days", median).withFieldValue("p75_days", p75).withFieldValue("p90_days", p90)
        .withFieldValue("max_days", max).withFieldValue("within_21_share", within21)
        .withFieldValue("within_42_share", within42).withFieldValue("on_time_share", onTime).build();
  }

  private static Row party(String party, long sets, long questions, double share) {
    return Tables.QUESTIONS_PER_PARTY.row()
        .withFieldValue("party", party).withFieldValue("year", "all").withFieldValue("question_sets", sets)
        .withFieldValue("questions", questions).withFieldValue("members", 1L).withFieldValue("share", share).build();
  }

  private static Row topic(String topic, String year, long sets, double share) {
    return Tables.TOPIC_FREQUENCY.row()
        .withFieldValue("topic", topic).withFieldValue("year", year).withFieldValue("question_sets", sets)
        .withFieldValue("share", share).build();
  }
}
