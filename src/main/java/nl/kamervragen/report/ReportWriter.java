package nl.kamervragen.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.kamervragen.core.RunChanges;
import nl.kamervragen.report.Charts.Cell;
import nl.kamervragen.report.Charts.Column;
import nl.kamervragen.report.Charts.Marker;
import nl.kamervragen.report.Charts.Ranked;
import nl.kamervragen.storage.StoredFolder;
import nl.kamervragen.table.Tables;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Writes {@code report.html}: one self-contained page (inline CSS and SVG, no scripts, fonts or
 * network) drawn from the tables a run wrote. It reads the small aggregate tables and the head of
 * the overdue list, so its cost does not grow with the archive.
 */
public final class ReportWriter {

  public static final String FILE_NAME = "report.html";

  /** The ids of the charts every report has, in page order; the browser test checks each one. */
  public static final List<String> CHART_IDS =
      List.of("reply-time-histogram", "on-time-per-year", "ministries", "ministry-family-years", "party-years", "topics", "topic-trend",
          "reply-heat-map", "cited-sites", "cited-outlets", "overdue-backlog");

  private static final int OVERDUE_ROWS = 50;
  private static final int TOP = 15;
  private static final int HEAT_MAX_DAYS = 120;

  private final StoredFolder folder;

  private ReportWriter(StoredFolder folder) {
    this.folder = folder;
  }

  /**
   * Writes the report into a folder of written tables.
   *
   * @param note a line shown under the title, e.g. that the data are synthetic; may be empty
   * @param comparison what the {@code changes} table compares with, and its counts
   */
  public static void write(StoredFolder folder, LocalDate referenceDate, String note, RunChanges.Comparison comparison) throws IOException {
    Document page = new ReportWriter(folder).page(referenceDate, note, comparison);
    folder.writeString(FILE_NAME, page.outerHtml(), "text/html; charset=utf-8");
  }

  private Document page(LocalDate referenceDate, String note, RunChanges.Comparison comparison) throws IOException {
    Document page = Document.createShell("");
    page.outputSettings().charset(StandardCharsets.UTF_8).prettyPrint(false);
    page.head().appendElement("meta").attr("charset", "utf-8");
    page.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
    page.title("Kamervragen: wie vraagt wat, en hoe laat komt het antwoord");
    page.head().appendElement("style").appendChild(new org.jsoup.nodes.DataNode(Style.CSS));
    page.select("html").attr("lang", "nl");
    Element main = page.body().appendElement("main");
    main.appendElement("h1").text("Kamervragen: wie vraagt wat, en hoe laat komt het antwoord");
    main.appendElement("p").addClass("subtitle").text("Peildatum " + referenceDate
        + ". Schriftelijke vragen van Tweede Kamerleden aan de regering; antwoord binnen 21 dagen, of 42 na een uitstelbericht.");
    if (!note.isBlank()) {
      main.appendElement("p").addClass("note").text(note);
    }
    // Three sections draw on response_time: read it once.
    List<TableRow> responseTime = TableRows.read(folder, Tables.RESPONSE_TIME, r -> true);
    headline(main, responseTime);
    ChangesSection.write(section(main, "Wat is er veranderd"), folder, comparison);
    replyTimes(main, responseTime);
    MinistrySection.write(section(main, "Ministeries"), responseTime);
    parties(main);
    topics(main);
    heatMap(main);
    citedSources(main);
    overdue(main);
    conflicts(main);
    main.appendElement("footer").text("Gemaakt door kamervragen uit de tabellen in deze map; tables.md in dezelfde map beschrijft elke kolom.");
    return page;
  }

  // ---- sections ---------------------------------------------------------------------------

