package nl.kamervragen.pipeline;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.kamervragen.stats.ArchiveStatistics;
import nl.kamervragen.stats.DashboardStatistics;
import nl.kamervragen.stats.StatsDocument;
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
 * Merges partial statistics (built per few buckets of kept documents by {@link StageDocuments}) into the
 * statistics tables, in one global combine. A partial's size depends on the number of groups
 * (parties, members, topics, weeks), not on the number of documents.
 */
public final class ComputeStatistics extends PTransform<PCollection<ComputeStatistics.Statistics>, PCollectionTuple> {

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
  public PCollectionTuple expand(PCollection<Statistics> partials) {
    TupleTagList others = TupleTagList.of(TOTALS);
    for (TableDefinition table : TABLES.subList(1, TABLES.size())) {
      others = others.and(TableTags.of(table));
    }
    PCollectionTuple tables =
        partials
            .apply("Merge partial statistics", Combine.globally(new MergeFn(referenceDate)))
            .setCoder(SerializableCoder.of(Statistics.class))
            .apply("Statistics to rows", ParDo.of(new ToRowsFn()).withOutputTags(RESPONSE_TIME, others));
    for (TableDefinition table : TABLES) {
      tables.get(TableTags.of(table)).setRowSchema(table.beamSchema());
    }
    tables.get(TOTALS).setCoder(SummarizeRun.MEASURE_CODER);
    return tables;
  }

  /**
   * Both kinds of statistics, built in the same pass over the documents; plain Java, so that the
   * benchmark's floor aggregates exactly as the pipeline does.
   */
  public static final class Statistics implements Serializable {
    private final ArchiveStatistics archive = new ArchiveStatistics();
    private final DashboardStatistics dashboard;

    public Statistics(LocalDate referenceDate) {
      dashboard = new DashboardStatistics(referenceDate);
    }

    public void add(Row bundle) {
      add(DocumentBundle.stats(bundle));
    }

    public void add(StatsDocument doc) {
      archive.add(doc);
      dashboard.add(doc);
    }

    public void merge(Statistics other) {
      archive.merge(other.archive);
      dashboard.merge(other.dashboard);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Statistics other && archive.equals(other.archive) && dashboard.equals(other.dashboard);
    }

    @Override
    public int hashCode() {
      return archive.hashCode();
    }

    /** The rows of every table in {@link #TABLES}, unsorted; values in each table's column order. */
    public Map<TableDefinition, List<Row>> tableRows() {
      Map<TableDefinition, List<Row>> rows = new LinkedHashMap<>();
      TABLES.forEach(t -> rows.put(t, new ArrayList<>()));
      for (ArchiveStatistics.ResponseTime r : archive.responseTimes()) {
        add(rows, Tables.RESPONSE_TIME, r.dimension(), r.value(), r.documents(), r.answered(), r.open(), r.overdue(),
            r.timed(), r.meanDays(), r.medianDays(), r.p75Days(), r.p90Days(), r.maxDays(), r.within21Share(),
            r.within42Share(), r.onTimeShare());
      }
      for (ArchiveStatistics.PartyCount p : archive.partyCounts()) {
        add(rows, Tables.QUESTIONS_PER_PARTY, p.party(), p.year(), p.questionSets(), p.questions(), p.members(), p.share());
      }
      for (ArchiveStatistics.TopicCount t : archive.topicCounts()) {
        add(rows, Tables.TOPIC_FREQUENCY, t.topic(), t.year(), t.questionSets(), t.share());
      }
      for (ArchiveStatistics.TopicPartyCount t : archive.topicPartyCounts()) {
        add(rows, Tables.TOPIC_PARTY, t.topic(), t.party(), t.questionSets());
      }
      for (DashboardStatistics.PeriodCount p : dashboard.periodCounts()) {
        add(rows, Tables.QUESTIONS_PER_PERIOD, p.periodType(), p.period(), p.periodStart(), p.party(), p.questionSets(), p.questions());
      }
      for (DashboardStatistics.HistogramBin b : dashboard.histogramBins()) {
        add(rows, Tables.REPLY_TIME_HISTOGRAM, b.dimension(), b.value(), b.daysFrom(), b.daysTo(), b.questionSets(), b.share());
      }
      for (DashboardStatistics.ReplyCell c : dashboard.replyCells()) {
        add(rows, Tables.REPLY_TIME_BY_SUBMISSION, c.submittedFrom(), c.submittedTo(), c.daysFrom(), c.daysTo(), c.questionSets());
      }
      for (DashboardStatistics.SourceCount c : dashboard.sourceCounts()) {
        add(rows, Tables.CITED_SOURCES, c.kind(), c.source(), c.dimension(), c.value(), c.footnotes(), c.questionSets());
      }
      for (DashboardStatistics.PartyPair p : dashboard.partyPairs()) {
        add(rows, Tables.PARTY_PAIRS, p.partyA(), p.partyB(), p.year(), p.questionSets());
      }
      for (DashboardStatistics.OverdueWeek w : dashboard.overdueWeeks()) {
        add(rows, Tables.OVERDUE_PER_WEEK, w.week(), w.weekStart(), w.asOf(), w.overdue(), w.becameOverdue(), w.answeredLate());
      }
      return rows;
    }

