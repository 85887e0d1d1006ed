package nl.kamervragen.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.kamervragen.ministry.MinistryFamilies;
import nl.kamervragen.stats.DashboardStatistics.OverdueWeek;
import nl.kamervragen.stats.DashboardStatistics.PartyPair;
import nl.kamervragen.stats.DashboardStatistics.SourceCount;
import org.junit.jupiter.api.Test;

class DashboardStatisticsTest {

  private static final LocalDate REFERENCE = LocalDate.of(2024, 3, 6); // a Wednesday
  private static final MinistryFamilies FAMILIES = MinistryFamilies.standard();

  /** A set submitted on a date, answered after {@code days} (or open when null), 21-day deadline. */
  private static StatsDocument doc(LocalDate submitted, Integer days, List<StatsDocument.Member> members, List<String> ministries,
      List<String> sites, List<String> outlets) {
    Optional<Integer> responseDays = Optional.ofNullable(days);
    List<StatsDocument.Ministry> withFamilies = ministries.stream()
        .map(m -> new StatsDocument.Ministry(m, FAMILIES.familyOrSelf(m), FAMILIES.familyOf(m).isPresent())).toList();
    return new StatsDocument(submitted, days != null, responseDays, responseDays.map(d -> d <= 21), false, 2, members,
        List.of(), withFamilies, List.of(), 0, false, 0, responseDays.map(submitted::plusDays), submitted.plusDays(21), sites, outlets);
  }

  private static StatsDocument doc(LocalDate submitted, Integer days, String... parties) {
    List<StatsDocument.Member> members = java.util.Arrays.stream(parties)
        .map(p -> new StatsDocument.Member("lid " + p, Optional.ofNullable(p.isEmpty() ? null : p))).toList();
    return doc(submitted, days, members, List.of(), List.of(), List.of());
  }

  @Test
  void weeksAndMonthsCountEachSetOnceOverallAndOnceForEachParty() {
    DashboardStatistics stats = new DashboardStatistics(REFERENCE);
    stats.add(doc(LocalDate.of(2024, 1, 1), 10, "SP", "GL"));   // ISO week 2024-W01
    stats.add(doc(LocalDate.of(2023, 12, 31), 10, "SP"));       // a Sunday: ISO week 2023-W52
    stats.add(doc(LocalDate.of(2024, 1, 7), 10, "SP", "SP"));   // a Sunday: still 2024-W01

    Map<String, DashboardStatistics.PeriodCount> rows = stats.periodCounts().stream()
        .collect(Collectors.toMap(r -> r.periodType() + "/" + r.period() + "/" + r.party(), Function.identity()));
    assertEquals(new DashboardStatistics.PeriodCount("week", "2024-W01", LocalDate.of(2024, 1, 1), "all", 2, 4), rows.get("week/2024-W01/all"));
    assertEquals(2, rows.get("week/2024-W01/SP").questionSets());
    assertEquals(1, rows.get("week/2024-W01/GL").questionSets());
    assertEquals(LocalDate.of(2023, 12, 25), rows.get("week/2023-W52/all").periodStart());
    assertEquals(2, rows.get("month/2024-01/all").questionSets());
    assertEquals(1, rows.get("month/2023-12/SP").questionSets());
    assertEquals(LocalDate.of(2024, 1, 1), rows.get("month/2024-01/GL").periodStart());
    assertEquals(10, rows.size());
  }

