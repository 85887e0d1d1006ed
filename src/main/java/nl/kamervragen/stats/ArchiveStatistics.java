package nl.kamervragen.stats;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The aggregate statistics of an archive, built one question set at a time and mergeable, so a
 * runner can combine partial results from many workers. Memory grows with the number of distinct
 * groups (parties, members, topics, months), never with the number of documents.
 */
public final class ArchiveStatistics implements Serializable {

  /** The value of dimension {@code all} in the response-time table. */
  public static final String ALL = "all";

  /**
   * The dimensions of the response-time table, in documentation order. Each has a row per value and
   * submission year and one per value over all years, except {@code month}, whose rows each cover
   * one month of one year.
   */
  public static final List<String> DIMENSIONS = List.of("all", "ministry", "answerer", "party", "member", "topic", "month");

  private final Map<ResponseKey, ResponseGroup> responseTime = new HashMap<>();
  private final Map<YearKey, PartyGroup> partyYear = new HashMap<>();
  private final Map<YearKey, Long> topicYear = new HashMap<>();
  private final Map<GroupKey, Long> topicParty = new HashMap<>();
  private final Map<Integer, Long> setsPerYear = new HashMap<>();
  private final Totals totals = new Totals();

  /** A pair of strings used as a group key. */
  record GroupKey(String first, String second) implements Serializable {}

  /** A value in one submission year, or over all years ({@code year} null). */
  record YearKey(String value, Integer year) implements Serializable {}

  /** A group of the response-time table. */
  record ResponseKey(String dimension, String value, Integer year) implements Serializable {}

  public void add(StatsDocument doc) {
    int year = doc.submitted().getYear();
    String month = Periods.month(doc.submitted());
    List<String> parties = doc.parties();
    List<String> members = doc.submitters().stream().map(StatsDocument.Member::name).distinct().toList();
    List<String> topics = doc.topics().stream().distinct().toList();

    for (Integer y : yearAndAllYears(year)) {
      addResponse("all", ALL, y, doc);
      doc.ministries().stream().distinct().forEach(m -> addResponse("ministry", m, y, doc));
      doc.answerers().stream().distinct().forEach(a -> addResponse("answerer", a, y, doc));
      parties.forEach(p -> addResponse("party", p, y, doc));
      members.forEach(m -> addResponse("member", m, y, doc));
      topics.forEach(t -> addResponse("topic", t, y, doc));

      setsPerYear.merge(y, 1L, Long::sum);
      for (String party : parties) {
        PartyGroup group = partyYear.computeIfAbsent(new YearKey(party, y), k -> new PartyGroup());
        group.sets++;
        group.questions += doc.questions();
        doc.submitters().stream()
            .filter(m -> m.partyLabel().equals(party))
            .forEach(m -> group.members.add(m.name()));
      }
      topics.forEach(t -> topicYear.merge(new YearKey(t, y), 1L, Long::sum));
    }
    addResponse("month", month, year, doc);
    for (String topic : topics) {
      parties.forEach(p -> topicParty.merge(new GroupKey(topic, p), 1L, Long::sum));
    }
    totals.add(doc);
  }

  /** The submission year, then null for "all years": every per-year count also goes into the total. */
  static List<Integer> yearAndAllYears(int year) {
    return Arrays.asList(year, null);
  }

  private void addResponse(String dimension, String value, Integer year, StatsDocument doc) {
    responseTime.computeIfAbsent(new ResponseKey(dimension, value, year), k -> new ResponseGroup()).add(doc);
  }

  public void merge(ArchiveStatistics other) {
    other.responseTime.forEach((k, v) -> responseTime.computeIfAbsent(k, x -> new ResponseGroup()).merge(v));
    other.partyYear.forEach((k, v) -> partyYear.computeIfAbsent(k, x -> new PartyGroup()).merge(v));
    other.topicYear.forEach((k, v) -> topicYear.merge(k, v, Long::sum));
    other.topicParty.forEach((k, v) -> topicParty.merge(k, v, Long::sum));
    other.setsPerYear.forEach((k, v) -> setsPerYear.merge(k, v, Long::sum));
    totals.merge(other.totals);
  }

  /** Equal when every group holds the same counts; lets runners check encodings. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ArchiveStatistics other
        && responseTime.equals(other.responseTime)
        && partyYear.equals(other.partyYear)
        && topicYear.equals(other.topicYear)
        && topicParty.equals(other.topicParty)
        && setsPerYear.equals(other.setsPerYear)
        && totals.equals(other.totals);
  }

  @Override
  public int hashCode() {
    return Objects.hash(responseTime.size(), partyYear.size(), topicYear.size(), totals.documents);
  }

  // ---- results --------------------------------------------------------------------------

  /** One row of the response-time table. */
  public record ResponseTime(
      String dimension,
      String value,
      Optional<Integer> year,
      long documents,
      long answered,
      long open,
      long overdue,
      long timed,
      Optional<Double> meanDays,
      Optional<Integer> medianDays,
      Optional<Integer> p75Days,
      Optional<Integer> p90Days,
      Optional<Integer> maxDays,
      Optional<Double> within21Share,
      Optional<Double> within42Share,
      Optional<Double> onTimeShare) {}

  /** One row of the questions-per-party table. */
  public record PartyCount(String party, Optional<Integer> year, long questionSets, long questions, long members, double share) {}

  /** One row of the topic-frequency table. */
  public record TopicCount(String topic, Optional<Integer> year, long questionSets, double share) {}

  /** One row of the topic-party table. */
  public record TopicPartyCount(String topic, String party, long questionSets) {}

