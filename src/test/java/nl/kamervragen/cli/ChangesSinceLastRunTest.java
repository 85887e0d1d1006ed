package nl.kamervragen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.kamervragen.parse.TestDocuments;
import nl.kamervragen.table.Tables;
import nl.kamervragen.testing.MainRun;
import nl.kamervragen.testing.TableFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three nightly runs into one output folder: the first has nothing to compare with, the next say what changed. */
class ChangesSinceLastRunTest {

  @TempDir Path work;

  private void put(Path archive, String name, String text) throws IOException {
    Files.createDirectories(archive);
    Files.writeString(archive.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static String runId(Path output) throws IOException {
    return manifest(output).path("run_id").asText();
  }

  private static JsonNode manifest(Path output) throws IOException {
    return new ObjectMapper().readTree(output.resolve("manifest.json").toFile());
  }

  @Test
  void eachRunComparesWithThePublishedOneAndSaysWhatChanged() throws IOException {
    Path archive = work.resolve("archive");
    Path output = work.resolve("tables");
    String seed = TestDocuments.text("seed.txt");
    put(archive, "seed.txt", seed);
    put(archive, "2014Z20341.txt", TestDocuments.text("dev-corpus/2014Z20341.txt"));
    put(archive, "2020Z14341.txt", TestDocuments.text("dev-corpus/2020Z14341.txt")); // open, due 2020-08-17

    MainRun first = MainRun.of("--input=" + archive, "--output=" + output, "--referenceDate=2020-08-01");
    assertEquals(0, first.exitCode(), first.printed());
    assertTrue(first.out().contains("; no previous run to compare with; "), first.out());
    assertEquals(0, TableFiles.csv(output, Tables.CHANGES).records().size());
    assertTrue(manifest(output).path("previous_run_id").isNull());
    String firstRun = runId(output);

    // A night later: one set gone, one new, one file rewritten, and the open set past its deadline.
    Files.delete(archive.resolve("2014Z20341.txt"));
    put(archive, "2019Z10944.txt", TestDocuments.text("dev-corpus/2019Z10944.txt"));
    put(archive, "seed.txt", seed.replace("Ja, dat is mij bekend.", "Ja, dat onderzoek is mij bekend."));
    MainRun second = MainRun.of("--input=" + archive, "--output=" + output, "--referenceDate=2026-01-01");
    assertEquals(0, second.exitCode(), second.printed());

    Map<String, String> changes = TableFiles.csv(output, Tables.CHANGES).records().stream().collect(Collectors.toMap(
        r -> r.get("id"), r -> r.get("change") + " " + r.get("previous_status") + "->" + r.get("status") + " " + r.get("previous_run_id")));
    assertEquals(Map.of(
        "2014Z20341", "removed answered-> " + firstRun,
        "2019Z10944", "new ->answered " + firstRun,
        "2020Z14341", "newly_overdue open->open " + firstRun,
        "2011Z18417", "changed answered->answered " + firstRun), changes);
    assertTrue(second.out().contains("; changes since run " + firstRun + ": 1 new, 1 newly overdue, 1 changed, 1 removed; "), second.out());
    assertEquals(firstRun, manifest(output).path("previous_run_id").asText());
    String report = Files.readString(output.resolve("report.html"));
    assertTrue(report.contains("Sinds de vorige run (" + firstRun + "): 1 nieuw, 1 nu te laat, 1 gewijzigd, 1 verdwenen."), report);
    assertTrue(report.contains("<td>2014Z20341</td><td>verdwenen</td><td>beantwoord</td><td>–</td>"), "the report lists the changes");

    MainRun third = MainRun.of("--input=" + archive, "--output=" + output, "--referenceDate=2026-01-01");
    assertEquals(0, third.exitCode(), third.printed());
    String secondRun = manifest(output).path("previous_run_id").asText();
    assertTrue(third.out().contains("; changes since run " + secondRun + ": none; "), third.out());
    assertEquals(0, TableFiles.csv(output, Tables.CHANGES).records().size());
  }

  @Test
  void datedFoldersBehindALinkCompareWithTheRunTheLinkPointsAt() throws IOException {
    Path archive = work.resolve("archive");
    put(archive, "seed.txt", TestDocuments.text("seed.txt"));
    Path link = work.resolve("latest");
    MainRun first = MainRun.of("--input=" + archive, "--output=" + work.resolve("runs/2026-12-01"), "--publishLink=" + link,
        "--referenceDate=2026-01-01");
    assertEquals(0, first.exitCode(), first.printed());
    String firstRun = runId(link);

    put(archive, "2019Z10944.txt", TestDocuments.text("dev-corpus/2019Z10944.txt"));
    MainRun second = MainRun.of("--input=" + archive, "--output=" + work.resolve("runs/2026-12-02"), "--publishLink=" + link,
        "--referenceDate=2026-01-01");
    assertEquals(0, second.exitCode(), second.printed());
    assertTrue(second.out().contains("; changes since run " + firstRun + ": 1 new; "), second.out());
    assertEquals(List.of("2019Z10944 new"), TableFiles.csv(link, Tables.CHANGES).records().stream()
        .map(r -> r.get("id") + " " + r.get("change")).toList());
  }
}
