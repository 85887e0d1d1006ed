package nl.kamervragen.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kamervragen.person.PersonKeys;
import nl.kamervragen.stats.ArchiveStatistics;
import nl.kamervragen.stats.DashboardStatistics;
import nl.kamervragen.stats.MinistryStatistics;
import nl.kamervragen.stats.PersonStatistics;
import nl.kamervragen.stats.StatsEncoding;
import nl.kamervragen.stats.Totals;
import nl.kamervragen.stats.StatsDocument;
import nl.kamervragen.stats.StatsDocumentEncoding;
import nl.kamervragen.table.TableDefinition;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.values.Row;

/**
 * Both kinds of statistics, built in the same pass over the documents; plain Java, so that the
 * benchmark's floor aggregates exactly as the pipeline does.
 */
public final class Statistics implements Serializable {

  /** The tables made from the statistics: those whose source is {@link TableDefinition.Source#STATISTICS}. */
  public static final List<TableDefinition> TABLES = Tables.from(TableDefinition.Source.STATISTICS);

  private final ArchiveStatistics archive;
  private final DashboardStatistics dashboard;
  private final MinistryStatistics ministries;
  private final PersonStatistics persons;

  public Statistics(LocalDate referenceDate) {
    this(new ArchiveStatistics(), new DashboardStatistics(referenceDate), new MinistryStatistics(), new PersonStatistics());
  }

  private Statistics(ArchiveStatistics archive, DashboardStatistics dashboard, MinistryStatistics ministries, PersonStatistics persons) {
    this.archive = archive;
    this.dashboard = dashboard;
    this.ministries = ministries;
    this.persons = persons;
  }

  /** Writes the statistics compactly ({@link StatsEncoding}) to a stream it leaves open. */
  public void writeTo(OutputStream out) throws IOException {
    StatsEncoding.Writer writer = new StatsEncoding.Writer(out);
    archive.writeTo(writer);
    dashboard.writeTo(writer);
    ministries.writeTo(writer);
    persons.writeTo(writer);
  }

  /** Reads what {@link #writeTo} wrote, and nothing beyond it. */
  public static Statistics readFrom(InputStream in) throws IOException {
    StatsEncoding.Reader reader = new StatsEncoding.Reader(in);
    return new Statistics(ArchiveStatistics.readFrom(reader), DashboardStatistics.readFrom(reader), MinistryStatistics.readFrom(reader),
        PersonStatistics.readFrom(reader));
  }

  public void add(Row document) {
    add(ParsedDocument.stats(document));
  }

  public void add(StatsDocument doc) {
    archive.add(doc);
    dashboard.add(doc);
    ministries.add(doc);
    persons.add(doc);
  }

  /**
   * Adds a kept set counted with the archive's person keys: a submitter or answerer whose name the
   * archive joins to another person ({@link PersonKeys}) is counted with that person.
   */
  public void add(StatsDocument doc, PersonKeys keys) {
    add(doc.joinedBy(keys) ? doc.withPersonKeys(keys) : doc);
  }

  /** Adds every set of a batch ({@link StatsDocumentEncoding#batch}) with the archive's person keys. */
  public void addBatch(byte[] batch, PersonKeys keys) throws IOException {
    StatsDocumentEncoding.forEachIn(batch, doc -> add(doc, keys));
  }

  public void merge(Statistics other) {
    archive.merge(other.archive);
    dashboard.merge(other.dashboard);
    ministries.merge(other.ministries);
    persons.merge(other.persons);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Statistics other && archive.equals(other.archive) && dashboard.equals(other.dashboard)
        && ministries.equals(other.ministries) && persons.equals(other.persons);
  }

  @Override
  public int hashCode() {
    return archive.hashCode();
  }

