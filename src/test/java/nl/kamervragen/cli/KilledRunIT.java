package nl.kamervragen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.kamervragen.testing.TableFiles;
import nl.kamervragen.testing.TestArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A nightly run killed or stopped in the middle leaves the published tables exactly as they were. */
class KilledRunIT {

  private static final Path JAR = Path.of("target/kamervragen.jar");

  @TempDir Path work;
  private Path small;
  private Path output;
  private Map<String, byte[]> published;

  /** Publishes a small archive, then starts a run on a big one and returns once it is reading. */
  private Process publishThenStartABigRun() throws Exception {
    small = work.resolve("small");
    TestArchive.writeMany(small, 50);
    Path big = work.resolve("big");
    TestArchive.writeMany(big, 6_000);
    output = work.resolve("tables");
    assertEquals(0, run(small, output).waitFor(), () -> log());
    published = TableFiles.filesIn(output);

    Process running = run(big, output);
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (!log().contains("kamervragen: progress: Read documents") && Instant.now().isBefore(deadline)) {
      assertTrue(running.isAlive(), () -> "the run ended before it could be stopped: " + log());
      Thread.sleep(200);
    }
    return running;
  }

  @Test
  void aKilledRunLeavesThePublishedTablesIntact() throws Exception {
    publishThenStartABigRun().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertEquals(1, stagingFolders().size(), "the killed run was staging");
    TableFiles.assertSameFiles(published, TableFiles.filesIn(output));

    assertEquals(0, run(small, output).waitFor(), () -> log());
    assertTrue(log().contains("left by an earlier run that did not finish"), this::log);
    assertEquals(List.of(), stagingFolders());
  }

  @Test
  void aRunStoppedBySigtermCancelsItselfAndLeavesNoStagingFolder() throws Exception {
    Process stopped = publishThenStartABigRun();
    stopped.destroy(); // SIGTERM, what cron, systemd and kill send
    assertTrue(stopped.waitFor(60, TimeUnit.SECONDS), "the run ends soon after SIGTERM");
    assertEquals(143, stopped.exitValue(), this::log);
    assertTrue(log().contains("kamervragen: stopped by a signal: cancelling the job; nothing is published"), this::log);
    assertEquals(List.of(), stagingFolders(), "the stopped run removed its staging folder");
    TableFiles.assertSameFiles(published, TableFiles.filesIn(output));
  }

  private List<Path> stagingFolders() throws IOException {
    try (Stream<Path> siblings = Files.list(work)) {
      return siblings.filter(p -> p.getFileName().toString().startsWith("tables.staging-") || p.getFileName().toString().startsWith("tables.trash-")).toList();
    }
  }

  private Process run(Path input, Path output) throws IOException {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
            "--input=" + input, "--output=" + output, "--referenceDate=2026-01-01")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(work.resolve("run.log").toFile()))
        .start();
  }

  private String log() {
    try {
      return Files.readString(work.resolve("run.log"));
    } catch (IOException e) {
      return "";
    }
  }
}
