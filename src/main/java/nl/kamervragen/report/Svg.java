package nl.kamervragen.report;

import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * A small SVG canvas on jsoup elements: jsoup escapes every text and attribute, so chart labels
 * taken from the data (party names, outlets, topics) cannot break the document.
 */
final class Svg {

  static final int WIDTH = 760;

  private final Element root;

  /** A chart of {@link #WIDTH} by {@code height} user units, scaled to the page by CSS. */
  Svg(String id, String title, String description, int height) {
    root = new Element("svg")
        .attr("xmlns", "http://www.w3.org/2000/svg")
        .attr("viewBox", "0 0 " + WIDTH + " " + height)
        .attr("role", "img")
        .attr("class", "chart")
        .attr("id", id)
        .attr("aria-labelledby", id + "-title " + id + "-desc");
    root.appendElement("title").attr("id", id + "-title").text(title);
    root.appendElement("desc").attr("id", id + "-desc").text(description);
  }

  Element element() {
    return root;
  }

  Element rect(double x, double y, double width, double height, String cssClass) {
    return root.appendElement("rect")
        .attr("x", n(x)).attr("y", n(y)).attr("width", n(Math.max(0, width))).attr("height", n(Math.max(0, height)))
        .attr("class", cssClass);
  }

  /** A rectangle that tells its value on hover, for the data behind a bar or cell. */
  Element rect(double x, double y, double width, double height, String cssClass, String tooltip) {
    Element rect = rect(x, y, width, height, cssClass);
    rect.appendElement("title").text(tooltip);
    return rect;
  }

  Element line(double x1, double y1, double x2, double y2, String cssClass) {
    return root.appendElement("line").attr("x1", n(x1)).attr("y1", n(y1)).attr("x2", n(x2)).attr("y2", n(y2)).attr("class", cssClass);
  }

  Element text(double x, double y, String content, String anchor, String cssClass) {
    return root.appendElement("text").attr("x", n(x)).attr("y", n(y)).attr("text-anchor", anchor).attr("class", cssClass).text(content);
  }

  Element polyline(double[] xs, double[] ys, String color, String tooltip) {
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < xs.length; i++) {
      if (i > 0) {
        points.append(' ');
      }
      points.append(n(xs[i])).append(',').append(n(ys[i]));
    }
    Element line = root.appendElement("polyline").attr("points", points.toString()).attr("class", "series").attr("stroke", color);
    line.appendElement("title").text(tooltip);
    return line;
  }

  /** A coloured rectangle with a fill given as a colour rather than a class (palettes, heat maps). */
  Element swatch(double x, double y, double width, double height, String color, String tooltip) {
    Element rect = rect(x, y, width, height, "swatch", tooltip);
    rect.attr("fill", color);
    return rect;
  }

  static String n(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