  /** The rows of every table in {@link #TABLES}, unsorted, made by column name. */
  public Map<TableDefinition, List<Row>> tableRows() {
    Map<TableDefinition, List<Row>> rows = new LinkedHashMap<>();
    TABLES.forEach(t -> rows.put(t, new ArrayList<>()));
    for (ArchiveStatistics.ResponseTime r : archive.responseTimes()) {
      // The statistics group people by key; the table shows the name each goes by, and the key.
      boolean person = ArchiveStatistics.PERSON_DIMENSIONS.contains(r.dimension());
      rows.get(Tables.RESPONSE_TIME).add(Tables.RESPONSE_TIME.rowOf(
          "dimension", r.dimension(), "value", person ? persons.nameOf(r.value()) : r.value(), "person_key", person ? r.value() : null,
          "year", r.year(), "documents", r.documents(), "answered", r.answered(), "open", r.open(),
          "overdue", r.overdue(), "timed", r.timed(), "mean_days", r.meanDays(), "median_days", r.medianDays(),
          "p75_days", r.p75Days(), "p90_days", r.p90Days(), "max_days", r.maxDays(), "within_21_share", r.within21Share(),
          "within_42_share", r.within42Share(), "on_time_share", r.onTimeShare()));
    }
    for (MinistryStatistics.MinistryRow m : ministries.rows()) {
      rows.get(Tables.MINISTRIES).add(Tables.MINISTRIES.rowOf(
          "name", m.name(), "family", m.family(), "known", m.known(), "first_submitted", m.firstSubmitted(),
          "last_submitted", m.lastSubmitted(), "question_sets", m.questionSets()));
    }
    for (PersonStatistics.PersonRow p : persons.rows()) {
      rows.get(Tables.PERSONS).add(Tables.PERSONS.rowOf(
          "person_key", p.personKey(), "name", p.name(), "names", String.join("; ", p.names()), "surname_only", p.surnameOnly(),
          "parties", p.parties().isEmpty() ? null : String.join("; ", p.parties()), "roles", roles(p), "first_submitted", p.firstSubmitted(),
          "last_submitted", p.lastSubmitted(), "question_sets", p.questionSets(), "sets_as_submitter", p.setsAsSubmitter(),
          "sets_as_answerer", p.setsAsAnswerer()));
    }
    for (ArchiveStatistics.PartyCount p : archive.partyCounts()) {
      rows.get(Tables.QUESTIONS_PER_PARTY).add(Tables.QUESTIONS_PER_PARTY.rowOf(
          "party", p.party(), "year", p.year(), "question_sets", p.questionSets(), "questions", p.questions(),
          "members", p.members(), "share", p.share()));
    }
    for (ArchiveStatistics.TopicCount t : archive.topicCounts()) {
      rows.get(Tables.TOPIC_FREQUENCY).add(Tables.TOPIC_FREQUENCY.rowOf(
          "topic", t.topic(), "year", t.year(), "question_sets", t.questionSets(), "share", t.share()));
    }
    for (ArchiveStatistics.TopicPartyCount t : archive.topicPartyCounts()) {
      rows.get(Tables.TOPIC_PARTY).add(Tables.TOPIC_PARTY.rowOf(
          "topic", t.topic(), "party", t.party(), "question_sets", t.questionSets()));
    }
    for (DashboardStatistics.PeriodCount p : dashboard.periodCounts()) {
      rows.get(Tables.QUESTIONS_PER_PERIOD).add(Tables.QUESTIONS_PER_PERIOD.rowOf(
          "period_type", p.periodType(), "period", p.period(), "period_start", p.periodStart(), "party", p.party(),
          "question_sets", p.questionSets(), "questions", p.questions()));
    }
    for (DashboardStatistics.HistogramBin b : dashboard.histogramBins()) {
      rows.get(Tables.REPLY_TIME_HISTOGRAM).add(Tables.REPLY_TIME_HISTOGRAM.rowOf(
          "dimension", b.dimension(), "value", b.value(), "year", b.year(), "days_from", b.daysFrom(), "days_to", b.daysTo(),
          "question_sets", b.questionSets(), "share", b.share()));
    }
    for (DashboardStatistics.ReplyCell c : dashboard.replyCells()) {
      rows.get(Tables.REPLY_TIME_BY_SUBMISSION).add(Tables.REPLY_TIME_BY_SUBMISSION.rowOf(
          "submitted_from", c.submittedFrom(), "submitted_to", c.submittedTo(), "days_from", c.daysFrom(), "days_to", c.daysTo(),
          "question_sets", c.questionSets()));
    }
    for (DashboardStatistics.SourceCount c : dashboard.sourceCounts()) {
      rows.get(Tables.CITED_SOURCES).add(Tables.CITED_SOURCES.rowOf(
          "kind", c.kind(), "source", c.source(), "dimension", c.dimension(), "value", c.value(), "year", c.year(), "footnotes", c.footnotes(),
          "question_sets", c.questionSets()));
    }
    for (DashboardStatistics.PartyPair p : dashboard.partyPairs()) {
      rows.get(Tables.PARTY_PAIRS).add(Tables.PARTY_PAIRS.rowOf(
          "party_a", p.partyA(), "party_b", p.partyB(), "year", p.year(), "question_sets", p.questionSets()));
    }
    for (DashboardStatistics.OverdueWeek w : dashboard.overdueWeeks()) {
      rows.get(Tables.OVERDUE_PER_WEEK).add(Tables.OVERDUE_PER_WEEK.rowOf(
          "week", w.week(), "week_start", w.weekStart(), "as_of", w.asOf(), "overdue", w.overdue(),
          "became_overdue", w.becameOverdue(), "answered_late", w.answeredLate()));
    }
    return rows;
  }

  private static String roles(PersonStatistics.PersonRow person) {
    List<String> roles = new ArrayList<>();
    if (person.setsAsAnswerer() > 0) {
      roles.add("answerer");
    }
    if (person.setsAsSubmitter() > 0) {
      roles.add("submitter");
    }
    return String.join("; ", roles);
  }

  /** Document totals for the run summary, by measure name. */
  public Map<String, Long> totals() {
    Totals totals = archive.totals();
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
    measures.put(SummaryMeasures.UNKNOWN_MINISTRIES, ministries.unknownNames());
    return measures;
  }
}