  private void headline(Element main, List<TableRow> responseTime) throws IOException {
    Map<String, Long> summary = new HashMap<>();
    TableRows.read(folder, Tables.SUMMARY, r -> true).forEach(r -> summary.put(r.get("metric"), r.number("value")));
    TableRow all = responseTime.stream().filter(r -> r.get("dimension").equals("all") && r.get("year").isEmpty())
        .findFirst().orElse(TableRow.empty(Tables.RESPONSE_TIME));
    Map<String, String> cards = new LinkedHashMap<>(); // label → value
    cards.put("Vragensets", Labels.count(summary.getOrDefault("documents", 0L)));
    cards.put("Beantwoord", Labels.count(summary.getOrDefault("answered", 0L)));
    cards.put("Nog open", Labels.count(summary.getOrDefault("open", 0L)));
    cards.put("Open en te laat", Labels.count(summary.getOrDefault("overdue", 0L)));
    cards.put("Mediane antwoordtijd", all.get("median_days").isEmpty() ? "–" : Labels.days(all.decimal("median_days")));
    cards.put("Op tijd beantwoord", all.get("on_time_share").isEmpty() ? "–" : Labels.percent(all.decimal("on_time_share")));
    cards.put("Binnen 21 dagen", all.get("within_21_share").isEmpty() ? "–" : Labels.percent(all.decimal("within_21_share")));
    cards.put("Afgewezen bestanden", Labels.count(summary.getOrDefault("rejected", 0L)));
    cards.put("Tegenstrijdige kopieën", Labels.count(summary.getOrDefault("conflicts", 0L)));
    Element list = main.appendElement("section").attr("aria-label", "Kerncijfers").appendElement("dl").addClass("cards");
    cards.forEach((label, value) -> {
      Element card = list.appendElement("div").addClass("card");
      card.appendElement("dt").text(label);
      card.appendElement("dd").text(value);
    });
  }

  private void replyTimes(Element main, List<TableRow> responseTime) throws IOException {
    Element section = section(main, "Antwoordtijd");
    List<Column> bins = new ArrayList<>();
    for (TableRow r : TableRows.read(folder, Tables.REPLY_TIME_HISTOGRAM, r -> r.get("dimension").equals("all") && r.get("year").isEmpty())) {
      boolean overflow = r.get("days_to").isEmpty();
      String label = overflow ? ">100" : r.get("days_from");
      long sets = r.number("question_sets");
      bins.add(new Column(label, sets, (overflow ? "meer dan 100 dagen" : Labels.days(r.number("days_from"))) + ": " + Labels.count(sets) + " vragensets"));
    }
    figure(section, bins.isEmpty()
            ? Charts.empty("reply-time-histogram", "Antwoordtijd in dagen", "Geen beantwoorde vragen")
            : Charts.columns("reply-time-histogram", "Antwoordtijd in dagen",
                "Aantal beantwoorde vragensets per antwoordtijd in dagen, met de termijnen van 21 en 42 dagen.",
                bins, 10, Charts.WHOLE, v -> Labels.count(Math.round(v)), List.of(new Marker(21, "21 dagen"), new Marker(42, "42 dagen (na uitstel)")),
                "antwoordtijd (dagen); de laatste staaf telt alles boven 100 dagen"),
        "Beantwoorde vragensets per antwoordtijd. Links van de eerste lijn: binnen de termijn van drie weken.");

    List<Column> years = new ArrayList<>();
    for (TableRow r : sorted(responseTime.stream()
        .filter(r -> r.get("dimension").equals("all") && !r.get("year").isEmpty() && !r.get("on_time_share").isEmpty()).toList(), "year")) {
      double share = r.decimal("on_time_share");
      years.add(new Column(r.get("year"), share, r.get("year") + ": " + Labels.percent(share) + " op tijd van "
          + Labels.count(r.number("timed")) + " beantwoorde vragensets"));
    }
    figure(section, years.isEmpty()
            ? Charts.empty("on-time-per-year", "Op tijd beantwoord per jaar", "Geen beantwoorde vragen")
            : Charts.columns("on-time-per-year", "Op tijd beantwoord per jaar",
                "Aandeel van de beantwoorde vragensets dat binnen de eigen termijn (21 of 42 dagen) is beantwoord, per jaar van indienen.",
                years, Math.max(1, years.size() / 12), 1, Labels::percent, List.of(), "jaar van indienen"),
        "Aandeel op tijd beantwoord (binnen 21 dagen, of 42 na een uitstelbericht), per jaar van indienen.");
  }

