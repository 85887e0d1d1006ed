package nl.kamervragen.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import nl.kamervragen.storage.BucketObjects;
import nl.kamervragen.storage.StoredFolder;
import nl.kamervragen.testing.S3ServerExtension;
import org.apache.beam.sdk.options.PipelineOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

/** The lock of a bucket output, against a real S3 API server and its conditional writes. */
class BucketLockTest {

  @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension("locks");
  private static PipelineOptions options;

  @BeforeAll
  static void configure() throws Exception {
    options = S3.server().pipelineOptions();
  }

  private static BucketObjects objects(String prefix) {
    return BucketObjects.of(StoredFolder.at("s3://locks/" + prefix), options);
  }

  @Test
  void aHeldLockRefusesASecondRunAndIsFreeOnceReleased() throws IOException {
    try (BucketObjects objects = objects("held")) {
      Clock now = Clock.systemUTC();
      try (BucketLock first = BucketLock.acquire(objects, "s3://locks/held", "run-1", now, new ArrayList<>())) {
        IOException refused = assertThrows(IOException.class,
            () -> BucketLock.acquire(objects, "s3://locks/held", "run-2", now, new ArrayList<>()));
        assertTrue(refused.getMessage().startsWith("another kamervragen run is writing to s3://locks/held (s3://locks/held/lock.json is held by run run-1 on "),
            refused.getMessage());
        first.check();
      }
      assertTrue(objects.get(BucketLock.FILE).isEmpty(), "released");
      try (BucketLock second = BucketLock.acquire(objects, "s3://locks/held", "run-2", now, new ArrayList<>())) {
        second.check();
      }
    }
  }

  @Test
  void anExpiredLeaseIsTakenOverAndItsHolderCannotPublish() throws IOException {
    try (BucketObjects objects = objects("expired")) {
      BucketLock stale = BucketLock.acquire(objects, "s3://locks/expired", "run-1", Clock.systemUTC(), new ArrayList<>());
      Clock later = Clock.fixed(Instant.now().plus(BucketLock.LEASE).plus(Duration.ofMinutes(1)), ZoneOffset.UTC);
      List<String> notes = new ArrayList<>();
      try (BucketLock taken = BucketLock.acquire(objects, "s3://locks/expired", "run-2", later, notes)) {
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("took over the lock of run run-1, which expired at "), notes.get(0));
        IOException lost = assertThrows(IOException.class, stale::check);
        assertTrue(lost.getMessage().contains("another run took s3://locks/expired/lock.json"), lost.getMessage());
        stale.close(); // releases nothing: the lock is no longer its own
        taken.check();
      }
    }
  }

  @Test
  void theLeaseOfAProcessOfThisHostThatIsGoneIsTakenOverAtOnce() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    String host = java.net.InetAddress.getLocalHost().getHostName();
    S3.server().client().putObject(b -> b.bucket("locks").key("killed/lock.json"), RequestBody.fromString(
        "{\"run_id\": \"run-killed\", \"token\": \"t\", \"host\": \"" + host + "\", \"pid\": " + gone.pid()
            + ", \"expires_at\": \"" + Instant.now().plus(Duration.ofMinutes(2)) + "\"}"));
    try (BucketObjects objects = objects("killed")) {
      List<String> notes = new ArrayList<>();
      try (BucketLock taken = BucketLock.acquire(objects, "s3://locks/killed", "run-2", Clock.systemUTC(), notes)) {
        assertEquals(List.of("took over the lock of run run-killed, which ended without releasing it"), notes);
      }
    }
  }

  @Test
  void theStoreRefusesASecondCreateOfTheSameLock() throws IOException {
    try (BucketObjects objects = objects("conditional")) {
      assertTrue(objects.putIfAbsent("x.json", "{}").isPresent());
      assertTrue(objects.putIfAbsent("x.json", "{}").isEmpty(), "If-None-Match: * is honoured");
      String etag = objects.get("x.json").orElseThrow().etag();
      assertTrue(objects.putIfMatch("x.json", "{\"a\": 1}", "\"not-the-etag\"").isEmpty(), "If-Match is honoured");
      assertTrue(objects.putIfMatch("x.json", "{\"a\": 1}", etag).isPresent());
    }
  }
}
