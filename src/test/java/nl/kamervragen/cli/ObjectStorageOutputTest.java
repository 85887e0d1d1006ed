package nl.kamervragen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import nl.kamervragen.testing.FreePorts;
import nl.kamervragen.testing.MainRun;
import nl.kamervragen.testing.S3Server;
import nl.kamervragen.testing.S3ServerExtension;
import nl.kamervragen.testing.TableFiles;
import nl.kamervragen.testing.TestArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Publishing to a bucket of a real S3 API server: every run in a folder of its own, a pointer
 * ({@code current.json}) that names the published one and moves only when a run is complete, old
 * runs pruned, leftovers of unpublished runs removed, and one writer at a time.
 */
class ObjectStorageOutputTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);
  private static final String BUCKET = "published";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;
  @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension(BUCKET);
  private static Path archive;
  private static Path local;

  @BeforeAll
  static void publishLocally() throws Exception {
    archive = work.resolve("archive");
    TestArchive.write(archive);
    local = work.resolve("local");
    MainRun localRun = run("--output=" + local);
    assertEquals(0, localRun.exitCode(), localRun.printed());
  }

  private static MainRun run(String... extra) {
    List<String> args = new ArrayList<>(List.of("--referenceDate=2026-01-01"));
    args.addAll(Arrays.asList(extra));
    if (args.stream().noneMatch(arg -> arg.startsWith("--input="))) {
      args.add("--input=" + archive);
    }
    if (args.stream().noneMatch(arg -> arg.startsWith("--maxRejectedShare="))) {
      args.add("--maxRejectedShare=0.2"); // the test archive holds rejects on purpose
    }
    args.addAll(Arrays.asList(S3.server().options()));
    return MainRun.of(CLOCK, args.toArray(String[]::new));
  }

  private static JsonNode pointer(String prefix) throws IOException {
    return JSON.readTree(S3.server().text(BUCKET, prefix + "/current.json"));
  }

  /** The run folders under a prefix. */
  private static List<String> runs(String prefix) {
    TreeSet<String> runs = new TreeSet<>();
    for (String key : S3.server().keys(BUCKET, prefix + "/runs/")) {
      runs.add(key.substring((prefix + "/runs/").length()).split("/")[0]);
    }
    return List.copyOf(runs);
  }

  @Test
  void aRunPublishedToABucketHasTheTablesOfALocalRunAndAPointerToThem() throws IOException {
    MainRun run = run("--output=s3://" + BUCKET + "/tables");
    assertEquals(0, run.exitCode(), run.printed() + S3.server().log());

    JsonNode pointer = pointer("tables");
    String runId = pointer.path("run_id").asText();
    assertEquals(List.of(runId), runs("tables"));
    assertEquals("s3://" + BUCKET + "/tables/runs/" + runId + "/", pointer.path("path").asText());
    assertEquals("2026-12-02T12:00:00Z", pointer.path("published_at").asText());
    assertTrue(run.out().contains("tables and report.html in s3://" + BUCKET + "/tables/runs/" + runId + "/ (s3://" + BUCKET
        + "/tables/current.json points to it)"), run.out());

    Path downloaded = S3.server().download(BUCKET, "tables/runs/" + runId, work.resolve("downloaded"));
    TableFiles.assertSameTables(local, downloaded);
    assertEquals(TableFiles.filesIn(local).keySet(), TableFiles.filesIn(downloaded).keySet(),
        "the same files: tables, report.html, tables.md, manifest.json, _SUCCESS; no staging leftovers");
    assertEquals(runId, JSON.readTree(downloaded.resolve("manifest.json").toFile()).path("run_id").asText());
    assertEquals(List.of("tables/current.json"), S3.server().keys(BUCKET, "tables/").stream().filter(k -> !k.startsWith("tables/runs/")).toList(),
        "the lock is released");
  }

  @Test
  void eachRunMovesThePointerComparesWithThePreviousRunAndKeepRunsPrunes() throws IOException {
    String output = "--output=s3://" + BUCKET + "/history";
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      MainRun run = run(output, "--keepRuns=2");
      assertEquals(0, run.exitCode(), run.printed());
      ids.add(pointer("history").path("run_id").asText());
      if (i > 0) {
        assertTrue(run.out().contains("changes since run " + ids.get(i - 1) + ": none"), run.out());
        JsonNode manifest = JSON.readTree(S3.server().text(BUCKET, "history/runs/" + ids.get(i) + "/manifest.json"));
        assertEquals(ids.get(i - 1), manifest.path("previous_run_id").asText());
      }
    }
    assertEquals(3, new TreeSet<>(ids).size(), "three runs, three run ids");
    assertEquals(new TreeSet<>(ids.subList(1, 3)), new TreeSet<>(runs("history")), "the oldest run is pruned");
    List<String> listed = new ArrayList<>();
    pointer("history").path("runs").forEach(r -> listed.add(r.asText()));
    assertEquals(List.of(ids.get(2), ids.get(1)), listed, "newest first");
  }

  @Test
  void aRunThatIsNotPublishedLeavesThePointerAndRemovesItsRunFolder() throws IOException {
    String output = "--output=s3://" + BUCKET + "/failing";
    assertEquals(0, run(output).exitCode());
    String before = S3.server().text(BUCKET, "failing/current.json");
    List<String> runsBefore = runs("failing");

    MainRun failed = run(output, "--maxRejectedShare=0");
    assertEquals(1, failed.exitCode(), failed.printed());
    assertTrue(failed.err().contains("not published: "), failed.err());
    assertEquals(before, S3.server().text(BUCKET, "failing/current.json"));
    assertEquals(runsBefore, runs("failing"));
  }

  @Test
  void leftoversOfARunThatWasNeverPublishedAreRemovedByTheNextRun() throws IOException {
    S3.server().client().putObject(b -> b.bucket(BUCKET).key("leftovers/runs/20261201T000000Z-dead/.owner"), RequestBody.fromString("gone"));
    S3.server().client().putObject(b -> b.bucket(BUCKET).key("leftovers/runs/20261201T000000Z-dead/.parts/documents/61.avro"), RequestBody.fromString("x"));
    MainRun run = run("--output=s3://" + BUCKET + "/leftovers");
    assertEquals(0, run.exitCode(), run.printed());
    assertTrue(run.out().contains("removed runs/20261201T000000Z-dead, left by an earlier run that was not published"), run.out());
    assertEquals(List.of(pointer("leftovers").path("run_id").asText()), runs("leftovers"));
  }

  @Test
  void aSecondRunIsRefusedWhileAnotherHoldsTheLock() throws IOException {
    String lock = "{\"run_id\": \"20261202T115900Z-beef\", \"token\": \"t\", \"host\": \"" + InetAddress.getLocalHost().getHostName()
        + "\", \"pid\": " + ProcessHandle.current().pid() + ", \"expires_at\": \"" + Instant.now().plus(Duration.ofMinutes(2)) + "\"}";
    S3.server().client().putObject(b -> b.bucket(BUCKET).key("locked/lock.json"), RequestBody.fromString(lock));
    MainRun refused = run("--output=s3://" + BUCKET + "/locked");
    assertEquals(1, refused.exitCode(), refused.printed());
    assertEquals(1, refused.err().lines().count(), refused.err());
    assertTrue(refused.err().startsWith("kamervragen: not published: another kamervragen run is writing to s3://" + BUCKET
        + "/locked (s3://" + BUCKET + "/locked/lock.json is held by run 20261202T115900Z-beef on "), refused.err());
    assertEquals(List.of("locked/lock.json"), S3.server().keys(BUCKET, "locked/"), "nothing written, the lock left alone");
  }

  @Test
  void aPointerThatCannotBeReadStopsTheRunBeforeAnythingIsRemoved() {
    S3.server().client().putObject(b -> b.bucket(BUCKET).key("broken/current.json"), RequestBody.fromString("{\"run_id\": "));
    S3.server().client().putObject(b -> b.bucket(BUCKET).key("broken/runs/20261201T000000Z-aaaa/_SUCCESS"), RequestBody.empty());
    MainRun run = run("--output=s3://" + BUCKET + "/broken");
    assertEquals(1, run.exitCode(), run.printed());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("kamervragen: not published: s3://" + BUCKET + "/broken/current.json cannot be read ("), run.err());
    assertEquals(List.of("20261201T000000Z-aaaa"), runs("broken"), "no run folder removed on the word of a broken pointer");
    assertEquals(List.of("broken/current.json", "broken/runs/20261201T000000Z-aaaa/_SUCCESS"), S3.server().keys(BUCKET, "broken/"), "and the lock released");
  }

  @Test
  void aMissingBucketWrongCredentialsAndAnUnreachableEndpointAreEachOneLine() throws IOException {
    MainRun missing = run("--output=s3://no-such-bucket/tables");
    assertEquals(1, missing.exitCode(), missing.printed());
    assertEquals(List.of("kamervragen: not published: cannot write s3://no-such-bucket/tables/lock.json: The specified bucket does not exist"),
        missing.err().lines().toList());

    List<String> wrongKey = new ArrayList<>(List.of("--input=" + archive, "--output=s3://" + BUCKET + "/denied", "--referenceDate=2026-01-01"));
    wrongKey.addAll(Arrays.asList(S3.server().options()));
    wrongKey.replaceAll(arg -> arg.replace(S3Server.SECRET_KEY, "not-the-secret"));
    MainRun denied = MainRun.of(CLOCK, wrongKey.toArray(String[]::new));
    assertEquals(1, denied.exitCode(), denied.printed());
    assertEquals(1, denied.err().lines().count(), denied.err());
    assertTrue(denied.err().startsWith("kamervragen: not published: cannot write s3://" + BUCKET + "/denied/lock.json: "), denied.err());
    assertFalse(denied.err().contains("Exception"), denied.err());

    List<String> nowhere = new ArrayList<>(List.of("--input=" + archive, "--output=s3://" + BUCKET + "/nowhere", "--referenceDate=2026-01-01"));
    nowhere.addAll(Arrays.asList(S3.server().options()));
    int closed = FreePorts.loopback();
    nowhere.replaceAll(arg -> arg.replace(S3.server().endpoint().toString(), "http://127.0.0.1:" + closed));
    MainRun unreachable = MainRun.of(CLOCK, nowhere.toArray(String[]::new));
    assertEquals(1, unreachable.exitCode(), unreachable.printed());
    assertEquals(1, unreachable.err().lines().count(), unreachable.err());
    assertTrue(unreachable.err().startsWith("kamervragen: not published: cannot write s3://" + BUCKET + "/nowhere/lock.json: "), unreachable.err());
  }

  @Test
  void fromABucketToABucketTheDirectRunnerAndFlinkEmbeddedWriteTheTablesOfARunToADisk() throws IOException {
    S3.server().upload(archive, BUCKET, "archive");
    String fromBucket = "--input=s3://" + BUCKET + "/archive";
    Path toDisk = work.resolve("bucket-to-disk");
    MainRun reference = run(fromBucket, "--output=" + toDisk);
    assertEquals(0, reference.exitCode(), reference.printed());
    for (String runner : List.of("DirectRunner", "FlinkRunner")) {
      MainRun run = run(fromBucket, "--output=s3://" + BUCKET + "/" + runner, "--runner=" + runner, "--parallelism=2");
      assertEquals(0, run.exitCode(), run.printed());
      String runId = pointer(runner).path("run_id").asText();
      TableFiles.assertSameTables(toDisk, S3.server().download(BUCKET, runner + "/runs/" + runId, work.resolve(runner)));
    }
  }

  @Test
  void optionsThatOnlyMakeSenseLocallyOrOutOfRangeAreUsageErrors() {
    MainRun link = run("--output=s3://" + BUCKET + "/linked", "--publishLink=" + work.resolve("latest"));
    assertEquals(2, link.exitCode(), link.printed());
    assertTrue(link.err().startsWith("kamervragen: --publishLink needs a local --output"), link.err());
    assertEquals(2, run("--output=s3://" + BUCKET + "/kept", "--keepRuns=0").exitCode());
    assertEquals(2, run("--output=gs://" + BUCKET + "/tables").exitCode());
    MainRun fileUri = run("--output=file://" + work.resolve("as-uri"));
    assertEquals(2, fileUri.exitCode(), fileUri.printed());
    assertTrue(fileUri.err().startsWith("kamervragen: --output must be a local folder or s3://bucket/prefix, got 'file://"), fileUri.err());
    MainRun noBucket = run("--output=s3:///tables");
    assertEquals(2, noBucket.exitCode(), noBucket.printed());
    assertTrue(noBucket.err().contains("names no bucket"), noBucket.err());
  }
}