  private void parties(Element main) throws IOException {
    Element section = section(main, "Partijen");
    // Per year: per month, six parties over eighteen years were 216 points a line, unreadable.
    Map<Boolean, List<TableRow>> byYear = TableRows.read(folder, Tables.QUESTIONS_PER_PARTY, r -> true).stream()
        .collect(Collectors.partitioningBy(r -> !r.get("year").isEmpty()));
    List<TableRow> years = byYear.get(true);
    List<String> axis = years.stream().map(r -> r.get("year")).distinct().sorted().toList();
    List<String> top = byYear.get(false).stream()
        .sorted(Comparator.comparingLong((TableRow r) -> -r.number("question_sets")).thenComparing(r -> r.get("party")))
        .limit(6).map(r -> r.get("party")).toList();
    Map<String, double[]> series = new LinkedHashMap<>();
    top.forEach(p -> series.put(p, new double[axis.size()]));
    for (TableRow r : years) {
      double[] values = series.get(r.get("party"));
      if (values != null) {
        values[axis.indexOf(r.get("year"))] = r.number("question_sets");
      }
    }
    figure(section, series.isEmpty()
            ? Charts.empty("party-years", "Vragensets per partij per jaar", "Geen vragen")
            : Charts.lines("party-years", "Vragensets per partij per jaar",
                "Aantal ingediende vragensets per jaar voor de zes partijen met de meeste vragen.", axis, series,
                Math.max(1, axis.size() / 10), Charts.WHOLE, v -> Labels.count(Math.round(v))),
        "Ingediende vragensets per jaar, voor de zes partijen die de meeste vragen stelden. Een set van twee partijen telt voor beide.");
  }

  private void topics(Element main) throws IOException {
    Element section = section(main, "Onderwerpen");
    List<TableRow> topics = TableRows.read(folder, Tables.TOPIC_FREQUENCY, r -> true);
    List<TableRow> overall = topics.stream().filter(r -> r.get("year").isEmpty())
        .sorted(Comparator.comparingLong((TableRow r) -> -r.number("question_sets")).thenComparing(r -> r.get("topic")))
        .limit(TOP).toList();
    List<Ranked> rows = overall.stream()
        .map(r -> new Ranked(r.get("topic"), r.number("question_sets"), 0,
            Labels.count(r.number("question_sets")) + " (" + Labels.percent(r.decimal("share")) + ")"))
        .toList();
    figure(section, rows.isEmpty()
            ? Charts.empty("topics", "Meest gevraagde onderwerpen", "Geen onderwerpen")
            : Charts.rankedBars("topics", "Meest gevraagde onderwerpen", "Vragensets per onderwerp, de vijftien grootste.", rows, v -> Labels.count(Math.round(v))),
        "De vijftien onderwerpen met de meeste vragensets, met hun aandeel in alle sets.");

    List<String> years = topics.stream().map(r -> r.get("year")).filter(y -> !y.isEmpty()).collect(Collectors.toCollection(TreeSet::new)).stream().toList();
    Map<String, double[]> trend = new LinkedHashMap<>();
    overall.stream().limit(5).forEach(r -> {
      double[] values = new double[years.size()];
      topics.stream().filter(t -> t.get("topic").equals(r.get("topic")) && !t.get("year").isEmpty())
          .forEach(t -> values[years.indexOf(t.get("year"))] = t.decimal("share"));
      trend.put(r.get("topic"), values);
    });
    figure(section, trend.isEmpty() || years.isEmpty()
            ? Charts.empty("topic-trend", "Aandeel van de grootste onderwerpen per jaar", "Geen onderwerpen per jaar")
            : Charts.lines("topic-trend", "Aandeel van de grootste onderwerpen per jaar",
                "Aandeel van de vragensets per jaar met elk van de vijf grootste onderwerpen.", years, trend,
                Math.max(1, years.size() / 10), 0, Labels::percent),
        "Trend: aandeel van alle vragensets van een jaar met elk van de vijf grootste onderwerpen.");
  }

