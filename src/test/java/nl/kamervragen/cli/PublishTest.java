package nl.kamervragen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.kamervragen.parse.TestDocuments;
import nl.kamervragen.publish.OutputFolder;
import nl.kamervragen.table.TableDefinition;
import nl.kamervragen.table.Tables;
import nl.kamervragen.testing.MainRun;
import nl.kamervragen.testing.TableFiles;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing all or nothing, the manifest, the reject threshold and the exit codes. */
class PublishTest {

  @TempDir Path work;
  private Path input;
  private Path output;

  @BeforeEach
  void writeInput() throws IOException {
    input = work.resolve("archive");
    output = work.resolve("published/tables");
    Files.createDirectories(input);
    Files.writeString(input.resolve("seed.txt"), TestDocuments.text("seed.txt"));
    Files.writeString(input.resolve("open.txt"), TestDocuments.text("dev-corpus/2020Z14341.txt"));
  }

  private MainRun run(String... extra) {
    List<String> args = new ArrayList<>(List.of("--input=" + input, "--referenceDate=2026-01-01"));
    if (Stream.of(extra).noneMatch(a -> a.startsWith("--output="))) {
      args.add("--output=" + output);
    }
    args.addAll(List.of(extra));
    return MainRun.of(args.toArray(String[]::new));
  }