  public List<ResponseTime> responseTimes() {
    List<ResponseTime> rows = new ArrayList<>();
    responseTime.forEach((key, group) -> rows.add(group.result(key.dimension(), key.value(), Optional.ofNullable(key.year()))));
    return rows;
  }

  public List<PartyCount> partyCounts() {
    List<PartyCount> rows = new ArrayList<>();
    partyYear.forEach(
        (key, group) ->
            rows.add(
                new PartyCount(
                    key.value(),
                    Optional.ofNullable(key.year()),
                    group.sets,
                    group.questions,
                    group.members.size(),
                    share(group.sets, setsPerYear.get(key.year())))));
    return rows;
  }

  public List<TopicCount> topicCounts() {
    List<TopicCount> rows = new ArrayList<>();
    topicYear.forEach(
        (key, sets) ->
            rows.add(new TopicCount(key.value(), Optional.ofNullable(key.year()), sets, share(sets, setsPerYear.get(key.year())))));
    return rows;
  }

  public List<TopicPartyCount> topicPartyCounts() {
    List<TopicPartyCount> rows = new ArrayList<>();
    topicParty.forEach((key, sets) -> rows.add(new TopicPartyCount(key.first(), key.second(), sets)));
    return rows;
  }

  public Totals totals() {
    return totals;
  }

  static double share(long part, long whole) {
    return round(whole == 0 ? 0 : (double) part / whole, 4);
  }

  static double round(double value, int decimals) {
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
  }

  // ---- groups ---------------------------------------------------------------------------

  /** Counts over all documents, for the run summary. */
  public static final class Totals implements Serializable {
    private long documents;
    private long answered;
    private long open;
    private long overdue;
    private long untimed;
    private long withWarnings;
    private long warnings;
    private long truncated;
    private long unknownTopics;

    void add(StatsDocument doc) {
      documents++;
      if (doc.answered()) {
        answered++;
        if (doc.responseDays().isEmpty()) {
          untimed++;
        }
      } else {
        open++;
      }
      if (doc.overdue()) {
        overdue++;
      }
      if (doc.warnings() > 0) {
        withWarnings++;
      }
      warnings += doc.warnings();
      if (doc.truncated()) {
        truncated++;
      }
      unknownTopics += doc.unknownTopics();
    }

    void merge(Totals o) {
      documents += o.documents;
      answered += o.answered;
      open += o.open;
      overdue += o.overdue;
      untimed += o.untimed;
      withWarnings += o.withWarnings;
      warnings += o.warnings;
      truncated += o.truncated;
      unknownTopics += o.unknownTopics;
    }

    private long[] values() {
      return new long[] {documents, answered, open, overdue, untimed, withWarnings, warnings, truncated, unknownTopics};
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Totals other && Arrays.equals(values(), other.values());
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values());
    }

    public long documents() {
      return documents;
    }

    public long answered() {
      return answered;
    }

    public long open() {
      return open;
    }

    public long overdue() {
      return overdue;
    }

    /** Answered documents left out of response-time statistics (answer dated before question). */
    public long untimed() {
      return untimed;
    }

    public long documentsWithWarnings() {
      return withWarnings;
    }

    public long warnings() {
      return warnings;
    }

    public long truncated() {
      return truncated;
    }

    public long unknownTopics() {
      return unknownTopics;
    }
  }

  private static final class ResponseGroup implements Serializable {
    long documents;
    long answered;
    long open;
    long overdue;
    long onTime;
    final DayHistogram days = new DayHistogram();

    void add(StatsDocument doc) {
      documents++;
      if (doc.answered()) {
        answered++;
      } else {
        open++;
      }
      if (doc.overdue()) {
        overdue++;
      }
      doc.responseDays()
          .ifPresent(
              d -> {
                days.add(d);
                onTime += doc.onTime().orElse(false) ? 1 : 0;
              });
    }

    void merge(ResponseGroup o) {
      documents += o.documents;
      answered += o.answered;
      open += o.open;
      overdue += o.overdue;
      onTime += o.onTime;
      days.merge(o.days);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ResponseGroup other
          && documents == other.documents
          && answered == other.answered
          && open == other.open
          && overdue == other.overdue
          && onTime == other.onTime
          && days.equals(other.days);
    }

    @Override
    public int hashCode() {
      return Objects.hash(documents, answered, open, overdue, onTime);
    }

    ResponseTime result(String dimension, String value, Optional<Integer> year) {
      long timed = days.count();
      if (timed == 0) {
        return new ResponseTime(dimension, value, year, documents, answered, open, overdue, 0,
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());
      }
      return new ResponseTime(
          dimension,
          value,
          year,
          documents,
          answered,
          open,
          overdue,
          timed,
          Optional.of(round(days.mean(), 2)),
          Optional.of(days.percentile(50)),
          Optional.of(days.percentile(75)),
          Optional.of(days.percentile(90)),
          Optional.of(days.max()),
          Optional.of(share(days.countAtMost(Deadlines.DEADLINE_DAYS), timed)),
          Optional.of(share(days.countAtMost(Deadlines.POSTPONED_DEADLINE_DAYS), timed)),
          Optional.of(share(onTime, timed)));
    }
  }

  private static final class PartyGroup implements Serializable {
    long sets;
    long questions;
    final Set<String> members = new HashSet<>();

    void merge(PartyGroup o) {
      sets += o.sets;
      questions += o.questions;
      members.addAll(o.members);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PartyGroup other && sets == other.sets && questions == other.questions && members.equals(other.members);
    }

    @Override
    public int hashCode() {
      return Objects.hash(sets, questions, members);
    }
  }
}
