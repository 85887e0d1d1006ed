package nl.kamervragen.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.kamervragen.core.RunChanges;
import nl.kamervragen.storage.StoredFolder;
import nl.kamervragen.table.TableDefinition;
import nl.kamervragen.table.TableFileWriter;
import nl.kamervragen.table.Tables;
import nl.kamervragen.testing.MainRun;
import nl.kamervragen.testing.TableFiles;
import nl.kamervragen.testing.TestArchive;
import org.apache.beam.sdk.values.Row;
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
  void textFromTheDataIsEscapedAndShownAsTheDocumentsHoldIt() throws IOException {
    Path copy = work.resolve("hostile");
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(output)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    }
    List<Row> sources = new ArrayList<>(TableFiles.parquet(output, Tables.CITED_SOURCES));
    sources.add(Tables.CITED_SOURCES.row().addValues("outlet", "<script>alert(1)</script>", "all", "all", null, 99L, 9L).build());
    rewrite(copy, Tables.CITED_SOURCES, sources);
    List<Row> overdue = new ArrayList<>(TableFiles.parquet(output, Tables.OVERDUE));
    Row first = overdue.get(0);
    overdue.set(0, Tables.OVERDUE.row().addValues(first.getValues()).withFieldValue("title", "=HYPERLINK(\"https://example.org\")").build());
    rewrite(copy, Tables.OVERDUE, overdue);

    ReportWriter.write(StoredFolder.local(copy), LocalDate.of(2026, 1, 1), "", RunChanges.Comparison.FIRST_RUN);
    Document hostile = Jsoup.parse(copy.resolve(ReportWriter.FILE_NAME).toFile(), "UTF-8");
    assertTrue(hostile.select("script").isEmpty());
    assertTrue(hostile.getElementById("cited-outlets").text().contains("<script>alert(1)</script>"), "shown as text");
    assertEquals("=HYPERLINK(\"https://example.org\")", hostile.select("table.overdue tbody tr td").get(1).text(),
        "the text itself, not the CSV's guard against spreadsheets");
  }

  @Test
  void theReportReadsOnlyColumnsTheTablesHave() {
    TableRow row = TableRow.empty(Tables.SUMMARY);
    assertEquals("", row.get("value"));
    IllegalArgumentException misspelt = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> row.get("valeu"));
    assertEquals("summary has no column valeu", misspelt.getMessage());
  }

  /** Writes a table's rows into a folder, as the pipeline does. */
  private static void rewrite(Path folder, TableDefinition table, List<Row> rows) throws IOException {
    try (FileChannel csv = FileChannel.open(folder.resolve(table.name() + ".csv"), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        FileChannel parquet = FileChannel.open(folder.resolve(table.name() + ".parquet"), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        TableFileWriter writer = new TableFileWriter(table, csv, parquet)) {
      for (Row row : rows) {
        writer.write(table.toAvro(row));
      }
    }
  }
}
