package nl.kamervragen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.kamervragen.table.CsvCells;
import nl.kamervragen.table.DataDictionary;
import nl.kamervragen.table.TableDefinition;
import nl.kamervragen.table.Tables;
import nl.kamervragen.testing.MainRun;
import nl.kamervragen.testing.TableFiles;
import nl.kamervragen.testing.TestArchive;
import org.apache.beam.sdk.values.Row;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command-line entry point on real and broken documents and reads every table back. */
class EndToEndTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path work;
  private Path input;
  private int files;

  @BeforeEach
  void writeInput() throws IOException {
    input = work.resolve("archive");
    files = TestArchive.write(input);
  }

  private static MainRun run(String... args) {
    return MainRun.of(CLOCK, args);
  }

  @Test
  void runsOnAFolderAndEveryTableReadsBackTheSameFromCsvAndParquet() throws IOException {
    Path output = work.resolve("out");
    MainRun run = run("--input=" + input, "--output=" + output, "--referenceDate=2026-01-01", "--maxRejectedShare=0.2");
    assertEquals(0, run.exitCode(), run.err());
    int rejected = 1 + TestArchive.BROKEN.size(); // the headerless dev document and the broken files
    assertTrue(run.out().contains(files + " file(s) read: " + (files - rejected) + " parsed, " + rejected + " rejected"), run.out());
    assertTrue(run.out().contains("1 duplicate(s) set aside; " + (files - rejected - 1) + " document(s) kept"), run.out());
    assertTrue(run.out().contains("wrote " + Tables.ALL.size() + " tables"), run.out());
    assertTrue(run.out().contains("kamervragen: stages: Read documents > Remove duplicates > Resolve person keys"), run.out());

    for (TableDefinition table : Tables.ALL) {
      TableFiles.Csv csv = TableFiles.csv(output, table);
      List<Row> parquet = TableFiles.parquet(output, table);
      assertEquals(table.columns().stream().map(c -> c.name()).toList(), csv.header(), table.name());
      assertEquals(csv.records().size(), parquet.size(), table.name());
      for (int i = 0; i < parquet.size(); i++) {
        assertEquals(csvCells(table, parquet.get(i)), csv.records().get(i).toList(), table.name() + " row " + i);
      }
    }

    TableFiles.Csv documents = TableFiles.csv(output, Tables.DOCUMENTS);
    assertEquals(files - rejected - 1, documents.records().size());
    CSVRecord seed = documents.only("id", "2011Z18417");
    assertEquals("2011-09-23", seed.get("submitted"));
    assertEquals("2011-10-14", seed.get("answered"));
    assertEquals("21", seed.get("response_days"));
    assertEquals("true", seed.get("on_time"));
    assertEquals("GL", seed.get("submitter_parties"));
    assertEquals("binnenlandse zaken en koninkrijksrelaties", seed.get("answering_ministries"));
    assertEquals("bestuur; cultuur en recreatie; gemeenten; media", seed.get("topics"));
    assertEquals("5", seed.get("questions"));
    assertEquals("2", seed.get("footnotes"));
    assertEquals("later-copies/seed-copy.txt", seed.get("source_file"));

    CSVRecord open = documents.only("id", "2020Z14341");
    assertEquals("open", open.get("status"));
    assertEquals("", open.get("answered"));
    assertEquals(String.valueOf(java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.of(2020, 7, 27), java.time.LocalDate.of(2026, 1, 1))), open.get("open_days"));
    assertEquals("true", open.get("overdue"));
    assertEquals("not valid UTF-8: decoded as Windows-1252", documents.only("id", "2011Z90002").get("warnings"));
    assertEquals(seed.get("topics"), documents.only("id", "2011Z90001").get("topics"), "CRLF and BOM parse the same");
    assertEquals("variants/gzipped.txt.gz", documents.only("id", "2011Z90003").get("source_file"));
    CSVRecord multi = documents.only("id", "2016Z15741");
    assertEquals("Sadet Karabulut; Harry van Bommel", multi.get("submitters"));
    assertEquals("", multi.get("submitter_parties"), "no submitter shows a party: empty, not one empty entry each");

    TableFiles.Csv rejects = TableFiles.csv(output, Tables.REJECTS);
    List<String> expectedRejects = new ArrayList<>(TestArchive.BROKEN);
    expectedRejects.add("dev/2022Z09118.txt");
    assertEquals(expectedRejects, rejects.records().stream().map(r -> r.get("source_file")).toList());
    assertEquals("5", rejects.only("source_file", "broken/bad-date.txt").get("line"));
    TableFiles.Csv duplicates = TableFiles.csv(output, Tables.DUPLICATES);
    assertEquals(1, duplicates.records().size());
    assertEquals("later-copies/seed-copy.txt", duplicates.records().get(0).get("kept_file"), "identical: first name in sort order");
    assertEquals("seed/000_b1b9bf750efe39c7.txt", duplicates.records().get(0).get("duplicate_file"));
    assertEquals("identical content; kept the first file name in sort order", duplicates.records().get(0).get("reason"));

    Map<String, Long> summary =
        TableFiles.csv(output, Tables.SUMMARY).records().stream()
            .collect(Collectors.toMap(r -> r.get("metric"), r -> Long.parseLong(r.get("value"))));
    assertEquals(files, summary.get("files"));
    assertEquals(summary.get("files"), summary.get("documents") + summary.get("duplicates") + summary.get("rejected"));
    assertEquals(3, summary.get("open"), "2020Z00171, 2020Z14341 and 2022Z15390 are open");

    CSVRecord all = TableFiles.csv(output, Tables.RESPONSE_TIME).allYears("dimension", "all");
    assertEquals(String.valueOf(summary.get("documents")), all.get("documents"));
    assertEquals("3", all.get("open"));
    assertTrue(Files.notExists(output.resolve(".parts")), "staging folder removed");
    assertEquals(DataDictionary.markdown(), Files.readString(output.resolve(DataDictionary.FILE_NAME)), "the dictionary ships with the tables");
  }

  @Test
  void rerunsOnTheSameInputAreByteIdentical() throws IOException {
    Path first = work.resolve("first");
    Path second = work.resolve("second");
    assertEquals(0, run("--input=" + input, "--output=" + first, "--referenceDate=2026-01-01", "--maxRejectedShare=1").exitCode());
    assertEquals(0, run("--input=" + input + "/**", "--output=" + second, "--referenceDate=2026-01-01", "--maxRejectedShare=1").exitCode());
    TableFiles.assertSameTables(first, second);
  }

  @Test
  void wrongOptionsGiveOneLineAndWhereTheHelpIs() {
    MainRun unknown = run("--inptu=seeds");
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().startsWith("kamervragen: "), unknown.err());
    assertTrue(unknown.err().contains(Usage.HINT), unknown.err());
    assertEquals(2, unknown.err().lines().count(), unknown.err());

    MainRun badDate = run("--input=" + input, "--referenceDate=28-11-2026");
    assertEquals(2, badDate.exitCode());
    assertTrue(badDate.err().startsWith("kamervragen: --referenceDate must be a date as YYYY-MM-DD, got '28-11-2026'"), badDate.err());

    MainRun missing = run("--input=" + work.resolve("nowhere"));
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("does not exist"), missing.err());

    MainRun badRunner = run("--input=" + input, "--runner=NoSuchRunner");
    assertEquals(2, badRunner.exitCode());
    assertEquals(2, badRunner.err().lines().count(), badRunner.err());

    MainRun help = run("--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("--referenceDate"), help.out());
  }

  @Test
  void jobDefinitionsGiveOptionsThatTheCommandLineOverrides() throws IOException {
    Path output = work.resolve("job");
    MainRun run = run("run", "pipelines/local.properties", "--output=" + output, "--referenceDate=2026-01-01");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("reading 1 file(s) from seeds on DirectRunner"), run.out());
    assertEquals("2011Z18417", TableFiles.csv(output, Tables.DOCUMENTS).records().get(0).get("id"));

    MainRun missing = run("run", "pipelines/no-such-job.properties");
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().startsWith("kamervragen: cannot read job definition"), missing.err());
  }

  @Test
  void aGlobThatMatchesNothingFails() {
    MainRun run = run("--input=" + input + "/*.nothing", "--output=" + work.resolve("out"));
    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("kamervragen: no input files match"), run.err());
  }

  private static List<String> csvCells(TableDefinition table, Row row) {
    List<String> cells = new ArrayList<>();
    org.apache.avro.generic.GenericRecord record = table.toAvro(row);
    cells.addAll(CsvCells.of(table, record));
    return cells;
  }
}
