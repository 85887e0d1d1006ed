package nl.kamervragen.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.kamervragen.model.Kamervraag;
import nl.kamervragen.model.Postponement;
import nl.kamervragen.parse.TestDocuments;
import org.junit.jupiter.api.Test;

class StatisticsTest {

  @Test
  void percentilesAreNearestRankOnWholeDays() {
    DayHistogram h = new DayHistogram();
    for (int d : new int[] {15, 20, 35, 40, 50}) {
      h.add(d);
    }
    assertEquals(35, h.percentile(50));
    assertEquals(20, h.percentile(40));
    assertEquals(40, h.percentile(75));
    assertEquals(50, h.percentile(90));
    assertEquals(15, h.percentile(1));
    assertEquals(50, h.max());
    assertEquals(32.0, h.mean());
    assertEquals(2, h.countAtMost(21));
  }

  @Test
  void tinyGroupsHaveExactPercentiles() {
    DayHistogram one = new DayHistogram();
    one.add(7);
    assertEquals(7, one.percentile(50));
    assertEquals(7, one.percentile(90));
    DayHistogram two = new DayHistogram();
    two.add(3);
    two.add(1000);
    assertEquals(3, two.percentile(50), "rank ceil(0.5*2)=1");
    assertEquals(1000, two.percentile(75));
    assertThrows(IllegalStateException.class, () -> new DayHistogram().percentile(50));
    assertThrows(IllegalArgumentException.class, () -> two.add(-1));
  }