  @Test
  void aSuccessfulRunPublishesEveryTableWithAManifestAndSuccessMarker() throws IOException {
    MainRun run = run();
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("kamervragen: done: 2 files = 2 documents + 0 duplicates + 0 rejected; 0 warnings; no previous run to compare with;"
        + " tables and report.html in " + output), run.out());
    assertTrue(Files.exists(output.resolve(OutputFolder.SUCCESS_MARKER)));
    assertTrue(Files.size(output.resolve("report.html")) > 10_000, "every run publishes its report");
    JsonNode manifest = new ObjectMapper().readTree(output.resolve("manifest.json").toFile());
    assertEquals("report.html", manifest.path("report").asText());
    assertTrue(manifest.path("run_id").asText().matches("\\d{8}T\\d{6}Z-[0-9a-f]{4}"), manifest::toString);
    assertEquals("DirectRunner", manifest.path("runner").asText());
    assertEquals("2026-01-01", manifest.path("options").path("referenceDate").asText());
    assertEquals(2, manifest.path("input").path("files").asLong());
    assertEquals(Files.size(input.resolve("seed.txt")) + Files.size(input.resolve("open.txt")), manifest.path("input").path("bytes").asLong());
    assertEquals(64, manifest.path("input").path("fingerprint_sha256").asText().length());
    assertEquals(2, manifest.path("summary").path("documents").asLong());
    for (TableDefinition table : Tables.ALL) {
      assertEquals(TableFiles.csv(output, table).records().size(), manifest.path("tables").path(table.name()).path("rows").asLong(), table.name());
    }
    try (Stream<Path> siblings = Files.list(output.getParent())) {
      assertEquals(List.of("tables", "tables.lock"), siblings.map(p -> p.getFileName().toString()).sorted().toList(), "no staging left");
    }
  }

  @Test
  void theFingerprintFollowsTheInput() throws Exception {
    assertEquals(0, run().exitCode());
    String first = fingerprint();
    assertEquals(fingerprintOfThePublishedInputFiles(), first, "made as input_files was written, it is the fingerprint of the table published");
    assertEquals(0, run().exitCode());
    assertEquals(first, fingerprint(), "same input, same fingerprint");
    Files.writeString(input.resolve("open.txt"), TestDocuments.text("dev-corpus/2020Z14341.txt") + "\n");
    assertEquals(0, run().exitCode());
    assertNotEquals(first, fingerprint(), "a changed file changes the fingerprint");
  }

  /** SHA-256 over input_files.csv as published: a line per row of name, bytes and hash (rows of entries that are not files add kind and link target). */
  private String fingerprintOfThePublishedInputFiles() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (CSVRecord row : TableFiles.csv(output, Tables.INPUT_FILES).records()) {
      lines.append(row.get("source_file")).append('\t').append(row.get("bytes")).append('\t').append(row.get("sha256"));
      if (!row.get("kind").equals("file")) {
        lines.append('\t').append(row.get("kind")).append('\t').append(row.get("link_target"));
      }
      lines.append('\n');
    }
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(lines.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private String fingerprint() throws IOException {
    return new ObjectMapper().readTree(output.resolve("manifest.json").toFile()).path("input").path("fingerprint_sha256").asText();
  }

  @Test
  void tooManyRejectsFailTheRunLeaveThePublishedTablesUntouchedAndRemoveTheStaging() throws IOException {
    assertEquals(0, run().exitCode());
    Map<String, byte[]> before = TableFiles.filesIn(output);
    assertFalse(before.isEmpty());

    Files.writeString(input.resolve("broken.txt"), "geen kamervraag");
    MainRun failed = run();
    assertEquals(1, failed.exitCode());
    assertTrue(failed.err().contains("kamervragen: not published: 1 of 3 files rejected (33.3 %), more than --maxRejectedShare=0.05"), failed.err());
    assertTrue(failed.err().contains(output + " is unchanged; this run's staging folder was removed (--keepFailedStaging keeps it)"), failed.err());
    TableFiles.assertSameFiles(before, TableFiles.filesIn(output));
    assertEquals(List.of("tables", "tables.lock"), siblings(), "a failed run leaves no staging folder to fill the disk");

    MainRun allowed = run("--maxRejectedShare=0.5");
    assertEquals(0, allowed.exitCode(), allowed.err());
    assertEquals(1, TableFiles.csv(output, Tables.REJECTS).records().size());
  }

  @Test
  void aFailedRunKeepsItsStagingFolderWhenAskedAndTheNextRunRemovesIt() throws IOException {
    Files.writeString(input.resolve("broken.txt"), "geen kamervraag");
    MainRun failed = run("--keepFailedStaging=true");
    assertEquals(1, failed.exitCode());
    List<String> left = siblings();
    assertEquals(2, left.size(), left::toString);
    assertTrue(left.get(1).startsWith("tables.staging-"), left::toString);
    assertTrue(failed.err().contains("this run's tables are in " + output.resolveSibling(left.get(1)) + " (--keepFailedStaging)"), failed.err());
    assertTrue(Files.exists(output.resolveSibling(left.get(1)).resolve("rejects.csv")), "kept for debugging");

    MainRun next = run("--maxRejectedShare=0.5");
    assertEquals(0, next.exitCode(), next.err());
    assertTrue(next.out().contains("removed " + left.get(1) + ", left by an earlier run that did not finish"), next.out());
    assertEquals(List.of("tables", "tables.lock"), siblings());
  }

  private List<String> siblings() throws IOException {
    try (Stream<Path> siblings = Files.list(output.getParent())) {
      return siblings.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aRunStoppedWhilePublishingIsRepairedByTheNextRun() throws IOException {
    assertEquals(0, run().exitCode());
    // As if a run had been killed between moving the old tables aside and moving the new ones in.
    Files.move(output, output.resolveSibling("tables.replaced-20260101T000000Z-0000"));
    Files.createDirectories(output.resolveSibling("tables.staging-20260101T000000Z-0000"));
    MainRun next = run();
    assertEquals(0, next.exitCode(), next.err());
    assertTrue(next.out().contains("restored " + output), next.out());
    try (Stream<Path> siblings = Files.list(output.getParent())) {
      assertEquals(List.of("tables", "tables.lock"), siblings.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void aSecondRunOnTheSameOutputWaitsForNoneAndFails() throws IOException {
    try (OutputFolder held = OutputFolder.open(output, "20260101T000000Z-0000", null, new ArrayList<>())) {
      MainRun run = run();
      assertEquals(1, run.exitCode());
      assertTrue(run.err().contains("another kamervragen run is writing to " + output), run.err());
    }
  }

  @Test
  void publishLinkPointsAtTheNewestRun() throws IOException {
    Path link = work.resolve("published/latest");
    Path first = work.resolve("published/runs/2026-01-01");
    Path second = work.resolve("published/runs/2026-01-02");
    assertEquals(0, run("--output=" + first, "--publishLink=" + link).exitCode());
    assertEquals(first.toRealPath(), link.toRealPath());
    assertEquals(0, run("--output=" + second, "--publishLink=" + link).exitCode());
    assertEquals(second.toRealPath(), link.toRealPath());
    assertTrue(Files.isSymbolicLink(link));
    assertEquals(Path.of("runs/2026-01-02"), Files.readSymbolicLink(link), "relative, so the folder can move");
    assertTrue(Files.exists(link.resolve("documents.csv")));
  }

  @Test
  void optionsOutOfRangeAreUsageErrors() {
    assertEquals(2, run("--maxRejectedShare=1.5").exitCode());
    assertEquals(2, run("--maxFileBytes=0").exitCode());
  }
}
