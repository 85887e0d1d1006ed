package nl.kamervragen.stats;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The statistics behind the dashboards and the report, built one question set at a time and
 * mergeable like {@link ArchiveStatistics}: counts per week and month, reply-time histograms,
 * reply time against submission date, cited sources, co-submitting parties and the overdue
 * backlog over time. Memory grows with the number of groups and weeks, never with documents.
 */
public final class DashboardStatistics implements Serializable {

  /** The value of a party or dimension column that means "all of them". */
  public static final String ALL = ArchiveStatistics.ALL;

  /** The year part of a key for counts over all years (a null year column in the tables). */
  private static final String ALL_YEARS = "";

  /** Reply-time histograms have one bin per day up to this many days, then one overflow bin. */
  public static final int HISTOGRAM_MAX_DAYS = 100;

  /** Reply time against submission date: bins of this many reply days. */
  public static final int REPLY_BIN_DAYS = 3;

  private static final int SETS = 0;
  private static final int QUESTIONS = 1;
  private static final int FOOTNOTES = 1;
  private static final int BECAME_OVERDUE = 0;
  private static final int ANSWERED_LATE = 1;

  private final LocalDate referenceDate;
  private final Counts<Key> periods = new Counts<>(2);
  private final Counts<Key> histograms = new Counts<>(HISTOGRAM_MAX_DAYS + 2);
  private final Counts<Key> replyBySubmission = new Counts<>(1);
  private final Counts<Key> citedSources = new Counts<>(2);
  private final Counts<Key> partyPairs = new Counts<>(1);
  private final Counts<LocalDate> overdueWeeks = new Counts<>(2);
  /** The labels of each submission date seen; a cache, not part of the counts. */
  private transient Map<LocalDate, SubmissionDate> submissionDates;

  /** A group key of up to five strings. */
  record Key(String a, String b, String c, String d, String e) implements Serializable {
    static Key of(String a, String b) {
      return new Key(a, b, "", "", "");
    }

    static Key of(String a, String b, String c) {
      return new Key(a, b, c, "", "");
    }
  }

  private static final StatsEncoding.KeyCodec<Key> KEYS = new StatsEncoding.KeyCodec<>() {
    @Override
    public void write(StatsEncoding.Writer out, Key key) throws IOException {
      out.string(key.a());
      out.string(key.b());
      out.string(key.c());
      out.string(key.d());
      out.string(key.e());
    }

    @Override
    public Key read(StatsEncoding.Reader in) throws IOException {
      return new Key(in.string(), in.string(), in.string(), in.string(), in.string());
    }
  };

  private static final StatsEncoding.KeyCodec<LocalDate> DAYS = new StatsEncoding.KeyCodec<>() {
    @Override
    public void write(StatsEncoding.Writer out, LocalDate day) throws IOException {
      out.number(day.toEpochDay());
    }

    @Override
    public LocalDate read(StatsEncoding.Reader in) throws IOException {
      return LocalDate.ofEpochDay(in.number());
    }
  };

  /** @param referenceDate the date "overdue" is judged at; the backlog series ends there */
  public DashboardStatistics(LocalDate referenceDate) {
    this.referenceDate = Objects.requireNonNull(referenceDate, "referenceDate");
  }

  public void add(StatsDocument doc) {
    SubmissionDate date = submissionDate(doc.submitted());
    List<String> parties = doc.parties();
    addPeriods(doc, date, parties);
    doc.responseDays().ifPresent(days -> addReplyTime(doc, date, days));
    addSources("site", doc.sites(), date.year(), parties);
    addSources("outlet", doc.outlets(), date.year(), parties);
    addPartyPairs(doc, date.year());
    addOverdueEvents(doc);
  }

  /**
   * The labels of a submission date: made once per date, since formatting them for every document
   * cost more than the counting.
   */
  private record SubmissionDate(String year, String week, String weekStart, String month, String monthStart, String fortnightStart) {
    static SubmissionDate of(LocalDate date) {
      return new SubmissionDate(String.valueOf(date.getYear()), Periods.isoWeek(date), Periods.weekStart(date).toString(),
          Periods.month(date), date.withDayOfMonth(1).toString(), Periods.fortnightStart(date).toString());
    }
  }

  private SubmissionDate submissionDate(LocalDate date) {
    if (submissionDates == null) {
      submissionDates = new HashMap<>();
    }
    return submissionDates.computeIfAbsent(date, SubmissionDate::of);
  }

  private void addPeriods(StatsDocument doc, SubmissionDate date, List<String> parties) {
    addPeriods(doc, date, ALL);
    for (String party : parties) {
      addPeriods(doc, date, party);
    }
  }

  private void addPeriods(StatsDocument doc, SubmissionDate date, String party) {
    countSet(periods, new Key("week", date.week(), date.weekStart(), party, ""), QUESTIONS, doc.questions());
    countSet(periods, new Key("month", date.month(), date.monthStart(), party, ""), QUESTIONS, doc.questions());
  }

