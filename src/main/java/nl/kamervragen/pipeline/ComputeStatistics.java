package nl.kamervragen.pipeline;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.kamervragen.stats.ArchiveStatistics;
import nl.kamervragen.stats.DashboardStatistics;
import nl.kamervragen.table.TableDefinition;
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
 * on the number of groups (parties, members, topics, weeks), not on the number of documents.
 */
public final class ComputeStatistics extends PTransform<PCollection<Row>, PCollectionTuple> {

  public static final TupleTag<Row> RESPONSE_TIME = TableTags.of(Tables.RESPONSE_TIME);
  public static final TupleTag<Row> QUESTIONS_PER_PARTY = TableTags.of(Tables.QUESTIONS_PER_PARTY);
  public static final TupleTag<Row> TOPIC_FREQUENCY = TableTags.of(Tables.TOPIC_FREQUENCY);
  public static final TupleTag<Row> TOPIC_PARTY = TableTags.of(Tables.TOPIC_PARTY);
  /** Document totals for the run summary, as (metric, value). */
  public static final TupleTag<KV<String, Long>> TOTALS = new TupleTag<>() {};

  /** The tables this produces, each under {@link TableTags#of}. */
  public static final List<TableDefinition> TABLES =
      List.of(
          Tables.RESPONSE_TIME, Tables.QUESTIONS_PER_PARTY, Tables.TOPIC_FREQUENCY, Tables.TOPIC_PARTY,
          Tables.QUESTIONS_PER_PERIOD, Tables.REPLY_TIME_HISTOGRAM, Tables.REPLY_TIME_BY_SUBMISSION,
          Tables.CITED_SOURCES, Tables.PARTY_PAIRS, Tables.OVERDUE_PER_WEEK);

  private final LocalDate referenceDate;

  /** @param referenceDate the date open sets are judged overdue at */
  public ComputeStatistics(LocalDate referenceDate) {
    this.referenceDate = referenceDate;
  }

  @Override
  public PCollectionTuple expand(PCollection<Row> bundles) {
    TupleTagList others = TupleTagList.of(TOTALS);
    for (TableDefinition table : TABLES.subList(1, TABLES.size())) {
      others = others.and(TableTags.of(table));
    }
    PCollectionTuple tables =
        bundles
            .apply("Aggregate", Combine.globally(new StatisticsFn(referenceDate)))
            .setCoder(SerializableCoder.of(Statistics.class))
            .apply("Statistics to rows", ParDo.of(new ToRowsFn()).withOutputTags(RESPONSE_TIME, others));
    for (TableDefinition table : TABLES) {
      tables.get(TableTags.of(table)).setRowSchema(table.beamSchema());
    }
    tables.get(TOTALS).setCoder(SummarizeRun.MEASURE_CODER);
    return tables;
  }

  /** Both kinds of statistics, built in the same pass over the documents. */
  static final class Statistics implements Serializable {
    final ArchiveStatistics archive = new ArchiveStatistics();
    final DashboardStatistics dashboard;

    Statistics(LocalDate referenceDate) {
      dashboard = new DashboardStatistics(referenceDate);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Statistics other && archive.equals(other.archive) && dashboard.equals(other.dashboard);
    }

    @Override
    public int hashCode() {
      return archive.hashCode();
    }
  }

  /** Adds each bundle's statistics fields to mergeable partial statistics. */
  static final class StatisticsFn extends Combine.CombineFn<Row, Statistics, Statistics> {
    private final LocalDate referenceDate;

    StatisticsFn(LocalDate referenceDate) {
      this.referenceDate = referenceDate;
    }

    @Override
    public Statistics createAccumulator() {
      return new Statistics(referenceDate);
    }

    @Override
    public Statistics addInput(Statistics accumulator, Row bundle) {
      var doc = DocumentBundle.stats(bundle);
      accumulator.archive.add(doc);
      accumulator.dashboard.add(doc);
      return accumulator;
    }

