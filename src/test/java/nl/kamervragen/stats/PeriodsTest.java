package nl.kamervragen.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodsTest {

  @Test
  void weeksAreIsoWeeksOfTheWeekBasedYearAndMonthsAreZeroPadded() {
    assertEquals("2024-W05", Periods.isoWeek(LocalDate.of(2024, 1, 29)));
    assertEquals("2020-W53", Periods.isoWeek(LocalDate.of(2021, 1, 3)), "the first days of 2021 are in week 53 of 2020");
    assertEquals("2025-W01", Periods.isoWeek(LocalDate.of(2024, 12, 30)), "the last days of 2024 are in week 1 of 2025");
    assertEquals("2024-01", Periods.month(LocalDate.of(2024, 1, 5)));
    assertEquals("2008-12", Periods.month(LocalDate.of(2008, 12, 31)));
    assertEquals(LocalDate.of(2024, 1, 29), Periods.weekStart(LocalDate.of(2024, 2, 4)));
  }
}