  private void addReplyTime(StatsDocument doc, SubmissionDate date, int days) {
    int bin = Math.min(days, HISTOGRAM_MAX_DAYS + 1);
    histograms.add(Key.of("all", ALL, ALL_YEARS), bin, 1);
    histograms.add(Key.of("all", ALL, date.year()), bin, 1);
    for (String ministry : Distinct.of(doc.ministries(), StatsDocument.Ministry::name)) {
      histograms.add(Key.of("ministry", ministry, ALL_YEARS), bin, 1);
    }
    for (String family : Distinct.of(doc.ministries(), StatsDocument.Ministry::family)) {
      histograms.add(Key.of("ministry_family", family, ALL_YEARS), bin, 1);
    }
    replyBySubmission.add(Key.of(date.fortnightStart(), String.valueOf(days / REPLY_BIN_DAYS)), 0, 1);
  }

  private void addSources(String kind, List<String> sources, String year, List<String> parties) {
    for (String source : Distinct.of(sources)) {
      long footnotes = 0;
      for (String cited : sources) {
        footnotes += cited.equals(source) ? 1 : 0;
      }
      countSet(citedSources, new Key(kind, source, "all", ALL, ALL_YEARS), FOOTNOTES, footnotes);
      countSet(citedSources, new Key(kind, source, "all", ALL, year), FOOTNOTES, footnotes);
      for (String party : parties) {
        countSet(citedSources, new Key(kind, source, "party", party, ALL_YEARS), FOOTNOTES, footnotes);
      }
    }
  }

  /** Counts one set under a key, and {@code amount} in its counter {@code index}, with one lookup. */
  private static void countSet(Counts<Key> counts, Key key, int index, long amount) {
    long[] values = counts.of(key);
    values[SETS] += 1;
    values[index] += amount;
  }

  private void addPartyPairs(StatsDocument doc, String year) {
    List<String> parties = doc.namedParties();
    for (int i = 0; i < parties.size(); i++) {
      for (int j = i + 1; j < parties.size(); j++) {
        partyPairs.add(Key.of(parties.get(i), parties.get(j), year), 0, 1);
        partyPairs.add(Key.of(parties.get(i), parties.get(j), ALL_YEARS), 0, 1);
      }
    }
  }

  /**
   * A set is overdue on each day after its deadline until the day it is answered. Recording only
   * the week it became overdue and the week it stopped keeps the backlog series a few counters per
   * week; the backlog itself is their running sum.
   */
  private void addOverdueEvents(StatsDocument doc) {
    LocalDate firstOverdueDay = doc.deadline().plusDays(1);
    if (firstOverdueDay.isAfter(referenceDate)) {
      return;
    }
    Optional<LocalDate> answered = doc.answeredOn();
    if (answered.isPresent() && !answered.get().isAfter(firstOverdueDay)) {
      return; // answered by the first day it would have been overdue
    }
    overdueWeeks.add(Periods.weekStart(firstOverdueDay), BECAME_OVERDUE, 1);
    if (answered.isPresent() && !answered.get().isAfter(referenceDate)) {
      overdueWeeks.add(Periods.weekStart(answered.get()), ANSWERED_LATE, 1);
    }
  }

  public void merge(DashboardStatistics other) {
    if (!referenceDate.equals(other.referenceDate)) {
      throw new IllegalArgumentException("cannot merge statistics of reference dates " + referenceDate + " and " + other.referenceDate);
    }
    periods.merge(other.periods);
    histograms.merge(other.histograms);
    replyBySubmission.merge(other.replyBySubmission);
    citedSources.merge(other.citedSources);
    partyPairs.merge(other.partyPairs);
    overdueWeeks.merge(other.overdueWeeks);
  }

  /** Writes every count, for {@link StatsEncoding}. */
  public void writeTo(StatsEncoding.Writer out) throws IOException {
    out.number(referenceDate.toEpochDay());
    periods.writeTo(out, KEYS);
    histograms.writeTo(out, KEYS);
    replyBySubmission.writeTo(out, KEYS);
    citedSources.writeTo(out, KEYS);
    partyPairs.writeTo(out, KEYS);
    overdueWeeks.writeTo(out, DAYS);
  }

  /** Reads what {@link #writeTo} wrote. */
  public static DashboardStatistics readFrom(StatsEncoding.Reader in) throws IOException {
    DashboardStatistics stats = new DashboardStatistics(LocalDate.ofEpochDay(in.number()));
    stats.periods.readFrom(in, KEYS);
    stats.histograms.readFrom(in, KEYS);
    stats.replyBySubmission.readFrom(in, KEYS);
    stats.citedSources.readFrom(in, KEYS);
    stats.partyPairs.readFrom(in, KEYS);
    stats.overdueWeeks.readFrom(in, DAYS);
    return stats;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DashboardStatistics other
        && referenceDate.equals(other.referenceDate)
        && periods.equals(other.periods)
        && histograms.equals(other.histograms)
        && replyBySubmission.equals(other.replyBySubmission)
        && citedSources.equals(other.citedSources)
        && partyPairs.equals(other.partyPairs)
        && overdueWeeks.equals(other.overdueWeeks);
  }

