package nl.kamervragen.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.jsoup.nodes.Element;

/** The report's chart types, drawn as inline SVG. Each takes plain values and returns an svg element. */
final class Charts {

  private static final double LEFT = 64;
  private static final double RIGHT = 16;
  private static final double TOP = 16;
  private static final double BOTTOM = 40;

  private Charts() {}

  /** A bar of a column or histogram chart. */
  record Column(String label, double value, String tooltip) {}

  /** A vertical reference line at an x value of a histogram, e.g. a deadline. */
  record Marker(double x, String label) {}

  /** A horizontal bar with an optional longer, lighter bar behind it (e.g. median before p90). */
  record Ranked(String label, double value, double behind, String note) {}

  /** A heat-map cell: column, row and count. */
  record Cell(int column, int row, long count, String tooltip) {}

  /**
   * Columns side by side, for a histogram ({@code bins}) or a value per year.
   *
   * @param tickEvery label every n-th column on the x axis
   * @param yMax the top of the y axis, or 0 to fit the data
   */
  static Element columns(String id, String title, String description, List<Column> columns, int tickEvery,
      double yMax, DoubleFunction<String> yLabel, List<Marker> markers, String xTitle) {
    int height = 300;
    Svg svg = new Svg(id, title, description, height);
    double plotWidth = Svg.WIDTH - LEFT - RIGHT;
    double plotHeight = height - TOP - BOTTOM;
    double max = yMax > 0 ? yMax : niceMax(columns.stream().mapToDouble(Column::value).max().orElse(1), yMax == WHOLE);
    yAxis(svg, max, plotWidth, plotHeight, yLabel);
    double slot = plotWidth / Math.max(1, columns.size());
    double gap = slot > 6 ? slot * 0.15 : 0;
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      double h = plotHeight * Math.min(1, c.value() / max);
      double x = LEFT + i * slot;
      svg.rect(x + gap / 2, TOP + plotHeight - h, slot - gap, h, "bar", c.tooltip());
      boolean last = i == columns.size() - 1;
      if ((i % tickEvery == 0 && i <= columns.size() - 1 - tickEvery / 2) || last) {
        // The last label ends at its column's right edge, so that it is not cut off by the frame.
        svg.text(last && slot < 40 ? x + slot : x + slot / 2, TOP + plotHeight + 16, c.label(), last && slot < 40 ? "end" : "middle", "tick");
      }
    }
    for (Marker m : markers) {
      double x = LEFT + (m.x() + 1) * slot;
      svg.line(x, TOP, x, TOP + plotHeight, "marker");
      svg.text(x + 4, TOP + 12, m.label(), "start", "marker-label");
    }
    svg.text(LEFT + plotWidth / 2, height - 4, xTitle, "middle", "axis-title");
    return svg.element();
  }

  /** Horizontal bars, one per row, longest first as given. */
  static Element rankedBars(String id, String title, String description, List<Ranked> rows, DoubleFunction<String> valueLabel) {
    double rowHeight = 22;
    double labelWidth = 250;
    double noteWidth = 170;
    int height = (int) (TOP + rows.size() * rowHeight + 8);
    Svg svg = new Svg(id, title, description, height);
    double plotWidth = Svg.WIDTH - labelWidth - noteWidth - RIGHT;
    double max = niceMax(rows.stream().mapToDouble(r -> Math.max(r.value(), r.behind())).max().orElse(1), false);
    for (int i = 0; i < rows.size(); i++) {
      Ranked r = rows.get(i);
      double y = TOP + i * rowHeight;
      Element label = svg.text(labelWidth - 8, y + 14, shorten(r.label(), 38), "end", "label");
      if (r.label().length() > 38) {
        label.appendElement("title").text(r.label()); // the whole name, on hover
      }
      if (r.behind() > 0) {
        svg.rect(labelWidth, y + 3, plotWidth * r.behind() / max, rowHeight - 6, "bar-behind", r.label() + ": " + r.note());
      }
      svg.rect(labelWidth, y + 3, plotWidth * r.value() / max, rowHeight - 6, "bar", r.label() + ": " + r.note());
      svg.text(labelWidth + plotWidth + 8, y + 14, r.note().isEmpty() ? valueLabel.apply(r.value()) : r.note(), "start", "value");
    }
    return svg.element();
  }

  /** Lines over a shared x axis, one per series, with a legend. NaN leaves a point out of a line's range. */
  static Element lines(String id, String title, String description, List<String> xLabels, Map<String, double[]> series,
      int tickEvery, double yMax, DoubleFunction<String> yLabel) {
    int legendRows = (series.size() + 3) / 4;
    int height = 300 + legendRows * 18;
    Svg svg = new Svg(id, title, description, height);
    double plotWidth = Svg.WIDTH - LEFT - RIGHT;
    double plotHeight = 300 - TOP - BOTTOM;
    double dataMax = series.values().stream().flatMapToDouble(java.util.Arrays::stream).filter(v -> !Double.isNaN(v)).max().orElse(1);
    double max = yMax > 0 ? yMax : niceMax(dataMax, yMax == WHOLE);
    yAxis(svg, max, plotWidth, plotHeight, yLabel);
    // One x value stands in the middle; more spread over the width, the first and last label inside the frame.
    double step = xLabels.size() > 1 ? plotWidth / (xLabels.size() - 1) : 0;
    double start = xLabels.size() > 1 ? LEFT : LEFT + plotWidth / 2;
    for (int i = 0; i < xLabels.size(); i += tickEvery) {
      boolean edge = xLabels.size() > 1 && (i == 0 || i == xLabels.size() - 1);
      svg.text(start + i * step, TOP + plotHeight + 16, xLabels.get(i), !edge ? "middle" : i == 0 ? "start" : "end", "tick");
    }
    int index = 0;
    for (Map.Entry<String, double[]> s : series.entrySet()) {
      String color = Palette.series(index);
      List<double[]> points = new ArrayList<>();
      for (int i = 0; i < s.getValue().length; i++) {
        if (!Double.isNaN(s.getValue()[i])) {
          points.add(new double[] {start + i * step, TOP + plotHeight - plotHeight * Math.min(1, s.getValue()[i] / max)});
        }
      }
      double[] xs = points.stream().mapToDouble(p -> p[0]).toArray();
      double[] ys = points.stream().mapToDouble(p -> p[1]).toArray();
      svg.polyline(xs, ys, color, s.getKey());
      // A line of one point draws nothing: mark the point, so that one year of data still shows.
      if (points.size() == 1) {
        svg.swatch(xs[0] - 3, ys[0] - 3, 6, 6, color, s.getKey());
      }
      double legendX = LEFT + (index % 4) * (plotWidth / 4);
      double legendY = 300 + (index / 4) * 18;
      svg.swatch(legendX, legendY - 10, 12, 12, color, s.getKey());
      svg.text(legendX + 18, legendY, shorten(s.getKey(), 26), "start", "legend");
      index++;
    }
    return svg.element();
  }

  /** A grid of cells coloured by count, with column labels below and row labels on the left. */
  static Element heatMap(String id, String title, String description, List<String> columnLabels, List<String> rowLabels,
      List<Cell> cells, int columnTickEvery, String xTitle, String yTitle) {
    int height = 360;
    Svg svg = new Svg(id, title, description, height + 30);
    double plotWidth = Svg.WIDTH - LEFT - RIGHT;
    double plotHeight = height - TOP - BOTTOM;
    double cellWidth = plotWidth / Math.max(1, columnLabels.size());
    double cellHeight = plotHeight / Math.max(1, rowLabels.size());
    long max = cells.stream().mapToLong(Cell::count).max().orElse(1);
    svg.rect(LEFT, TOP, plotWidth, plotHeight, "plot-area");
    for (Cell c : cells) {
      double fraction = Math.log1p(c.count()) / Math.log1p(max);
      svg.swatch(LEFT + c.column() * cellWidth, TOP + plotHeight - (c.row() + 1) * cellHeight, cellWidth + 0.2, cellHeight + 0.2,
          Palette.sequential(fraction), c.tooltip());
    }
    int rowTickEvery = Math.max(1, rowLabels.size() / 8);
    for (int r = 0; r < rowLabels.size(); r += rowTickEvery) {
      svg.text(LEFT - 6, TOP + plotHeight - r * cellHeight - cellHeight / 2 + 4, rowLabels.get(r), "end", "tick");
    }
    for (int col = 0; col < columnLabels.size(); col += columnTickEvery) {
      svg.text(LEFT + col * cellWidth + cellWidth / 2, TOP + plotHeight + 16, columnLabels.get(col), "middle", "tick");
    }
    svg.text(LEFT + plotWidth / 2, height - 4, xTitle, "middle", "axis-title");
    svg.text(14, TOP + plotHeight / 2, yTitle, "middle", "axis-title").attr("transform",
        "rotate(-90 14 " + Svg.n(TOP + plotHeight / 2) + ")");
    // Legend: the scale from one set to the most in a cell.
    double legendY = height + 8;
    for (int i = 0; i < 10; i++) {
      svg.swatch(LEFT + i * 24, legendY, 24, 12, Palette.sequential(i / 9.0), "");
    }
    svg.text(LEFT + 250, legendY + 11, "1 tot " + Labels.count(max) + " vragensets per cel (logaritmische schaal)", "start", "legend");
    return svg.element();
  }

  /** A chart frame that says there is nothing to draw, so every chart has its place in every report. */
  static Element empty(String id, String title, String description) {
    Svg svg = new Svg(id, title, description, 80);
    svg.rect(0, 0, Svg.WIDTH, 80, "plot-area");
    svg.text(Svg.WIDTH / 2.0, 45, "Geen gegevens voor deze grafiek in deze run", "middle", "empty");
    return svg.element();
  }

  private static void yAxis(Svg svg, double max, double plotWidth, double plotHeight, DoubleFunction<String> yLabel) {
    for (int i = 0; i <= 4; i++) {
      double value = max * i / 4;
      double y = TOP + plotHeight - plotHeight * i / 4;
      svg.line(LEFT, y, LEFT + plotWidth, y, i == 0 ? "axis" : "grid");
      svg.text(LEFT - 6, y + 4, yLabel.apply(value), "end", "tick");
    }
  }

  /** Give as {@code yMax} for an axis of counts: fit the data, with whole numbers at the gridlines. */
  static final double WHOLE = -1;

  /**
   * The smallest 1, 2, 2.5 or 5 times a power of ten, times four, at or above the value: four even
   * gridlines. For counts ({@code whole}) the gridlines are whole numbers: at least 1 apart, and no
   * 2.5 between 1 and 10 (small counts read "0, 1, 2, 3, 4", not "0, 0, 1, 1, 1").
   */
  static double niceMax(double value, boolean whole) {
    if (value <= 0) {
      return whole ? 4 : 1;
    }
    double step = whole ? Math.max(1, value / 4) : value / 4;
    double magnitude = Math.pow(10, Math.floor(Math.log10(step)));
    for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
      if (factor * magnitude >= step && !(whole && factor == 2.5 && magnitude < 10)) {
        return factor * magnitude * 4;
      }
    }
    return 10 * magnitude * 4;
  }

  static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
