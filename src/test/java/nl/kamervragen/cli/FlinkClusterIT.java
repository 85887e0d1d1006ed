package nl.kamervragen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.kamervragen.flink.LocalFlinkCluster;
import nl.kamervragen.testing.MainRun;
import nl.kamervragen.testing.S3Server;
import nl.kamervragen.testing.TableFiles;
import nl.kamervragen.testing.TestArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submits the runnable jar to a real standalone Flink cluster (a JobManager and a TaskManager, each
 * its own JVM, on free loopback ports) and compares its tables with other runners'.
 */
class FlinkClusterIT {

  private static final Path JAR = Path.of("target/kamervragen.jar");
  private static final String REFERENCE_DATE = "--referenceDate=2026-01-01";
  /** The mixed test archive rejects a tenth of its files on purpose. */
  private static final String ALLOW_REJECTS = "--maxRejectedShare=1";

  @TempDir Path work;
  private LocalFlinkCluster cluster;
  private Process taskManager;

  @BeforeEach
  void startCluster() throws IOException, InterruptedException {
    assertTrue(Files.isRegularFile(JAR), "run after mvn package: " + JAR + " is missing");
    int[] ports = freePorts(3);
    cluster =
        new LocalFlinkCluster(
            new LocalFlinkCluster.Settings(
                Path.of("conf").toAbsolutePath(), work.resolve("cluster"), JAR.toAbsolutePath(),
                ports[0], ports[1], ports[2],
                Map.of("restart-strategy.fixed-delay.delay", "1 s")));
    cluster.startJobManager();
    taskManager = cluster.startTaskManager("taskmanager-1");
    cluster.awaitTaskManagers(1, Duration.ofSeconds(120));
  }

  @AfterEach
  void stopCluster() {
    cluster.close();
  }

  @Test
  void clusterRunWritesTheSameTablesAsTheDirectRunner() throws Exception {
    Path input = work.resolve("archive");
    TestArchive.write(input);
    Path direct = work.resolve("direct");
    runInProcess("--input=" + input, "--output=" + direct, REFERENCE_DATE, ALLOW_REJECTS);

    Path onCluster = work.resolve("cluster-output");
    Process client = submit(input, onCluster);
    assertEquals(0, awaitExit(client, Duration.ofMinutes(5)), () -> clientLog());
    JsonNode job = onlyJob();
    assertEquals("FINISHED", job.path("state").asText(), job::toString);
    TableFiles.assertSameTables(direct, onCluster);
  }

  /**
   * Client and TaskManagers share nothing on the local disk: the archive is only in the bucket, the
   * tables only go there, and the client's listing reaches the TaskManagers through the bucket.
   */
  @Test
  void aClusterRunReadsAnArchiveFromABucketAndPublishesToIt() throws Exception {
    Path input = work.resolve("archive");
    TestArchive.write(input);
    try (S3Server server = S3Server.start(Files.createDirectories(work.resolve("s3")))) {
      server.client().createBucket(b -> b.bucket("nightly"));
      server.upload(input, "nightly", "archive");
      // The same objects (input_files holds their times) read by the DirectRunner into a local folder.
      Path direct = work.resolve("direct");
      List<String> directRun = new ArrayList<>(List.of("--input=s3://nightly/archive", "--output=" + direct, REFERENCE_DATE, ALLOW_REJECTS));
      directRun.addAll(List.of(server.options()));
      runInProcess(directRun.toArray(String[]::new));
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-jar", JAR.toAbsolutePath().toString(), "--runner=FlinkRunner", "--flinkMaster=" + cluster.master(), "--parallelism=2",
          "--input=s3://nightly/archive", "--output=s3://nightly/tables", REFERENCE_DATE, ALLOW_REJECTS));
      command.addAll(List.of(server.options()));
      Path clientFolder = Files.createDirectories(work.resolve("client"));
      Process client = new ProcessBuilder(command).directory(clientFolder.toFile())
          .redirectErrorStream(true).redirectOutput(work.resolve("client.log").toFile()).start();
      assertEquals(0, awaitExit(client, Duration.ofMinutes(5)), () -> clientLog() + jobExceptions());
      assertEquals("FINISHED", onlyJob().path("state").asText());

