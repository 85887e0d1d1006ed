package nl.kamervragen.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import nl.kamervragen.table.Tables;
import nl.kamervragen.testing.MainRun;
import nl.kamervragen.testing.TableFiles;
import nl.kamervragen.testing.TestArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a run over the test archive, read back as HTML. */
class ReportWriterTest {

  @TempDir static Path work;
  private static Path output;
  private static Document report;

  @BeforeAll
  static void run() throws IOException {
    Path input = work.resolve("archive");
    TestArchive.write(input);
    output = work.resolve("out");
    MainRun run = MainRun.of("--input=" + input, "--output=" + output, "--referenceDate=2026-01-01", "--maxRejectedShare=0.2",
        "--reportNote=Testarchief <niet echt>");
    assertEquals(0, run.exitCode(), run.printed());
    report = Jsoup.parse(output.resolve(ReportWriter.FILE_NAME).toFile(), "UTF-8");
  }

  @Test
  void everyRunWritesEveryChartWithData() {
    for (String id : ReportWriter.CHART_IDS) {
      Element chart = report.getElementById(id);
      assertNotNull(chart, id);
      assertEquals("svg", chart.tagName(), id);
      assertFalse(chart.select("title").text().isBlank(), id + " has a title for screen readers");
      assertTrue(chart.select("rect.bar, rect.swatch, polyline").size() > 0, id + " draws data");
      assertTrue(chart.select("text.empty").isEmpty(), id + " has data in the test archive");
    }
  }

  @Test
  void theReportNeedsNothingFromOutside() {
    assertTrue(report.select("script").isEmpty(), "no scripts");
    assertTrue(report.select("link, img, iframe, object, embed").isEmpty(), "no linked resources");
    assertTrue(report.select("[src], [href]").isEmpty(), "nothing loaded from anywhere");
    assertFalse(report.select("style").html().contains("url("), "no fonts or images from the stylesheet");
  }

  @Test
  void headlineNumbersAndTheOverdueListComeFromTheTables() throws IOException {
    List<String> cards = report.select(".card").eachText();
    int documents = TableFiles.csv(output, Tables.DOCUMENTS).records().size();
    assertTrue(cards.contains("Vragensets " + documents), cards.toString());
    assertTrue(cards.contains("Open en te laat 3"), cards.toString());
    List<String> overdueIds = report.select("table.overdue tbody tr td:first-child").eachText();
    assertEquals(List.of("2020Z00171", "2020Z14341", "2022Z15390"), overdueIds, "worst first");
    assertEquals("Testarchief <niet echt>", report.selectFirst(".note").text());
  }

  @Test
  void textFromTheDataIsEscaped() throws IOException {
    Path copy = work.resolve("hostile");
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(output)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    }
    Path sources = copy.resolve("cited_sources.csv");
    Files.writeString(sources, Files.readString(sources) + "outlet,<script>alert(1)</script>,all,all,99,9\n", StandardCharsets.UTF_8);

    Document hostile = Jsoup.parse(ReportWriter.write(copy, LocalDate.of(2026, 1, 1), "").toFile(), "UTF-8");
    assertTrue(hostile.select("script").isEmpty());
    assertTrue(hostile.getElementById("cited-outlets").text().contains("<script>alert(1)</script>"), "shown as text");
  }
}
