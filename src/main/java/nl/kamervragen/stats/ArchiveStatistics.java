package nl.kamervragen.stats;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
  public static final List<String> DIMENSIONS =
      List.of("all", "ministry", "ministry_family", "answerer", "party", "member", "topic", "month");

  /** The dimensions whose values are people: grouped by person key ({@link StatsDocument.Member#personKey}). */
  public static final Set<String> PERSON_DIMENSIONS = Set.of("answerer", "member");

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
    List<String> parties = doc.parties();
    // Members and answerers by person: two names of one person in a set count the set once.
    List<String> members = Distinct.of(doc.submitters(), StatsDocument.Member::personKey);
    List<String> answerers = Distinct.of(doc.answerers(), StatsDocument.Member::personKey);
    List<String> ministries = Distinct.of(doc.ministries(), StatsDocument.Ministry::name);
    List<String> families = Distinct.of(doc.ministries(), StatsDocument.Ministry::family);
    List<String> topics = Distinct.of(doc.topics());

    for (Integer y : yearAndAllYears(year)) {
      addResponse("all", ALL, y, doc);
      addResponses("ministry", ministries, y, doc);
      addResponses("ministry_family", families, y, doc);
      addResponses("answerer", answerers, y, doc);
      addResponses("party", parties, y, doc);
      addResponses("member", members, y, doc);
      addResponses("topic", topics, y, doc);

      setsPerYear.merge(y, 1L, Long::sum);
      for (String party : parties) {
        PartyGroup group = partyYear.computeIfAbsent(new YearKey(party, y), k -> new PartyGroup());
        group.sets++;
        group.questions += doc.questions();
        for (StatsDocument.Member m : doc.submitters()) {
          if (m.partyLabel().equals(party)) {
            group.members.add(m.personKey());
          }
        }
      }
      for (String topic : topics) {
        topicYear.merge(new YearKey(topic, y), 1L, Long::sum);
      }
    }
    addResponse("month", Periods.month(doc.submitted()), year, doc);
    for (String topic : topics) {
      for (String party : parties) {
        topicParty.merge(new GroupKey(topic, party), 1L, Long::sum);
      }
    }
    totals.add(doc);
  }

  /** The submission year, then null for "all years": every per-year count also goes into the total. */
  static List<Integer> yearAndAllYears(int year) {
    return Arrays.asList(year, null);
  }

  private void addResponses(String dimension, List<String> values, Integer year, StatsDocument doc) {
    for (String value : values) {
      addResponse(dimension, value, year, doc);
    }
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

  /** Writes every group, for {@link StatsEncoding}. */
  public void writeTo(StatsEncoding.Writer out) throws IOException {
    out.number(responseTime.size());
    for (Map.Entry<ResponseKey, ResponseGroup> e : responseTime.entrySet()) {
      out.string(e.getKey().dimension());
      out.string(e.getKey().value());
      out.year(e.getKey().year());
      e.getValue().writeTo(out);
    }
    out.number(partyYear.size());
    for (Map.Entry<YearKey, PartyGroup> e : partyYear.entrySet()) {
      writeKey(out, e.getKey());
      e.getValue().writeTo(out);
    }
    out.number(topicYear.size());
    for (Map.Entry<YearKey, Long> e : topicYear.entrySet()) {
      writeKey(out, e.getKey());
      out.number(e.getValue());
    }
    out.number(topicParty.size());
    for (Map.Entry<GroupKey, Long> e : topicParty.entrySet()) {
      out.string(e.getKey().first());
      out.string(e.getKey().second());
      out.number(e.getValue());
    }
    out.number(setsPerYear.size());
    for (Map.Entry<Integer, Long> e : setsPerYear.entrySet()) {
      out.year(e.getKey());
      out.number(e.getValue());
    }
    for (long value : totals.values()) {
      out.number(value);
    }
  }

  /** Reads what {@link #writeTo} wrote. */
  public static ArchiveStatistics readFrom(StatsEncoding.Reader in) throws IOException {
    ArchiveStatistics stats = new ArchiveStatistics();
    for (int n = in.count(); n > 0; n--) {
      stats.responseTime.put(new ResponseKey(in.string(), in.string(), in.year()), ResponseGroup.readFrom(in));
    }
    for (int n = in.count(); n > 0; n--) {
      stats.partyYear.put(readKey(in), PartyGroup.readFrom(in));
    }
    for (int n = in.count(); n > 0; n--) {
      stats.topicYear.put(readKey(in), in.number());
    }
    for (int n = in.count(); n > 0; n--) {
      stats.topicParty.put(new GroupKey(in.string(), in.string()), in.number());
    }
    for (int n = in.count(); n > 0; n--) {
      stats.setsPerYear.put(in.year(), in.number());
    }
    stats.totals.readFrom(in);
    return stats;
  }

  private static void writeKey(StatsEncoding.Writer out, YearKey key) throws IOException {
    out.string(key.value());
    out.year(key.year());
  }

  private static YearKey readKey(StatsEncoding.Reader in) throws IOException {
    return new YearKey(in.string(), in.year());
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
    return Objects.hash(responseTime.size(), partyYear.size(), topicYear.size(), totals.documents());
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
}
