package nl.kamervragen.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.kamervragen.storage.BucketObjects;
import nl.kamervragen.storage.StoredFolder;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Publishing to object storage, which has no rename: every run writes under
 * {@code <output>/runs/<run id>/} ({@code _SUCCESS} last), and only a complete, checked run folder
 * is named by {@code <output>/current.json}, written in one PUT. Readers resolve the pointer and
 * never see a half-written set.
 *
 * <p>The pointer also lists the runs kept ({@code --keepRuns}, newest first): every other run
 * folder was never published, or is past keeping, and is removed, the first after a run has taken
 * the lock, the second after the pointer has moved. The lock is {@link BucketLock}.
 */
public final class BucketOutput implements RunOutput {

  public static final String POINTER = "current.json";
  public static final String RUNS = "runs";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final StoredFolder output;
  private final BucketObjects objects;
  private final BucketLock lock;
  private final String runId;
  private final int keepRuns;
  private final Clock clock;
  private final Pointer pointer;
  private final String ownerToken;

  /** What {@code current.json} says; null fields for an output nothing was published to. */
  record Pointer(String runId, String path, List<String> runs) {
    static final Pointer NONE = new Pointer(null, null, List.of());
  }

  private BucketOutput(StoredFolder output, BucketObjects objects, BucketLock lock, String runId, int keepRuns, Clock clock, Pointer pointer) {
    this.output = output;
    this.objects = objects;
    this.lock = lock;
    this.runId = runId;
    this.keepRuns = keepRuns;
    this.clock = clock;
    this.pointer = pointer;
    this.ownerToken = runId + "-" + UUID.randomUUID();
  }

  /**
   * Takes the output's lock, removes run folders no pointer names, and makes this run's folder.
   *
   * @param clock when the pointer says the run was published
   * @throws IOException when another run holds the lock, or the store cannot be reached
   */
  public static BucketOutput open(StoredFolder output, String runId, int keepRuns, PipelineOptions options, Clock clock, List<String> notes)
      throws IOException {
    BucketObjects objects = BucketObjects.of(output, options);
    BucketLock lock;
    try {
      lock = BucketLock.acquire(objects, output.location(), runId, Clock.systemUTC(), notes);
    } catch (IOException | RuntimeException e) {
      objects.close();
      throw e;
    }
    BucketOutput opened = null;
    try {
      opened = new BucketOutput(output, objects, lock, runId, keepRuns, clock, readPointer(objects, output));
      opened.removeUnpublished(notes);
      opened.staging().writeString(OutputFolder.OWNER_FILE, opened.ownerToken, "text/plain");
      return opened;
    } catch (IOException | RuntimeException e) {
      lock.close();
      objects.close();
      throw e;
    }
  }

  private static Pointer readPointer(BucketObjects objects, StoredFolder output) throws IOException {
    Optional<BucketObjects.Stored> stored = objects.get(POINTER);
    if (stored.isEmpty()) {
      return Pointer.NONE;
    }
    try {
      JsonNode root = JSON.readTree(stored.get().text());
      List<String> runs = new ArrayList<>();
      root.path("runs").forEach(run -> runs.add(run.asText()));
      String current = root.path("run_id").asText("");
      if (current.isEmpty() || !runs.contains(current)) {
        throw new IOException("no run_id among its runs");
      }
      return new Pointer(current, root.path("path").asText(), List.copyOf(runs));
    } catch (IOException unreadable) {
      // Nothing is removed on the word of a pointer that cannot be read.
      throw new IOException(output + "/" + POINTER + " cannot be read (" + String.valueOf(unreadable.getMessage()).lines().findFirst().orElse("")
          + "); repair it or remove it (then every run folder under " + output + "/" + RUNS + "/ counts as unpublished)");
    }
  }

  private StoredFolder runFolder(String id) {
    return output.folder(RUNS + "/" + id);
  }

  /** Run folders the pointer does not name: left by runs that were killed or failed, or past keeping. */
  private void removeUnpublished(List<String> notes) throws IOException {
    for (String id : output.folder(RUNS).subfolders()) {
      if (!pointer.runs().contains(id)) {
        removeRun(id);
        notes.add("removed " + RUNS + "/" + id + ", left by an earlier run that was not published");
      }
    }
  }

  /** The owner file goes first, so that a job still writing for a dead client stops. */
  private void removeRun(String id) throws IOException {
    StoredFolder folder = runFolder(id);
    folder.delete(OutputFolder.OWNER_FILE);
    folder.deleteAll();
  }

  @Override
  public StoredFolder staging() {
    return runFolder(runId);
  }

  @Override
  public String ownerToken() {
    return ownerToken;
  }

  @Override
  public Optional<PublishedRun> previous(List<String> notes) throws IOException {
    return pointer.path() == null ? Optional.empty() : PublishedRun.in(StoredFolder.at(pointer.path()), notes);
  }

  /**
   * Marks the run folder complete, moves the pointer to it in one PUT, and removes the runs past
   * keeping. The pointer moves only while this run still holds the lock.
   */
  @Override
  public void publish() throws IOException {
    StoredFolder staging = staging();
    staging.delete(OutputFolder.OWNER_FILE);
    staging.writeString(OutputFolder.SUCCESS_MARKER, "", "text/plain");
    List<String> kept = new ArrayList<>();
    kept.add(runId);
    for (String id : pointer.runs()) {
      if (kept.size() < keepRuns) {
        kept.add(id);
      }
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("run_id", runId);
    root.put("path", staging.location() + "/");
    root.put("published_at", Instant.now(clock).toString());
    ArrayNode runs = root.putArray("runs");
    kept.forEach(runs::add);
    lock.check();
    objects.put(POINTER, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root), "application/json");
    for (String id : pointer.runs()) {
      if (!kept.contains(id)) {
        removeRun(id);
      }
    }
  }

  @Override
  public void discard() throws IOException {
    removeRun(runId);
  }

  @Override
  public String location() {
    return output.location();
  }

  @Override
  public String publishedLocation() {
    return staging().location() + "/ (" + output.location() + "/" + POINTER + " points to it)";
  }

  @Override
  public void close() throws IOException {
    try {
      lock.close();
    } finally {
      objects.close();
    }
  }
}