  @Override
  public int hashCode() {
    return Objects.hash(referenceDate, periods, histograms);
  }

  // ---- results --------------------------------------------------------------------------

  /** Question sets and questions submitted in one week or month, overall or for one party. */
  public record PeriodCount(String periodType, String period, LocalDate periodStart, String party, long questionSets, long questions) {}

  /** One bin of a reply-time histogram; {@code daysTo} is empty for the overflow bin. */
  public record HistogramBin(String dimension, String value, Optional<Integer> year, int daysFrom, Optional<Integer> daysTo, long questionSets, double share) {}

  /** Answered sets submitted in a 14-day bin whose reply time falls in a 3-day bin. */
  public record ReplyCell(LocalDate submittedFrom, LocalDate submittedTo, int daysFrom, int daysTo, long questionSets) {}

  /** How often a site or outlet is cited, overall (per year and over all years) or per party. */
  public record SourceCount(String kind, String source, String dimension, String value, Optional<Integer> year, long footnotes, long questionSets) {}

  /** Question sets signed by members of two parties together. */
  public record PartyPair(String partyA, String partyB, Optional<Integer> year, long questionSets) {}

  /** The overdue backlog at the end of a week (or at the reference date, in its week). */
  public record OverdueWeek(String week, LocalDate weekStart, LocalDate asOf, long overdue, long becameOverdue, long answeredLate) {}

  public List<PeriodCount> periodCounts() {
    List<PeriodCount> rows = new ArrayList<>();
    periods.forEach((k, v) -> rows.add(new PeriodCount(k.a(), k.b(), LocalDate.parse(k.c()), k.d(), v[SETS], v[QUESTIONS])));
    return rows;
  }

  /** Every bin of every histogram, empty bins included, so charts need not fill gaps. */
  public List<HistogramBin> histogramBins() {
    List<HistogramBin> rows = new ArrayList<>();
    histograms.forEach((k, bins) -> {
      long total = 0;
      for (long count : bins) {
        total += count;
      }
      for (int day = 0; day < bins.length; day++) {
        Optional<Integer> to = day <= HISTOGRAM_MAX_DAYS ? Optional.of(day) : Optional.empty();
        rows.add(new HistogramBin(k.a(), k.b(), yearOf(k.c()), day, to, bins[day], ArchiveStatistics.share(bins[day], total)));
      }
    });
    return rows;
  }

  public List<ReplyCell> replyCells() {
    List<ReplyCell> rows = new ArrayList<>();
    replyBySubmission.forEach((k, v) -> {
      LocalDate from = LocalDate.parse(k.a());
      int bin = Integer.parseInt(k.b());
      rows.add(new ReplyCell(from, from.plusDays(Periods.FORTNIGHT_DAYS - 1), bin * REPLY_BIN_DAYS, bin * REPLY_BIN_DAYS + REPLY_BIN_DAYS - 1, v[0]));
    });
    return rows;
  }

  public List<SourceCount> sourceCounts() {
    List<SourceCount> rows = new ArrayList<>();
    citedSources.forEach((k, v) -> rows.add(new SourceCount(k.a(), k.b(), k.c(), k.d(), yearOf(k.e()), v[FOOTNOTES], v[SETS])));
    return rows;
  }

  public List<PartyPair> partyPairs() {
    List<PartyPair> rows = new ArrayList<>();
    partyPairs.forEach((k, v) -> rows.add(new PartyPair(k.a(), k.b(), yearOf(k.c()), v[0])));
    return rows;
  }

  private static Optional<Integer> yearOf(String keyPart) {
    return keyPart.equals(ALL_YEARS) ? Optional.empty() : Optional.of(Integer.parseInt(keyPart));
  }

  /** One row per week from the first week anything became overdue to the reference date's week. */
  public List<OverdueWeek> overdueWeeks() {
    TreeMap<LocalDate, long[]> byWeek = new TreeMap<>(overdueWeeks.asMap());
    List<OverdueWeek> rows = new ArrayList<>();
    if (byWeek.isEmpty()) {
      return rows;
    }
    LocalDate lastWeek = Periods.weekStart(referenceDate);
    long backlog = 0;
    for (LocalDate week = byWeek.firstKey(); !week.isAfter(lastWeek); week = week.plusWeeks(1)) {
      long[] events = byWeek.getOrDefault(week, new long[2]);
      backlog += events[BECAME_OVERDUE] - events[ANSWERED_LATE];
      LocalDate weekEnd = week.plusDays(6);
      rows.add(new OverdueWeek(Periods.isoWeek(week), week, weekEnd.isAfter(referenceDate) ? referenceDate : weekEnd,
          backlog, events[BECAME_OVERDUE], events[ANSWERED_LATE]));
    }
    return rows;
  }
}
