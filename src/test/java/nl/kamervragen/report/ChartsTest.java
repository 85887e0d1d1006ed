package nl.kamervragen.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The fixes the report needed, chart by chart. */
class ChartsTest {

  private static List<String> yTicks(Element svg) {
    return svg.select("text.tick[text-anchor=end]").stream().filter(t -> t.attr("x").equals("58.0")).map(Element::text).toList();
  }

  @Test
  void smallCountsGetWholeNumberGridlines() {
    assertEquals(4, Charts.niceMax(1, true));
    assertEquals(4, Charts.niceMax(3, true));
    assertEquals(20, Charts.niceMax(9, true), "no 2.5 between whole numbers");
    assertEquals(100, Charts.niceMax(90, true), "25 is whole: 2.5 times ten is fine");
    assertEquals(1, Charts.niceMax(0.9, false), "shares keep their fine steps");
    Element chart = Charts.lines("backlog", "Te laat", "", List.of("2024-W01", "2024-W02"), Map.of("te laat", new double[] {1, 1}),
        1, Charts.WHOLE, v -> Labels.count(Math.round(v)));
    assertEquals(List.of("0", "1", "2", "3", "4"), yTicks(chart));
  }

  @Test
  void aLineOfOnePointIsStillDrawn() {
    Element one = Charts.lines("trend", "Per jaar", "", List.of("2024"), Map.of("justitie", new double[] {30}),
        1, 0, Labels::days);
    // The legend's swatch and one for the point.
    assertEquals(2, one.select("rect.swatch").size(), one.outerHtml());

    Map<String, double[]> gap = new LinkedHashMap<>();
    gap.put("justitie", new double[] {30, Double.NaN, 40, 41});
    Element lines = Charts.lines("trend", "Per jaar", "", List.of("2021", "2022", "2023", "2024"), gap, 1, 0, Labels::days);
    assertEquals(1, lines.select("rect.swatch").size(), "a line across the gap: only the legend's swatch");
  }

  @Test
  void theLastXLabelEndsInsideTheFrame() {
    Element chart = Charts.lines("weeks", "Per week", "", List.of("2026-W02", "2026-W03", "2026-W04"),
        Map.of("te laat", new double[] {1, 2, 3}), 1, Charts.WHOLE, v -> Labels.count(Math.round(v)));
    List<Element> xTicks = chart.select("text.tick").stream().filter(t -> t.text().startsWith("2026")).toList();
    assertEquals(List.of("start", "middle", "end"), xTicks.stream().map(t -> t.attr("text-anchor")).toList());
  }

  @Test
  void aCutLabelKeepsItsWholeNameOnHover() {
    String name = "binnenlandse zaken en koninkrijksrelaties, ambtenarenzaken";
    Element chart = Charts.rankedBars("ministries", "Ministeries", "", List.of(new Charts.Ranked(name, 20, 40, "mediaan 20")), Labels::days);
    Element label = chart.selectFirst("text.label");
    assertTrue(label.ownText().endsWith("…"), label.ownText());
    assertEquals(name, label.selectFirst("title").text());
  }

  @Test
  void countsNameWhatTheyCount() {
    assertEquals("1 voetnoot", Labels.counted(1, "voetnoot", "voetnoten"));
    assertEquals("2 vragensets", Labels.counted(2, "vragenset", "vragensets"));
    Element heat = Charts.heatMap("heat", "Heat", "", List.of("a"), List.of("0"), List.of(new Charts.Cell(0, 0, 3, "3")), 1, "x", "y");
    assertTrue(heat.select("text.legend").text().contains("vragensets per cel"), heat.select("text.legend").text());
  }
}
