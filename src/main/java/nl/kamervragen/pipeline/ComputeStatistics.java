package nl.kamervragen.pipeline;

import java.util.Optional;
import nl.kamervragen.stats.ArchiveStatistics;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Aggregates the kept bundles into the statistics tables. One global combine: each worker builds
 * partial statistics over its documents and only those partials are shuffled. Their size depends
 * on the number of groups (parties, members, topics, months), not on the number of documents.
 */
public final class ComputeStatistics extends PTransform<PCollection<Row>, PCollectionTuple> {

  public static final TupleTag<Row> RESPONSE_TIME = new TupleTag<>() {};
  public static final TupleTag<Row> QUESTIONS_PER_PARTY = new TupleTag<>() {};
  public static final TupleTag<Row> TOPIC_FREQUENCY = new TupleTag<>() {};
  public static final TupleTag<Row> TOPIC_PARTY = new TupleTag<>() {};
  /** Document totals for the run summary, as (metric, value). */
  public static final TupleTag<KV<String, Long>> TOTALS = new TupleTag<>() {};

  @Override
  public PCollectionTuple expand(PCollection<Row> bundles) {
    PCollectionTuple tables =
        bundles
            .apply("Aggregate", Combine.globally(new StatisticsFn()))
            .setCoder(SerializableCoder.of(ArchiveStatistics.class))
            .apply(
                "Statistics to rows",
                ParDo.of(new ToRowsFn())
                    .withOutputTags(
                        RESPONSE_TIME,
                        TupleTagList.of(QUESTIONS_PER_PARTY).and(TOPIC_FREQUENCY).and(TOPIC_PARTY).and(TOTALS)));
    tables.get(RESPONSE_TIME).setRowSchema(Tables.RESPONSE_TIME.beamSchema());
    tables.get(QUESTIONS_PER_PARTY).setRowSchema(Tables.QUESTIONS_PER_PARTY.beamSchema());
    tables.get(TOPIC_FREQUENCY).setRowSchema(Tables.TOPIC_FREQUENCY.beamSchema());
    tables.get(TOPIC_PARTY).setRowSchema(Tables.TOPIC_PARTY.beamSchema());
    tables.get(TOTALS).setCoder(SummarizeRun.MEASURE_CODER);
    return tables;
  }

  /** Adds each bundle's statistics fields to mergeable partial statistics. */
  static final class StatisticsFn extends Combine.CombineFn<Row, ArchiveStatistics, ArchiveStatistics> {
    @Override
    public ArchiveStatistics createAccumulator() {
      return new ArchiveStatistics();
    }

    @Override
    public ArchiveStatistics addInput(ArchiveStatistics accumulator, Row bundle) {
      accumulator.add(DocumentBundle.stats(bundle));
      return accumulator;
    }

    @Override
    public ArchiveStatistics mergeAccumulators(Iterable<ArchiveStatistics> accumulators) {
      ArchiveStatistics merged = new ArchiveStatistics();
      accumulators.forEach(merged::merge);
      return merged;
    }

    @Override
    public ArchiveStatistics extractOutput(ArchiveStatistics accumulator) {
      return accumulator;
    }

    @Override
    public Coder<ArchiveStatistics> getAccumulatorCoder(CoderRegistry registry, Coder<Row> inputCoder)
        throws CannotProvideCoderException {
      return SerializableCoder.of(ArchiveStatistics.class);
    }
  }

  /** Turns the final statistics into table rows. */
  static final class ToRowsFn extends DoFn<ArchiveStatistics, Row> {
    @ProcessElement
    public void process(@Element ArchiveStatistics stats, MultiOutputReceiver out) {
      for (ArchiveStatistics.ResponseTime r : stats.responseTimes()) {
        out.get(RESPONSE_TIME)
            .output(
                Tables.RESPONSE_TIME
                    .row()
                    .withFieldValue("dimension", r.dimension())
                    .withFieldValue("value", r.value())
                    .withFieldValue("documents", r.documents())
                    .withFieldValue("answered", r.answered())
                    .withFieldValue("open", r.open())
                    .withFieldValue("overdue", r.overdue())
                    .withFieldValue("timed", r.timed())
                    .withFieldValue("mean_days", orNull(r.meanDays()))
                    .withFieldValue("median_days", orNull(r.medianDays()))
                    .withFieldValue("p75_days", orNull(r.p75Days()))
                    .withFieldValue("p90_days", orNull(r.p90Days()))
                    .withFieldValue("max_days", orNull(r.maxDays()))
                    .withFieldValue("within_21_share", orNull(r.within21Share()))
                    .withFieldValue("within_42_share", orNull(r.within42Share()))
                    .withFieldValue("on_time_share", orNull(r.onTimeShare()))
                    .build());
      }
      for (ArchiveStatistics.PartyCount p : stats.partyCounts()) {
        out.get(QUESTIONS_PER_PARTY)
            .output(
                Tables.QUESTIONS_PER_PARTY
                    .row()
                    .withFieldValue("party", p.party())
                    .withFieldValue("year", p.year())
                    .withFieldValue("question_sets", p.questionSets())
                    .withFieldValue("questions", p.questions())
                    .withFieldValue("members", p.members())
                    .withFieldValue("share", p.share())
                    .build());
      }
      for (ArchiveStatistics.TopicCount t : stats.topicCounts()) {
        out.get(TOPIC_FREQUENCY)
            .output(
                Tables.TOPIC_FREQUENCY
                    .row()
                    .withFieldValue("topic", t.topic())
                    .withFieldValue("year", t.year())
                    .withFieldValue("question_sets", t.questionSets())
                    .withFieldValue("share", t.share())
                    .build());
      }
      for (ArchiveStatistics.TopicPartyCount t : stats.topicPartyCounts()) {
        out.get(TOPIC_PARTY)
            .output(
                Tables.TOPIC_PARTY
                    .row()
                    .withFieldValue("topic", t.topic())
                    .withFieldValue("party", t.party())
                    .withFieldValue("question_sets", t.questionSets())
                    .build());
      }
      ArchiveStatistics.Totals totals = stats.totals();
      out.get(TOTALS).output(KV.of(RunSummary.DOCUMENTS, totals.documents()));
      out.get(TOTALS).output(KV.of(RunSummary.ANSWERED, totals.answered()));
      out.get(TOTALS).output(KV.of(RunSummary.OPEN, totals.open()));
      out.get(TOTALS).output(KV.of(RunSummary.OVERDUE, totals.overdue()));
      out.get(TOTALS).output(KV.of(RunSummary.UNTIMED, totals.untimed()));
      out.get(TOTALS).output(KV.of(RunSummary.TRUNCATED, totals.truncated()));
      out.get(TOTALS).output(KV.of(RunSummary.DOCUMENTS_WITH_WARNINGS, totals.documentsWithWarnings()));
      out.get(TOTALS).output(KV.of(RunSummary.WARNINGS, totals.warnings()));
      out.get(TOTALS).output(KV.of(RunSummary.UNKNOWN_TOPICS, totals.unknownTopics()));
    }

    private static <T> T orNull(Optional<T> value) {
      return value.orElse(null);
    }
  }
}
