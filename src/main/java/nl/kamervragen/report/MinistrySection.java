package nl.kamervragen.report;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kamervragen.report.Charts.Ranked;
import org.jsoup.nodes.Element;

/** The report's section on ministries: reply time per ministry, and per ministry family over the years. */
final class MinistrySection {

  /** Families drawn in the trend: more lines would not be readable. */
  private static final int FAMILIES_DRAWN = 6;

  private MinistrySection() {}

  static void write(Element section, List<TableRow> responseTime) {
    List<Ranked> rows = responseTime.stream()
        .filter(r -> r.get("dimension").equals("ministry") && r.get("year").isEmpty() && !r.get("median_days").isEmpty())
        .sorted(Comparator.comparingDouble((TableRow r) -> -r.decimal("median_days")).thenComparing(r -> r.get("value")))
        .limit(25)
        .map(r -> new Ranked(r.get("value"), r.decimal("median_days"), r.decimal("p90_days"),
            "mediaan " + Math.round(r.decimal("median_days")) + ", p90 " + Math.round(r.decimal("p90_days"))
                + " d (n=" + Labels.count(r.number("timed")) + ")"))
        .toList();
    ReportWriter.figure(section, rows.isEmpty()
            ? Charts.empty("ministries", "Antwoordtijd per ministerie", "Geen beantwoorde vragen")
            : Charts.rankedBars("ministries", "Antwoordtijd per ministerie",
                "Mediane antwoordtijd (donker) en 90e percentiel (licht) per beantwoordend ministerie, traagste eerst.", rows, Labels::days),
        "Mediaan (donker) en 90e percentiel (licht) van de antwoordtijd per ministerie dat antwoordde; n = beantwoorde vragensets.");
    familyTrend(section, responseTime);
  }

  /** Did ministries get slower? The median per family per year, for the families with the most answered sets. */
  private static void familyTrend(Element section, List<TableRow> responseTime) {
    List<TableRow> families = responseTime.stream().filter(r -> r.get("dimension").equals("ministry_family")).toList();
    List<String> years = families.stream().map(r -> r.get("year")).filter(y -> !y.isEmpty()).distinct().sorted().toList();
    Map<String, double[]> medians = new LinkedHashMap<>();
    families.stream()
        .filter(r -> r.get("year").isEmpty() && r.number("timed") > 0)
        .sorted(Comparator.comparingLong((TableRow r) -> -r.number("timed")).thenComparing(r -> r.get("value")))
        .limit(FAMILIES_DRAWN)
        .forEach(family -> {
          double[] values = new double[years.size()];
          Arrays.fill(values, Double.NaN);
          families.stream()
              .filter(r -> r.get("value").equals(family.get("value")) && !r.get("year").isEmpty() && !r.get("median_days").isEmpty())
              .forEach(r -> values[years.indexOf(r.get("year"))] = r.decimal("median_days"));
          medians.put(family.get("value"), values);
        });
    String title = "Mediane antwoordtijd per ministeriefamilie per jaar";
    ReportWriter.figure(section, medians.isEmpty() || years.isEmpty()
            ? Charts.empty("ministry-family-years", title, "Geen beantwoorde vragen per jaar")
            : Charts.lines("ministry-family-years", title,
                "Mediane antwoordtijd in dagen per jaar van indienen, voor de " + FAMILIES_DRAWN
                    + " ministeriefamilies met de meeste beantwoorde vragensets.",
                years, medians, Math.max(1, years.size() / 10), 0, Labels::days),
        "Een ministeriefamilie volgt een ministerie door zijn naamswijzigingen heen (veiligheid en justitie werd justitie en"
            + " veiligheid), zodat een lijn over kabinetten heen loopt.");
  }
}