      String runId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(server.text("nightly", "tables/current.json")).path("run_id").asText();
      TableFiles.assertSameTables(direct, server.download("nightly", "tables/runs/" + runId, work.resolve("downloaded")));
      try (java.util.stream.Stream<Path> written = Files.list(clientFolder)) {
        assertEquals(List.of(), written.toList(), "the client wrote nothing to its local disk");
      }
    }
  }

  @Test
  void jobSurvivesALostTaskManager() throws Exception {
    Path input = work.resolve("big");
    TestArchive.writeMany(input, 12_000);
    Path reference = work.resolve("reference");
    runInProcess("--input=" + input, "--output=" + reference, REFERENCE_DATE, "--enforceImmutability=false", "--enforceEncodability=false");

    Path onCluster = work.resolve("cluster-output");
    Process client = submit(input, onCluster);
    JsonNode running = awaitRunningFor(Duration.ofSeconds(4), client);
    String jobId = running.path("jid").asText();
    taskManager.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertEquals("RUNNING", cluster.get("/jobs/" + jobId).path("state").asText(), "the TaskManager died mid-job");
    cluster.startTaskManager("taskmanager-2");

    assertEquals(0, awaitExit(client, Duration.ofMinutes(8)), () -> clientLog());
    // The JobManager serves a job's details from a cache (web.refresh-interval): they can lag the client a little.
    assertEquals("FINISHED", awaitEnd(jobId, Duration.ofSeconds(30)));
    JsonNode exceptions = cluster.get("/jobs/" + jobId + "/exceptions");
    assertTrue(exceptions.path("exceptionHistory").path("entries").size() > 0, () -> "the job saw the loss: " + exceptions);
    TableFiles.assertSameTables(reference, onCluster);
  }

  /** The client of a job on a big archive, once the job has run for a while; its job id is {@link #runningJob}. */
  private Process submitABigJob(Path output) throws Exception {
    Path input = work.resolve("big");
    TestArchive.writeMany(input, 12_000);
    Process client = submit(input, output);
    runningJob = awaitRunningFor(Duration.ofSeconds(2), client).path("jid").asText();
    return client;
  }

  private String runningJob;

  @Test
  void aClientStoppedBySigtermCancelsItsClusterJob() throws Exception {
    Process client = submitABigJob(work.resolve("cluster-output"));
    String jobId = runningJob;
    client.destroy(); // SIGTERM
    assertTrue(client.waitFor(60, TimeUnit.SECONDS), "the client ends after SIGTERM");
    assertEquals("CANCELED", awaitEnd(jobId, Duration.ofSeconds(60)), () -> clientLog());
    assertTrue(clientLog().contains("kamervragen: cancelled Flink job " + jobId), this::clientLog);
    assertEquals(List.of(), stagingFolders(), "no staging folder left");
  }

  @Test
  void aJobWhoseClientWasKilledCannotWriteIntoTheStagingFolderALaterRunRemoved() throws Exception {
    Path output = work.resolve("cluster-output");
    Process client = submitABigJob(output);
    String jobId = runningJob;
    client.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9: the job runs on without its client
    assertEquals(1, stagingFolders().size());

    Path small = work.resolve("small");
    TestArchive.writeMany(small, 20);
    MainRun later = MainRun.of("--input=" + small, "--output=" + output, REFERENCE_DATE);
    assertEquals(0, later.exitCode(), later::printed);
    assertTrue(later.out().contains("left by an earlier run that did not finish"), later.out());

    assertEquals("FAILED", awaitEnd(jobId, Duration.ofMinutes(3)), "the orphaned job stops once its staging folder is gone");
    JsonNode exceptions = cluster.get("/jobs/" + jobId + "/exceptions");
    assertTrue(exceptions.toString().contains("no longer owns its staging folder") || exceptions.toString().contains("listing"),
        exceptions::toString);
    assertEquals(List.of(), stagingFolders(), "the orphaned job did not bring its staging folder back");
    assertEquals("20", String.valueOf(TableFiles.csv(output, nl.kamervragen.table.Tables.DOCUMENTS).records().size()),
        "the later run's tables stay published");
  }

  private List<Path> stagingFolders() throws IOException {
    try (java.util.stream.Stream<Path> siblings = Files.list(work)) {
      return siblings.filter(p -> p.getFileName().toString().startsWith("cluster-output.staging-")
          || p.getFileName().toString().startsWith("cluster-output.trash-")).toList();
    }
  }

  /** Waits until a job has ended and returns its final state. */
  private String awaitEnd(String jobId, Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      String state = cluster.get("/jobs/" + jobId).path("state").asText();
      if (List.of("FINISHED", "FAILED", "CANCELED").contains(state)) {
        return state;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("job " + jobId + " did not end within " + timeout);
  }

  private Process submit(Path input, Path output) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-jar", JAR.toString(), "--runner=FlinkRunner", "--flinkMaster=" + cluster.master(),
        "--parallelism=2", "--input=" + input, "--output=" + output, REFERENCE_DATE, ALLOW_REJECTS));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("client.log").toFile()).start();
  }

  private String clientLog() {
    try {
      return Files.readString(work.resolve("client.log"));
    } catch (IOException e) {
      return "no client log: " + e;
    }
  }

  private static int awaitExit(Process process, Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the client did not finish within " + timeout);
    }
    return process.exitValue();
  }

  /** What the cluster's jobs failed with, for a failing test's message. */
  private String jobExceptions() {
    try {
      StringBuilder text = new StringBuilder();
      for (JsonNode job : cluster.get("/jobs/overview").path("jobs")) {
        for (JsonNode entry : cluster.get("/jobs/" + job.path("jid").asText() + "/exceptions").path("exceptionHistory").path("entries")) {
          text.append('\n').append(entry.path("taskName").asText()).append(": ").append(entry.path("stacktrace").asText().lines().limit(12)
              .collect(java.util.stream.Collectors.joining("\n")));
        }
      }
      return text.toString();
    } catch (IOException | InterruptedException e) {
      return "\nno job exceptions: " + e;
    }
  }

  private JsonNode onlyJob() throws IOException, InterruptedException {
    JsonNode jobs = cluster.get("/jobs/overview").path("jobs");
    assertEquals(1, jobs.size(), jobs::toString);
    return jobs.get(0);
  }

  /** Waits until the submitted job has been running for a while, and returns its overview. */
  private JsonNode awaitRunningFor(Duration running, Process client) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    Instant runningSince = null;
    while (Instant.now().isBefore(deadline)) {
      if (!client.isAlive()) {
        throw new AssertionError("the client ended before the job could be hit: " + clientLog());
      }
      JsonNode jobs = cluster.get("/jobs/overview").path("jobs");
      if (jobs.size() == 1 && jobs.get(0).path("state").asText().equals("RUNNING")) {
        runningSince = runningSince == null ? Instant.now() : runningSince;
        if (Duration.between(runningSince, Instant.now()).compareTo(running) >= 0) {
          return jobs.get(0);
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the job did not run: " + clientLog());
  }

  private static void runInProcess(String... args) {
    MainRun run = MainRun.of(args);
    assertEquals(0, run.exitCode(), run::printed);
  }

  private static int[] freePorts(int count) throws IOException {
    int[] ports = new int[count];
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
    return ports;
  }
}