  private void heatMap(Element main) throws IOException {
    Element section = section(main, "Antwoordtijd naar datum van indienen");
    List<TableRow> cells = TableRows.read(folder, Tables.REPLY_TIME_BY_SUBMISSION, r -> true);
    TreeSet<LocalDate> starts = new TreeSet<>();
    cells.forEach(r -> starts.add(LocalDate.parse(r.get("submitted_from"))));
    List<String> columns = new ArrayList<>();
    Map<LocalDate, Integer> columnOf = new HashMap<>();
    if (!starts.isEmpty()) {
      for (LocalDate d = starts.first(); !d.isAfter(starts.last()); d = d.plusDays(14)) {
        columnOf.put(d, columns.size());
        columns.add(d.toString().substring(0, 7));
      }
    }
    int rowsCount = HEAT_MAX_DAYS / 3 + 1;
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < rowsCount - 1; i++) {
      rows.add(String.valueOf(i * 3));
    }
    rows.add(">" + HEAT_MAX_DAYS);
    Map<Long, Long> counts = new TreeMap<>();
    for (TableRow r : cells) {
      int row = (int) Math.min(r.number("days_from") / 3, rowsCount - 1);
      long key = (long) columnOf.get(LocalDate.parse(r.get("submitted_from"))) * 1000 + row;
      counts.merge(key, r.number("question_sets"), Long::sum);
    }
    List<Cell> heat = new ArrayList<>();
    counts.forEach((key, count) -> {
      int column = (int) (key / 1000);
      int row = (int) (key % 1000);
      heat.add(new Cell(column, row, count, "ingediend vanaf " + starts.first().plusDays(14L * column) + ", antwoord na "
          + (row == rowsCount - 1 ? "meer dan " + HEAT_MAX_DAYS + " dagen" : row * 3 + "–" + (row * 3 + 2) + " dagen") + ": " + Labels.count(count)));
    });
    figure(section, heat.isEmpty()
            ? Charts.empty("reply-heat-map", "Antwoordtijd tegen datum van indienen", "Geen beantwoorde vragen")
            : Charts.heatMap("reply-heat-map", "Antwoordtijd tegen datum van indienen",
                "Beantwoorde vragensets per periode van 14 dagen (horizontaal) en antwoordtijd in stappen van 3 dagen (verticaal).",
                columns, rows, heat, Math.max(1, columns.size() / 8), "datum van indienen (per 14 dagen)", "antwoordtijd (dagen)"),
        "Elke cel telt de beantwoorde vragensets die in een periode van 14 dagen zijn ingediend en binnen 3 dagen van elkaar werden beantwoord.");
  }

  private void citedSources(Element main) throws IOException {
    Element section = section(main, "Geciteerde bronnen");
    List<TableRow> sources = TableRows.read(folder, Tables.CITED_SOURCES, r -> r.get("dimension").equals("all") && r.get("year").isEmpty());
    for (String kind : List.of("site", "outlet")) {
      String id = kind.equals("site") ? "cited-sites" : "cited-outlets";
      String title = kind.equals("site") ? "Meest geciteerde websites" : "Meest geciteerde media en organisaties";
      List<Ranked> rows = sources.stream().filter(r -> r.get("kind").equals(kind))
          .sorted(Comparator.comparingLong((TableRow r) -> -r.number("footnotes")).thenComparing(r -> r.get("source")))
          .limit(TOP)
          .map(r -> new Ranked(r.get("source"), r.number("footnotes"), 0,
              Labels.counted(r.number("footnotes"), "voetnoot", "voetnoten") + ", "
                  + Labels.counted(r.number("question_sets"), "vragenset", "vragensets")))
          .toList();
      figure(section, rows.isEmpty()
              ? Charts.empty(id, title, "Geen voetnoten met een bron")
              : Charts.rankedBars(id, title, "Aantal voetnoten dat de bron noemt, de vijftien grootste.", rows, v -> Labels.count(Math.round(v))),
          kind.equals("site")
              ? "Websites uit de links in voetnoten (zonder www. of m.), naar aantal voetnoten."
              : "Media en organisaties die voetnoten noemen (het deel vóór de datum), naar aantal voetnoten.");
    }
  }

  private void overdue(Element main) throws IOException {
    Element section = section(main, "Te laat");
    List<TableRow> weeks = TableRows.read(folder, Tables.OVERDUE_PER_WEEK, r -> true);
    List<String> axis = weeks.stream().map(r -> r.get("week")).toList();
    double[] backlog = weeks.stream().mapToDouble(r -> r.number("overdue")).toArray();
    figure(section, weeks.isEmpty()
            ? Charts.empty("overdue-backlog", "Openstaande vragen over de termijn, per week", "Nooit een vraag te laat")
            : Charts.lines("overdue-backlog", "Openstaande vragen over de termijn, per week",
                "Aantal vragensets dat aan het eind van elke week over de termijn was en nog geen antwoord had.", axis,
                Map.of("vragensets te laat", backlog), Math.max(1, axis.size() / 8), Charts.WHOLE, v -> Labels.count(Math.round(v))),
        "Vragensets die aan het eind van de week hun termijn voorbij waren en nog geen antwoord hadden.");
    List<TableRow> open = TableRows.read(folder, Tables.OVERDUE, r -> true, OVERDUE_ROWS);
    Element body = table(section, "overdue", open.isEmpty()
        ? "Geen open vragensets over de termijn op de peildatum."
        : "Open vragensets over de termijn op de peildatum, langst te laat eerst (de eerste " + OVERDUE_ROWS + ").",
        List.of("Zaak", "Titel", "Ingediend", "Dagen te laat", "Gericht aan", "Indieners"));
    for (TableRow r : open) {
      Element tr = body.appendElement("tr");
      tr.appendElement("td").text(r.get("id"));
      tr.appendElement("td").text(r.get("title"));
      tr.appendElement("td").addClass("date").text(r.get("submitted"));
      tr.appendElement("td").addClass("number").text(Labels.count(r.number("overdue_days")));
      tr.appendElement("td").text(r.get("addressed_to"));
      tr.appendElement("td").text(withParties(r.get("submitters"), r.get("submitter_parties")));
    }
  }

  /** Files that claim a case number another file holds too, with other content: which one was kept, and why. */
  private void conflicts(Element main) throws IOException {
    Element section = section(main, "Tegenstrijdige kopieën");
    List<TableRow> conflicts = TableRows.read(folder, Tables.DUPLICATES, r -> r.get("conflict").equals("true"), OVERDUE_ROWS);
    Element body = table(section, "conflicts", conflicts.isEmpty()
        ? "Geen bestanden met een zaaknummer dat ook in een ander bestand staat, met een andere inhoud."
        : "Bestanden met een zaaknummer dat ook in een ander bestand staat, met een andere inhoud: welk bestand is gebruikt en waarom"
            + " (de eerste " + OVERDUE_ROWS + "; alle in duplicates, kolom conflict).",
        List.of("Zaak", "Gebruikt", "Terzijde gelegd", "Reden"));
    for (TableRow r : conflicts) {
      Element tr = body.appendElement("tr");
      tr.appendElement("td").text(r.get("id"));
      tr.appendElement("td").text(r.get("kept_file"));
      tr.appendElement("td").text(r.get("duplicate_file"));
      tr.appendElement("td").text(r.get("reason"));
    }
  }

  // ---- helpers ----------------------------------------------------------------------------

  /** A table with a caption and column headers; returns its body. */
  static Element table(Element section, String className, String caption, List<String> columns) {
    Element table = section.appendElement("table").addClass(className);
    table.appendElement("caption").text(caption);
    Element head = table.appendElement("thead").appendElement("tr");
    columns.forEach(column -> head.appendElement("th").attr("scope", "col").text(column));
    return table.appendElement("tbody");
  }

  static Element section(Element main, String title) {
    Element section = main.appendElement("section");
    section.appendElement("h2").text(title);
    return section;
  }

  static void figure(Element section, Element svg, String caption) {
    Element figure = section.appendElement("figure");
    figure.appendElement("h3").text(svg.selectFirst("title").text());
    figure.appendChild(svg);
    figure.appendElement("figcaption").text(caption);
  }

  private static List<TableRow> sorted(List<TableRow> rows, String column) {
    return rows.stream().sorted(Comparator.comparing(r -> r.get(column))).toList();
  }

  private static String withParties(String names, String parties) {
    String[] n = names.split("; ", -1);
    String[] p = parties.split("; ", -1);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.length; i++) {
      out.add(i < p.length && !p[i].isEmpty() ? n[i] + " (" + p[i] + ")" : n[i]);
    }
    return String.join(", ", out);
  }
}