  @Test
  void histogramsHaveEveryDayBinAndAnOverflowBin() {
    DashboardStatistics stats = new DashboardStatistics(REFERENCE);
    stats.add(doc(LocalDate.of(2020, 1, 6), 0, List.of(), List.of("financiën"), List.of(), List.of()));
    stats.add(doc(LocalDate.of(2020, 1, 6), 21, List.of(), List.of("financiën", "defensie"), List.of(), List.of()));
    stats.add(doc(LocalDate.of(2021, 1, 6), 100, List.of(), List.of(), List.of(), List.of()));
    stats.add(doc(LocalDate.of(2021, 1, 6), 101, List.of(), List.of(), List.of(), List.of()));
    stats.add(doc(LocalDate.of(2021, 1, 6), 400, List.of(), List.of(), List.of(), List.of()));
    stats.add(doc(LocalDate.of(2021, 1, 6), null, List.of(), List.of("financiën"), List.of(), List.of())); // open: not timed

    List<DashboardStatistics.HistogramBin> all = stats.histogramBins().stream().filter(b -> b.dimension().equals("all") && b.year().isEmpty()).toList();
    assertEquals(102, all.size());
    Map<Integer, Long> nonEmpty = all.stream().filter(b -> b.questionSets() > 0)
        .collect(Collectors.toMap(DashboardStatistics.HistogramBin::daysFrom, DashboardStatistics.HistogramBin::questionSets));
    assertEquals(Map.of(0, 1L, 21, 1L, 100, 1L, 101, 2L), nonEmpty);
    DashboardStatistics.HistogramBin overflow = all.stream().filter(b -> b.daysFrom() == 101).findFirst().orElseThrow();
    assertEquals(Optional.empty(), overflow.daysTo());
    assertEquals(0.4, overflow.share());

    Map<String, Long> perGroup = stats.histogramBins().stream()
        .collect(Collectors.groupingBy(b -> b.dimension() + "/" + b.value() + "/" + b.year().map(String::valueOf).orElse("all years"),
            Collectors.summingLong(DashboardStatistics.HistogramBin::questionSets)));
    assertEquals(Map.of("all/all/all years", 5L, "all/all/2020", 2L, "all/all/2021", 3L,
        "ministry/financiën/all years", 2L, "ministry/defensie/all years", 1L,
        "ministry_family/financiën/all years", 2L, "ministry_family/defensie/all years", 1L), perGroup);
    assertEquals(102, stats.histogramBins().stream().filter(b -> b.year().equals(Optional.of(2020))).count(), "every bin of a year's histogram too");
  }

