package nl.kamervragen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.kamervragen.testing.MainRun;
import nl.kamervragen.testing.TableFiles;
import nl.kamervragen.testing.TestArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run publishes only from an input it really read: files changed, added or removed after the
 * run listed them (here: right after listing, before the pipeline reads) fail the run.
 */
class InputChangesTest {

  @TempDir Path work;
  private Path archive;
  private Path output;
  private Map<String, byte[]> published;

  @BeforeEach
  void publishOnce() throws IOException {
    archive = work.resolve("archive");
    TestArchive.writeMany(archive, 20);
    output = work.resolve("tables");
    MainRun first = MainRun.of(args());
    assertEquals(0, first.exitCode(), first::printed);
    published = TableFiles.filesIn(output);
  }

  private String[] args(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("--input=" + archive, "--output=" + output, "--referenceDate=2026-01-01"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.walk(archive)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void filesChangedAddedOrRemovedAfterListingFailTheRunAndPublishNothing() throws IOException {
    List<Path> files = files();
    String base = archive + "/";
    MainRun run = MainRun.changingInput(() -> {
      try {
        Files.writeString(files.get(0), "\nmeer tekst\n", StandardOpenOption.APPEND);
        Files.delete(files.get(1));
        Files.setLastModifiedTime(files.get(2), FileTime.fromMillis(0));
        Files.writeString(archive.resolve("2019/2019Z99999-new.txt"), "Kamervraag 2019Z99999\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, args());
    assertEquals(1, run.exitCode(), run::printed);
    String a = files.get(0).toString().substring(base.length());
    String b = files.get(1).toString().substring(base.length());
    String c = files.get(2).toString().substring(base.length());
    String line = run.err().lines().filter(l -> l.startsWith("kamervragen: not published: the input changed during the run:")).findFirst()
        .orElseThrow(() -> new AssertionError(run.printed()));
    assertTrue(line.contains("4 input entries differ from the listing made when the run started: "), line);
    assertTrue(line.contains(a + " (size "), line);
    assertTrue(line.contains(b + " (removed)"), line);
    assertTrue(line.contains(c + " (modified)"), line);
    assertTrue(line.contains("2019/2019Z99999-new.txt (added)"), line);
    assertTrue(line.contains("3 file(s) changed while the run read them: "), line);
    assertTrue(line.contains(b + " (changed during the run: removed after it was listed)"), line);
    assertTrue(line.endsWith("Feed runs from a folder nothing writes to while they run (README: Feeding a nightly run)"), line);
    assertFalse(run.printed().contains(archive.toString() + "/"), "names are relative to the input folder");

    TableFiles.assertSameFiles(published, TableFiles.filesIn(output));
    try (Stream<Path> siblings = Files.list(work)) {
      assertEquals(List.of("archive", "tables", "tables.lock"), siblings.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void aFileChangedBeforeItIsReadIsRecordedAsChangedWithAReasonRelativeToTheInput() throws IOException {
    List<Path> files = files();
    MainRun run = MainRun.changingInput(() -> {
      try {
        Files.delete(files.get(3));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, args("--keepFailedStaging=true"));
    assertEquals(1, run.exitCode(), run::printed);
    Path staging;
    try (Stream<Path> siblings = Files.list(work)) {
      staging = siblings.filter(p -> p.getFileName().toString().startsWith("tables.staging-")).findFirst().orElseThrow();
    }
    String rejects = Files.readString(staging.resolve("rejects.csv"));
    String name = files.get(3).toString().substring((archive + "/").length());
    assertEquals("source_file,stage,line,reason\n" + name + ",changed,,changed during the run: removed after it was listed\n", rejects);
  }
}