    /** Document totals for the run summary, by measure name. */
    public Map<String, Long> totals() {
      ArchiveStatistics.Totals totals = archive.totals();
      Map<String, Long> measures = new LinkedHashMap<>();
      measures.put(RunSummary.DOCUMENTS, totals.documents());
      measures.put(RunSummary.ANSWERED, totals.answered());
      measures.put(RunSummary.OPEN, totals.open());
      measures.put(RunSummary.OVERDUE, totals.overdue());
      measures.put(RunSummary.UNTIMED, totals.untimed());
      measures.put(RunSummary.TRUNCATED, totals.truncated());
      measures.put(RunSummary.DOCUMENTS_WITH_WARNINGS, totals.documentsWithWarnings());
      measures.put(RunSummary.WARNINGS, totals.warnings());
      measures.put(RunSummary.UNKNOWN_TOPICS, totals.unknownTopics());
      return measures;
    }

    /** Adds one row; {@code Optional} values become empty cells. */
    private static void add(Map<TableDefinition, List<Row>> rows, TableDefinition table, Object... values) {
      TableDefinition.RowBuilder row = table.row();
      for (Object value : values) {
        row.addValue(value instanceof Optional<?> optional ? optional.orElse(null) : value);
      }
      rows.get(table).add(row.build());
    }
  }

  /** Merges partial statistics (one per few buckets of documents) into the archive's. */
  static final class MergeFn extends Combine.CombineFn<Statistics, Statistics, Statistics> {
    private final LocalDate referenceDate;

    MergeFn(LocalDate referenceDate) {
      this.referenceDate = referenceDate;
    }

    @Override
    public Statistics createAccumulator() {
      return new Statistics(referenceDate);
    }

    @Override
    public Statistics addInput(Statistics accumulator, Statistics partial) {
      accumulator.merge(partial);
      return accumulator;
    }

    @Override
    public Statistics mergeAccumulators(Iterable<Statistics> accumulators) {
      Statistics merged = new Statistics(referenceDate);
      accumulators.forEach(merged::merge);
      return merged;
    }

    @Override
    public Statistics extractOutput(Statistics accumulator) {
      return accumulator;
    }

    @Override
    public Coder<Statistics> getAccumulatorCoder(CoderRegistry registry, Coder<Statistics> inputCoder)
        throws CannotProvideCoderException {
      return SerializableCoder.of(Statistics.class);
    }
  }

  /** Turns the final statistics into table rows and summary measures. */
  static final class ToRowsFn extends DoFn<Statistics, Row> {
    @ProcessElement
    public void process(@Element Statistics statistics, MultiOutputReceiver out) {
      statistics.tableRows().forEach((table, rows) -> rows.forEach(row -> out.get(TableTags.of(table)).output(row)));
      statistics.totals().forEach((measure, value) -> out.get(TOTALS).output(KV.of(measure, value)));
    }
  }
}