  @Test
  void replyTimeAgainstSubmissionUsesFixedFortnightsAndThreeDayBins() {
    DashboardStatistics stats = new DashboardStatistics(REFERENCE);
    stats.add(doc(LocalDate.of(2023, 12, 25), 5));  // fortnight from Monday 2023-12-25 (2,816 weeks after the anchor), days 3-5
    stats.add(doc(LocalDate.of(2024, 1, 7), 3));    // same fortnight (its last day), days 3-5
    stats.add(doc(LocalDate.of(2024, 1, 8), 2));    // next fortnight, days 0-2
    stats.add(doc(LocalDate.of(2024, 1, 8), null));

    assertEquals(
        List.of(
            new DashboardStatistics.ReplyCell(LocalDate.of(2023, 12, 25), LocalDate.of(2024, 1, 7), 3, 5, 2),
            new DashboardStatistics.ReplyCell(LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 21), 0, 2, 1)),
        stats.replyCells().stream().sorted(java.util.Comparator.comparing(DashboardStatistics.ReplyCell::submittedFrom)).toList());
  }

  @Test
  void citedSourcesCountFootnotesAndSetsOverallPerPartyAndPerYear() {
    DashboardStatistics stats = new DashboardStatistics(REFERENCE);
    List<StatsDocument.Member> spAndGl = List.of(new StatsDocument.Member("An", Optional.of("SP")), new StatsDocument.Member("Bo", Optional.of("GL")));
    stats.add(doc(LocalDate.of(2023, 5, 1), 10, spAndGl, List.of(), List.of("nos.nl", "nos.nl", "rijksoverheid.nl"), List.of("NOS")));
    stats.add(doc(LocalDate.of(2024, 5, 1), 10, spAndGl.subList(0, 1), List.of(), List.of("nos.nl"), List.of()));

    Map<String, SourceCount> rows = stats.sourceCounts().stream()
        .collect(Collectors.toMap(r -> r.kind() + "/" + r.source() + "/" + r.dimension() + "/" + r.value() + "/" + r.year().orElse(0), Function.identity()));
    Optional<Integer> allYears = Optional.empty();
    assertEquals(new SourceCount("site", "nos.nl", "all", "all", allYears, 3, 2), rows.get("site/nos.nl/all/all/0"));
    assertEquals(new SourceCount("site", "nos.nl", "party", "SP", allYears, 3, 2), rows.get("site/nos.nl/party/SP/0"));
    assertEquals(new SourceCount("site", "nos.nl", "party", "GL", allYears, 2, 1), rows.get("site/nos.nl/party/GL/0"));
    assertEquals(new SourceCount("site", "nos.nl", "all", "all", Optional.of(2024), 1, 1), rows.get("site/nos.nl/all/all/2024"));
    assertEquals(new SourceCount("outlet", "NOS", "all", "all", Optional.of(2023), 1, 1), rows.get("outlet/NOS/all/all/2023"));
    assertEquals(new SourceCount("site", "rijksoverheid.nl", "all", "all", allYears, 1, 1), rows.get("site/rijksoverheid.nl/all/all/0"));
    assertEquals(13, rows.size(), "per source: all years, each year, each party: " + rows.keySet());
    assertTrue(rows.values().stream().filter(r -> r.dimension().equals("party")).allMatch(r -> r.year().isEmpty()), "parties over all years only");
  }

  @Test
  void partyPairsAreUnorderedAndLeaveOutMembersWithoutParty() {
    DashboardStatistics stats = new DashboardStatistics(REFERENCE);
    stats.add(doc(LocalDate.of(2023, 5, 1), 10, "SP", "GL", ""));
    stats.add(doc(LocalDate.of(2024, 5, 1), 10, "GL", "SP", "SP"));
    stats.add(doc(LocalDate.of(2024, 6, 1), 10, "SP", "PvdA", "GL"));
    stats.add(doc(LocalDate.of(2024, 6, 1), 10, "SP"));

    Map<String, Long> pairs = stats.partyPairs().stream()
        .collect(Collectors.toMap(p -> p.partyA() + "+" + p.partyB() + "/" + p.year().map(String::valueOf).orElse("all years"), PartyPair::questionSets));
    assertEquals(Map.of(
        "GL+SP/2023", 1L, "GL+SP/2024", 2L, "GL+SP/all years", 3L,
        "GL+PvdA/2024", 1L, "GL+PvdA/all years", 1L, "PvdA+SP/2024", 1L, "PvdA+SP/all years", 1L), pairs);
  }

  @Test
  void overdueBacklogRisesAtTheDeadlineAndFallsWhenAnswered() {
    DashboardStatistics stats = new DashboardStatistics(REFERENCE);
    // Submitted Mon 2024-01-01, deadline 2024-01-22 (Mon), overdue from Tue 2024-01-23 (week 2024-W04).
    stats.add(doc(LocalDate.of(2024, 1, 1), null));        // open: overdue to the reference date
    stats.add(doc(LocalDate.of(2024, 1, 1), 22));          // answered on its first overdue day: never overdue
    stats.add(doc(LocalDate.of(2024, 1, 1), 21));          // on time
    stats.add(doc(LocalDate.of(2024, 1, 1), 35));          // answered Mon 2024-02-05 (W06): overdue in W04 and W05
    stats.add(doc(LocalDate.of(2024, 2, 20), null));       // deadline 2024-03-12: not yet overdue at the reference date

    List<OverdueWeek> weeks = stats.overdueWeeks();
    assertEquals(List.of("2024-W04", "2024-W05", "2024-W06", "2024-W07", "2024-W08", "2024-W09", "2024-W10"),
        weeks.stream().map(OverdueWeek::week).toList());
    assertEquals(new OverdueWeek("2024-W04", LocalDate.of(2024, 1, 22), LocalDate.of(2024, 1, 28), 2, 2, 0), weeks.get(0));
    assertEquals(2, weeks.get(1).overdue());
    assertEquals(new OverdueWeek("2024-W06", LocalDate.of(2024, 2, 5), LocalDate.of(2024, 2, 11), 1, 0, 1), weeks.get(2));
    assertEquals(new OverdueWeek("2024-W10", LocalDate.of(2024, 3, 4), REFERENCE, 1, 0, 0), weeks.get(6));
  }

  @Test
  void mergingPartsEqualsAddingEverythingToOne() {
    List<StatsDocument> docs = List.of(doc(LocalDate.of(2024, 1, 1), null, "SP"), doc(LocalDate.of(2023, 1, 1), 40, "SP", "GL"),
        doc(LocalDate.of(2023, 7, 1), 3, "VVD"), doc(LocalDate.of(2022, 1, 1), 200, ""));
    DashboardStatistics whole = new DashboardStatistics(REFERENCE);
    docs.forEach(whole::add);
    DashboardStatistics first = new DashboardStatistics(REFERENCE);
    DashboardStatistics second = new DashboardStatistics(REFERENCE);
    docs.subList(0, 2).forEach(first::add);
    docs.subList(2, 4).forEach(second::add);
    first.merge(second);
    assertEquals(whole, first);
    assertEquals(whole.overdueWeeks(), first.overdueWeeks());
    assertThrows(IllegalArgumentException.class, () -> first.merge(new DashboardStatistics(REFERENCE.plusDays(1))));
  }
}
