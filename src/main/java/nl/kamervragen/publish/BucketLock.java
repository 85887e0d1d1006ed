package nl.kamervragen.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.kamervragen.storage.BucketObjects;

/**
 * One writer at a time on a bucket output: a lease object, {@code lock.json}, that names the run
 * holding it and when the lease expires. It is created with {@code If-None-Match: *} and renewed
 * with {@code If-Match} on its ETag, so two runs cannot both hold it on a store that honours
 * conditional writes (AWS S3, MinIO, S3Proxy). A lease that expired, or whose run was on this host
 * and is gone, may be taken over.
 */
final class BucketLock implements AutoCloseable {

  static final String FILE = "lock.json";

  /** How long a lease lasts without renewal: a killed run on another host holds the output this long. */
  static final Duration LEASE = Duration.ofMinutes(3);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BucketObjects objects;
  private final String location;
  private final String runId;
  private final String token;
  private final Clock clock;
  private final ScheduledExecutorService renewal;
  private String etag;
  private String lost;

  private BucketLock(BucketObjects objects, String location, String runId, String etag, String token, Clock clock) {
    this.objects = objects;
    this.location = location;
    this.runId = runId;
    this.etag = etag;
    this.token = token;
    this.clock = clock;
    this.renewal = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "kamervragen-lock-renewal");
      thread.setDaemon(true);
      return thread;
    });
    long every = LEASE.toMillis() / 4;
    renewal.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Takes the output's lock for a run.
   *
   * @param location the output, for messages
   * @throws IOException when another run holds it, with a message that says so
   */
  static BucketLock acquire(BucketObjects objects, String location, String runId, Clock clock, List<String> notes) throws IOException {
    String token = runId + "-" + UUID.randomUUID();
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<String> created = objects.putIfAbsent(FILE, body(runId, token, clock));
      if (created.isPresent()) {
        return new BucketLock(objects, location, runId, created.get(), token, clock);
      }
      Optional<BucketObjects.Stored> held = objects.get(FILE);
      if (held.isEmpty()) {
        continue; // released meanwhile
      }
      JsonNode holder = parse(held.get().text());
      if (!isStale(holder, clock)) {
        throw new IOException("another kamervragen run is writing to " + location + " (" + location + "/" + FILE + " is held by run "
            + holder.path("run_id").asText("?") + " on " + holder.path("host").asText("?") + " until " + holder.path("expires_at").asText("?") + ")");
      }
      Optional<String> taken = objects.putIfMatch(FILE, body(runId, token, clock), held.get().etag());
      if (taken.isPresent()) {
        notes.add("took over the lock of run " + holder.path("run_id").asText("?") + ", which "
            + (isExpired(holder, clock) ? "expired at " + holder.path("expires_at").asText("?") : "ended without releasing it"));
        return new BucketLock(objects, location, runId, taken.get(), token, clock);
      }
    }
    throw new IOException("another kamervragen run is writing to " + location + " (it took " + location + "/" + FILE + " at the same moment)");
  }

  private static String body(String runId, String token, Clock clock) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    node.put("run_id", runId);
    node.put("token", token);
    node.put("host", host());
    node.put("pid", ProcessHandle.current().pid());
    node.put("expires_at", clock.instant().plus(LEASE).toString());
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException unreadable) {
      return JSON.createObjectNode(); // a lock nobody can read has no expiry worth waiting for
    }
  }

  private static boolean isExpired(JsonNode holder, Clock clock) {
    try {
      return Instant.parse(holder.path("expires_at").asText()).isBefore(clock.instant());
    } catch (java.time.format.DateTimeParseException unreadable) {
      return true;
    }
  }

  /** Expired, or held by a process of this host that is gone (a run killed here need not be waited for). */
  private static boolean isStale(JsonNode holder, Clock clock) {
    if (isExpired(holder, clock)) {
      return true;
    }
    return holder.path("host").asText().equals(host()) && holder.has("pid")
        && ProcessHandle.of(holder.path("pid").asLong()).map(p -> !p.isAlive()).orElse(true);
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException unknown) {
      return "unknown";
    }
  }

  private synchronized void renew() {
    if (lost != null) {
      return;
    }
    try {
      Optional<String> renewed = objects.putIfMatch(FILE, body(runId, token, clock), etag);
      if (renewed.isPresent()) {
        etag = renewed.get();
      } else {
        lost = "another run took " + location + "/" + FILE + " while this run held it";
      }
    } catch (IOException failed) {
      // A store that is briefly unreachable: the next renewal tries again well before expiry.
      org.slf4j.LoggerFactory.getLogger(BucketLock.class).warn("could not renew {}/{}", location, FILE, failed);
    }
  }

  /** Fails unless this run still holds the lock: checked just before the pointer moves. */
  synchronized void check() throws IOException {
    if (lost == null) {
      if (!isStillOurs()) {
        lost = "another run took " + location + "/" + FILE + " while this run held it";
      }
    }
    if (lost != null) {
      throw new IOException(lost);
    }
  }

  /** Releases the lock, if this run still holds it. */
  @Override
  public synchronized void close() throws IOException {
    renewal.shutdownNow();
    if (isStillOurs()) {
      objects.delete(FILE);
    }
  }

  /** Whether the lock object in the store holds this run's token. */
  private boolean isStillOurs() throws IOException {
    Optional<BucketObjects.Stored> now = objects.get(FILE);
    return now.isPresent() && parse(now.get().text()).path("token").asText().equals(token);
  }
}