    @Override
    public Statistics mergeAccumulators(Iterable<Statistics> accumulators) {
      Statistics merged = new Statistics(referenceDate);
      for (Statistics partial : accumulators) {
        merged.archive.merge(partial.archive);
        merged.dashboard.merge(partial.dashboard);
      }
      return merged;
    }

    @Override
    public Statistics extractOutput(Statistics accumulator) {
      return accumulator;
    }

    @Override
    public Coder<Statistics> getAccumulatorCoder(CoderRegistry registry, Coder<Row> inputCoder)
        throws CannotProvideCoderException {
      return SerializableCoder.of(Statistics.class);
    }
  }

  /** Turns the final statistics into table rows; values are listed in each table's column order. */
  static final class ToRowsFn extends DoFn<Statistics, Row> {
    @ProcessElement
    public void process(@Element Statistics statistics, MultiOutputReceiver out) {
      ArchiveStatistics stats = statistics.archive;
      for (ArchiveStatistics.ResponseTime r : stats.responseTimes()) {
        emit(out, Tables.RESPONSE_TIME, r.dimension(), r.value(), r.documents(), r.answered(), r.open(), r.overdue(),
            r.timed(), r.meanDays(), r.medianDays(), r.p75Days(), r.p90Days(), r.maxDays(), r.within21Share(),
            r.within42Share(), r.onTimeShare());
      }
      for (ArchiveStatistics.PartyCount p : stats.partyCounts()) {
        emit(out, Tables.QUESTIONS_PER_PARTY, p.party(), p.year(), p.questionSets(), p.questions(), p.members(), p.share());
      }
      for (ArchiveStatistics.TopicCount t : stats.topicCounts()) {
        emit(out, Tables.TOPIC_FREQUENCY, t.topic(), t.year(), t.questionSets(), t.share());
      }
      for (ArchiveStatistics.TopicPartyCount t : stats.topicPartyCounts()) {
        emit(out, Tables.TOPIC_PARTY, t.topic(), t.party(), t.questionSets());
      }
      DashboardStatistics dashboard = statistics.dashboard;
      for (DashboardStatistics.PeriodCount p : dashboard.periodCounts()) {
        emit(out, Tables.QUESTIONS_PER_PERIOD, p.periodType(), p.period(), p.periodStart(), p.party(), p.questionSets(), p.questions());
      }
      for (DashboardStatistics.HistogramBin b : dashboard.histogramBins()) {
        emit(out, Tables.REPLY_TIME_HISTOGRAM, b.dimension(), b.value(), b.daysFrom(), b.daysTo(), b.questionSets(), b.share());
      }
      for (DashboardStatistics.ReplyCell c : dashboard.replyCells()) {
        emit(out, Tables.REPLY_TIME_BY_SUBMISSION, c.submittedFrom(), c.submittedTo(), c.daysFrom(), c.daysTo(), c.questionSets());
      }
      for (DashboardStatistics.SourceCount c : dashboard.sourceCounts()) {
        emit(out, Tables.CITED_SOURCES, c.kind(), c.source(), c.dimension(), c.value(), c.footnotes(), c.questionSets());
      }
      for (DashboardStatistics.PartyPair p : dashboard.partyPairs()) {
        emit(out, Tables.PARTY_PAIRS, p.partyA(), p.partyB(), p.year(), p.questionSets());
      }
      for (DashboardStatistics.OverdueWeek w : dashboard.overdueWeeks()) {
        emit(out, Tables.OVERDUE_PER_WEEK, w.week(), w.weekStart(), w.asOf(), w.overdue(), w.becameOverdue(), w.answeredLate());
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

    /** Emits one row; {@code Optional} values become empty cells. */
    private static void emit(MultiOutputReceiver out, TableDefinition table, Object... values) {
      Row.Builder row = table.row();
      for (Object value : values) {
        row.addValue(value instanceof Optional<?> optional ? optional.orElse(null) : value);
      }
      out.get(TableTags.of(table)).output(row.build());
    }
  }
}