  @Test
  void aHistogramSurvivesItsEncodingWithOnlyItsDays() throws Exception {
    DayHistogram h = new DayHistogram();
    for (int d : new int[] {0, 3, 3, 21, 400, 1500}) {
      h.add(d);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    h.writeTo(new StatsEncoding.Writer(bytes));
    assertTrue(bytes.size() < 24, "sparse: " + bytes.size() + " bytes, not one counter per day up to 1500");
    DayHistogram back = DayHistogram.readFrom(new StatsEncoding.Reader(new ByteArrayInputStream(bytes.toByteArray())));
    assertEquals(h, back);
    assertEquals(1500, back.max());
    assertEquals(3, back.percentile(50));
    back.add(2000);
    assertEquals(2000, back.max());
  }

  @Test
  void mergingHistogramsEqualsAddingAll() {
    DayHistogram a = new DayHistogram();
    DayHistogram b = new DayHistogram();
    DayHistogram all = new DayHistogram();
    for (int i = 0; i < 500; i++) {
      int d = (i * 37) % 400;
      (i % 2 == 0 ? a : b).add(d);
      all.add(d);
    }
    a.merge(b);
    for (double p : new double[] {10, 50, 75, 90, 100}) {
      assertEquals(all.percentile(p), a.percentile(p));
    }
    assertEquals(all.mean(), a.mean());
  }

  @Test
  void deadlinesAre21DaysOr42AfterAPostponement() {
    Kamervraag seed = TestDocuments.parsedResource("seed.txt");
    Deadlines.Facts answered = Deadlines.of(seed, LocalDate.of(2030, 1, 1));
    assertEquals(Optional.of(21), answered.responseDays());
    assertEquals(Optional.of(true), answered.onTime());
    assertEquals(LocalDate.of(2011, 10, 14), answered.deadline());
    assertEquals(false, answered.overdue());

    Kamervraag open = withoutAnswer(seed, List.of());
    Deadlines.Facts early = Deadlines.of(open, LocalDate.of(2011, 10, 14));
    assertEquals(Optional.of(21), early.openDays());
    assertEquals(false, early.overdue());
    Deadlines.Facts late = Deadlines.of(open, LocalDate.of(2011, 10, 15));
    assertEquals(true, late.overdue());
    assertEquals(Optional.of(1), late.overdueDays());

    Kamervraag postponed = withoutAnswer(seed, List.of(new Postponement(Optional.empty(), "uitstel")));
    Deadlines.Facts stillInTime = Deadlines.of(postponed, LocalDate.of(2011, 10, 15));
    assertEquals(42, stillInTime.deadlineDays());
    assertEquals(false, stillInTime.overdue());
  }

  private static Kamervraag withoutAnswer(Kamervraag d, List<Postponement> postponements) {
    return new Kamervraag(d.caseNumber(), d.layout(), d.title(), d.submitted(), Optional.empty(), Optional.empty(),
        d.submitters(), List.of(), d.topics(), d.questionUrl(), Optional.empty(), d.questionId(), d.questionFullTitle(),
        Optional.empty(), Optional.empty(), Optional.empty(), d.footnotes(), d.questions(), postponements, d.truncated(), d.warnings());
  }

  private static StatsDocument doc(LocalDate submitted, Integer days, boolean overdue, List<StatsDocument.Member> members, List<String> topics) {
    boolean answered = days != null;
    return new StatsDocument(submitted, answered, Optional.ofNullable(days), Optional.ofNullable(days).map(d -> d <= 21),
        overdue, 3, members, answered ? List.of(m("Minister A", null)) : List.of(), answered ? List.of(new StatsDocument.Ministry("financiën", "financiën", true)) : List.of(), topics, 0, false, 0,
        Optional.ofNullable(days).map(submitted::plusDays), submitted.plusDays(21), List.of(), List.of());
  }

  private static StatsDocument.Member m(String name, String party) {
    return new StatsDocument.Member(name, Optional.ofNullable(party));
  }

  @Test
  void multiPartySetsCountOnceForEachPartyAndSharesUseTheYearsSets() {
    ArchiveStatistics stats = new ArchiveStatistics();
    stats.add(doc(LocalDate.of(2020, 1, 5), 10, false, List.of(m("An", "SP"), m("Bo", "GL"), m("Cy", "SP")), List.of("zorg")));
    stats.add(doc(LocalDate.of(2020, 6, 1), 30, false, List.of(m("An", "SP")), List.of("zorg", "wonen")));
    stats.add(doc(LocalDate.of(2021, 2, 1), null, true, List.of(m("Dee", null)), List.of("wonen")));

    Map<String, ArchiveStatistics.PartyCount> parties =
        stats.partyCounts().stream().collect(Collectors.toMap(p -> p.party() + "/" + yearLabel(p.year()), Function.identity()));
    assertEquals(new ArchiveStatistics.PartyCount("SP", Optional.of(2020), 2, 6, 2, 1.0), parties.get("SP/2020"));
    assertEquals(new ArchiveStatistics.PartyCount("GL", Optional.of(2020), 1, 3, 1, 0.5), parties.get("GL/2020"));
    assertEquals(new ArchiveStatistics.PartyCount("(none)", Optional.of(2021), 1, 3, 1, 1.0), parties.get("(none)/2021"));
    assertEquals(new ArchiveStatistics.PartyCount("SP", Optional.empty(), 2, 6, 2, 0.6667), parties.get("SP/all years"));
    assertEquals(6, parties.size());

    Map<String, Long> topicYear =
        stats.topicCounts().stream().collect(Collectors.toMap(t -> t.topic() + "/" + yearLabel(t.year()), ArchiveStatistics.TopicCount::questionSets));
    assertEquals(Map.of("zorg/2020", 2L, "zorg/all years", 2L, "wonen/2020", 1L, "wonen/2021", 1L, "wonen/all years", 2L), topicYear);

    Map<String, Long> topicParty =
        stats.topicPartyCounts().stream().collect(Collectors.toMap(t -> t.topic() + "/" + t.party(), ArchiveStatistics.TopicPartyCount::questionSets));
    assertEquals(Map.of("zorg/SP", 2L, "zorg/GL", 1L, "wonen/SP", 1L, "wonen/(none)", 1L), topicParty);
  }

  @Test
  void responseTimeCountsOpenOverdueAndTimedSets() {
    ArchiveStatistics stats = new ArchiveStatistics();
    stats.add(doc(LocalDate.of(2020, 1, 5), 10, false, List.of(m("An", "SP")), List.of()));
    stats.add(doc(LocalDate.of(2020, 1, 6), 30, false, List.of(m("An", "SP")), List.of()));
    stats.add(doc(LocalDate.of(2020, 1, 7), 50, false, List.of(m("Bo", "SP")), List.of()));
    stats.add(doc(LocalDate.of(2020, 2, 7), null, true, List.of(m("Bo", "SP")), List.of()));
    stats.add(doc(LocalDate.of(2020, 2, 8), null, false, List.of(m("Bo", "SP")), List.of()));
    // Answered, but the answer is dated before the question: counted, not timed.
    stats.add(new StatsDocument(LocalDate.of(2020, 2, 9), true, Optional.empty(), Optional.empty(), false, 1,
        List.of(m("Bo", "SP")), List.of(), List.of(), List.of(), 1, false, 0,
        Optional.of(LocalDate.of(2020, 2, 1)), LocalDate.of(2020, 3, 1), List.of(), List.of()));

    Map<String, ArchiveStatistics.ResponseTime> rows =
        stats.responseTimes().stream().collect(Collectors.toMap(r -> r.dimension() + "/" + r.value() + "/" + yearLabel(r.year()), Function.identity()));
    ArchiveStatistics.ResponseTime all = rows.get("all/all/all years");
    assertEquals(
        new ArchiveStatistics.ResponseTime("all", "all", Optional.empty(), 6, 4, 2, 1, 3, Optional.of(30.0), Optional.of(30), Optional.of(50),
            Optional.of(50), Optional.of(50), Optional.of(0.3333), Optional.of(0.6667), Optional.of(0.3333)),
        all);
    assertEquals(all.documents(), rows.get("all/all/2020").documents(), "one year: its row holds what the all-years row holds");
    ArchiveStatistics.ResponseTime february = rows.get("month/2020-02/2020");
    assertEquals(3, february.documents());
    assertEquals(0, february.timed());
    assertEquals(Optional.empty(), february.medianDays());
    assertEquals(null, rows.get("month/2020-02/all years"), "a month's one row has its year");
    // Members are grouped by person key: the slug of "An".
    assertEquals(Optional.of(10), rows.get("member/an/all years").medianDays(), "rank ceil(0.5 * 2) = 1 of [10, 30]");
    assertEquals(Optional.of(10), rows.get("member/an/2020").medianDays());
    assertEquals(3, rows.get("ministry/financiën/all years").documents(), "only answered sets name a ministry here");
    assertEquals(rows.keySet().stream().filter(k -> !k.startsWith("month/")).count(),
        2 * rows.keySet().stream().filter(k -> k.endsWith("/all years")).count(), "every other value has a year row and an all-years row");
    assertEquals(4, stats.totals().answered());
    assertEquals(1, stats.totals().untimed());
    assertEquals(1, stats.totals().overdue());
  }

  @Test
  void mergedStatisticsEqualOneBigRun() {
    ArchiveStatistics one = new ArchiveStatistics();
    ArchiveStatistics left = new ArchiveStatistics();
    ArchiveStatistics right = new ArchiveStatistics();
    for (int i = 0; i < 40; i++) {
      StatsDocument d = doc(LocalDate.of(2015 + i % 3, 1 + i % 12, 1), i % 5 == 0 ? null : i * 3, i % 7 == 0,
          List.of(m("M" + i % 4, i % 3 == 0 ? null : "P" + i % 2)), List.of("t" + i % 5));
      one.add(d);
      (i < 17 ? left : right).add(d);
    }
    left.merge(right);
    assertEquals(one, left);
    assertEquals(sorted(one.responseTimes()), sorted(left.responseTimes()));
    assertEquals(sorted(one.partyCounts()), sorted(left.partyCounts()));
    assertEquals(sorted(one.topicCounts()), sorted(left.topicCounts()));
  }

  private static String yearLabel(Optional<Integer> year) {
    return year.map(String::valueOf).orElse("all years");
  }

  private static <T> List<String> sorted(List<T> rows) {
    return rows.stream().map(Object::toString).sorted().toList();
  }
}
