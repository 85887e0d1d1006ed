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
import nl.kamervragen.testing.MainRun;
import nl.kamervragen.testing.S3Server;
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
    awaitReading(running);
    return running;
  }

  private void awaitReading(Process running) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (!log().contains("kamervragen: progress: Read documents") && Instant.now().isBefore(deadline)) {
      assertTrue(running.isAlive(), () -> "the run ended before it could be stopped: " + log());
      Thread.sleep(200);
    }
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

  @Test
  void aRunOnABucketRefusesASecondOneAndWhenKilledLeavesThePointerForTheNextRunToCleanUp() throws Exception {
    small = work.resolve("small");
    TestArchive.writeMany(small, 50);
    Path big = work.resolve("big");
    TestArchive.writeMany(big, 6_000);
    try (S3Server server = S3Server.start(Files.createDirectories(work.resolve("s3")))) {
      server.client().createBucket(b -> b.bucket("nightly"));
      assertEquals(0, run(small, "s3://nightly/tables", server.options()).waitFor(), this::log);
      String pointer = server.text("nightly", "tables/current.json");
      String published = new com.fasterxml.jackson.databind.ObjectMapper().readTree(pointer).path("run_id").asText();

      Process running = run(big, "s3://nightly/tables", server.options());
      awaitReading(running);
      List<String> second = new java.util.ArrayList<>(List.of("--input=" + small, "--output=s3://nightly/tables", "--referenceDate=2026-01-01"));
      second.addAll(List.of(server.options()));
      MainRun refused = MainRun.of(second.toArray(String[]::new));
      assertEquals(1, refused.exitCode(), refused.printed());
      assertTrue(refused.err().startsWith("kamervragen: not published: another kamervragen run is writing to s3://nightly/tables ("), refused.err());

      running.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      assertEquals(pointer, server.text("nightly", "tables/current.json"), "the pointer still names the published run");
      List<String> runsLeft = runFolders(server);
      assertEquals(2, runsLeft.size(), "the killed run left its run folder: " + runsLeft);
      assertTrue(server.keys("nightly", "tables/").contains("tables/lock.json"), "and its lock");

      assertEquals(0, run(small, "s3://nightly/tables", server.options()).waitFor(), this::log);
      String[] lines = log().lines().toArray(String[]::new);
      String killed = runsLeft.stream().filter(id -> !id.equals(published)).findFirst().orElseThrow();
      assertTrue(log().contains("took over the lock of run " + killed + ", which ended without releasing it"), this::log);
      assertTrue(log().contains("removed runs/" + killed + ", left by an earlier run that was not published"), this::log);
      String now = new com.fasterxml.jackson.databind.ObjectMapper().readTree(server.text("nightly", "tables/current.json")).path("run_id").asText();
      assertEquals(List.of(published, now).stream().sorted().toList(), runFolders(server), lines[lines.length - 1]);
    }
  }

  private static List<String> runFolders(S3Server server) {
    return server.keys("nightly", "tables/runs/").stream().map(key -> key.split("/")[2]).distinct().sorted().toList();
  }

  private List<Path> stagingFolders() throws IOException {
    try (Stream<Path> siblings = Files.list(work)) {
      return siblings.filter(p -> p.getFileName().toString().startsWith("tables.staging-") || p.getFileName().toString().startsWith("tables.trash-")).toList();
    }
  }

  private Process run(Path input, Path output) throws IOException {
    return run(input, output.toString());
  }

  private Process run(Path input, String output, String... options) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        JAR.toString(), "--input=" + input, "--output=" + output, "--referenceDate=2026-01-01"));
    command.addAll(List.of(options));
    return new ProcessBuilder(command)
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
