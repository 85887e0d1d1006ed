package nl.kamervragen.core;

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
import org.apache.beam.sdk.values.Row;

/**
 * Both kinds of statistics, built in the same pass over the documents; plain Java, so that the
 * benchmark's floor aggregates exactly as the pipeline does.
 */
public final class Statistics implements Serializable {

  /** The tables made from the statistics. */
  public static final List<TableDefinition> TABLES =
      List.of(
          Tables.RESPONSE_TIME, Tables.QUESTIONS_PER_PARTY, Tables.TOPIC_FREQUENCY, Tables.TOPIC_PARTY,
          Tables.QUESTIONS_PER_PERIOD, Tables.REPLY_TIME_HISTOGRAM, Tables.REPLY_TIME_BY_SUBMISSION,
          Tables.CITED_SOURCES, Tables.PARTY_PAIRS, Tables.OVERDUE_PER_WEEK);

  private final ArchiveStatistics archive = new ArchiveStatistics();
  private final DashboardStatistics dashboard;

  public Statistics(LocalDate referenceDate) {
    dashboard = new DashboardStatistics(referenceDate);
  }

  public void add(Row document) {
    add(ParsedDocument.stats(document));
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
    measures.put(SummaryMeasures.DOCUMENTS, totals.documents());
    measures.put(SummaryMeasures.ANSWERED, totals.answered());
    measures.put(SummaryMeasures.OPEN, totals.open());
    measures.put(SummaryMeasures.OVERDUE, totals.overdue());
    measures.put(SummaryMeasures.UNTIMED, totals.untimed());
    measures.put(SummaryMeasures.TRUNCATED, totals.truncated());
    measures.put(SummaryMeasures.DOCUMENTS_WITH_WARNINGS, totals.documentsWithWarnings());
    measures.put(SummaryMeasures.WARNINGS, totals.warnings());
    measures.put(SummaryMeasures.UNKNOWN_TOPICS, totals.unknownTopics());
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
