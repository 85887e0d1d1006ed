package nl.kamervragen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.kamervragen.testing.TestArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A nightly run killed in the middle leaves the published tables exactly as they were. */
class KilledRunIT {

  private static final Path JAR = Path.of("target/kamervragen.jar");

  @TempDir Path work;

  @Test
  void aKilledRunLeavesThePublishedTablesIntact() throws Exception {
    Path small = work.resolve("small");
    TestArchive.writeMany(small, 50);
    Path big = work.resolve("big");
    TestArchive.writeMany(big, 6_000);
    Path output = work.resolve("tables");

    assertEquals(0, run(small, output).waitFor(), () -> log());
    Map<String, byte[]> published = contents(output);

    Process killed = run(big, output);
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (!log().contains("kamervragen: progress: Read documents") && Instant.now().isBefore(deadline)) {
      assertTrue(killed.isAlive(), () -> "the run ended before it could be killed: " + log());
      Thread.sleep(200);
    }
    killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    try (Stream<Path> siblings = Files.list(work)) {
      assertTrue(siblings.anyMatch(p -> p.getFileName().toString().startsWith("tables.staging-")), "the killed run was staging");
    }
    Map<String, byte[]> after = contents(output);
    assertEquals(published.keySet(), after.keySet());
    published.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name));

    assertEquals(0, run(small, output).waitFor(), () -> log());
    assertTrue(log().contains("left by an earlier run that did not finish"), this::log);
    try (Stream<Path> siblings = Files.list(work)) {
      assertEquals(List.of(), siblings.filter(p -> p.getFileName().toString().startsWith("tables.staging-")).toList());
    }
  }

  @Test
  void aRunStoppedBySigtermCancelsItselfAndLeavesNoStagingFolder() throws Exception {
    Path small = work.resolve("small");
    TestArchive.writeMany(small, 50);
    Path big = work.resolve("big");
    TestArchive.writeMany(big, 6_000);
    Path output = work.resolve("tables");
    assertEquals(0, run(small, output).waitFor(), () -> log());
    Map<String, byte[]> published = contents(output);

    Process stopped = run(big, output);
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (!log().contains("kamervragen: progress: Read documents") && Instant.now().isBefore(deadline)) {
      assertTrue(stopped.isAlive(), () -> "the run ended before it could be stopped: " + log());
      Thread.sleep(200);
    }
    stopped.destroy(); // SIGTERM, what cron, systemd and kill send
    assertTrue(stopped.waitFor(60, TimeUnit.SECONDS), "the run ends soon after SIGTERM");
    assertEquals(143, stopped.exitValue(), this::log);
    assertTrue(log().contains("kamervragen: stopped by a signal: cancelling the job; nothing is published"), this::log);
    try (Stream<Path> siblings = Files.list(work)) {
      assertEquals(List.of(), siblings.filter(p -> p.getFileName().toString().startsWith("tables.staging-")).toList(),
          "the stopped run removed its staging folder");
    }
    Map<String, byte[]> after = contents(output);
    assertEquals(published.keySet(), after.keySet());
    published.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name));
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

  private static Map<String, byte[]> contents(Path folder) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.list(folder)) {
      for (Path path : paths.toList()) {
        files.put(path.getFileName().toString(), Files.readAllBytes(path));
      }
    }
    return files;
  }
}
