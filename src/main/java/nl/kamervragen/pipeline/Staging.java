package nl.kamervragen.pipeline;

import java.io.IOException;
import java.io.Serializable;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import nl.kamervragen.publish.OutputFolder;
import nl.kamervragen.storage.StoredFolder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * The folder a run stages its tables in, and the token that proves the run still owns it.
 *
 * <p>A job can outlive its client (a client killed with {@code kill -9} leaves its cluster job
 * running). A later run then removes the staging folder the dead client left; the old job must not
 * write into it, or bring it back. So every file a job writes is created only while the folder's
 * owner file holds the job's token, and on a local disk no write ever creates the staging folder
 * itself: folders inside it are made one level at a time, which fails once it is gone. On object
 * storage, where a check is two requests and a run writes thousands of part files, each worker checks
 * at most every {@link #OBJECT_STORE_CHECK_EVERY}; what a job writes after its folder was removed is
 * under a run folder no pointer names, which the next run removes.
 */
public final class Staging implements Serializable {

  /** How long a worker trusts its last check of the owner file, on object storage. */
  static final Duration OBJECT_STORE_CHECK_EVERY = Duration.ofSeconds(10);

  private final String folder;
  private final String ownerToken;
  /** When this worker's copy last found the folder its own (System.nanoTime); 0 for never. */
  private transient volatile long lastOwnedNanos;

  /**
   * @param folder the staging folder
   * @param ownerToken the token of the run that made it ({@link OutputFolder#OWNER_FILE})
   */
  public Staging(String folder, String ownerToken) {
    this.folder = Objects.requireNonNull(folder, "folder");
    this.ownerToken = Objects.requireNonNull(ownerToken, "ownerToken");
  }

  public String folder() {
    return folder;
  }

  public String ownerToken() {
    return ownerToken;
  }

  /** The staging folder as a Beam resource. */
  ResourceId root() {
    return FileSystems.matchNewResource(folder, true);
  }

  /** Fails unless this run still owns the staging folder. */
  void checkOwned() throws IOException {
    boolean objectStore = !isLocal(root());
    if (objectStore && lastOwnedNanos != 0 && System.nanoTime() - lastOwnedNanos < OBJECT_STORE_CHECK_EVERY.toNanos()) {
      return;
    }
    String found;
    try {
      found = StoredFolder.at(folder).readString(OutputFolder.OWNER_FILE).strip();
    } catch (java.io.FileNotFoundException gone) {
      throw new NotOwnedException(folder, "it is gone (another run removed it)");
    }
    if (!found.equals(ownerToken)) {
      throw new NotOwnedException(folder, "it belongs to another run");
    }
    if (objectStore) {
      lastOwnedNanos = System.nanoTime();
    }
  }

  /** Creates a file inside the staging folder, while this run owns it. */
  WritableByteChannel create(ResourceId file, String mimeType) throws IOException {
    checkOwned();
    if (!isLocal(file)) {
      return FileSystems.create(file, mimeType);
    }
    Path path = Path.of(file.toString());
    Path root = Path.of(folder).toAbsolutePath();
    if (!path.toAbsolutePath().startsWith(root)) {
      throw new IllegalArgumentException(path + " is not inside the staging folder " + root);
    }
    Path level = root;
    for (Path element : root.relativize(path.toAbsolutePath().getParent())) {
      level = level.resolve(element);
      if (!Files.isDirectory(level)) {
        try {
          Files.createDirectory(level); // never the staging folder itself: fails once it is gone
        } catch (java.nio.file.FileAlreadyExistsException madeMeanwhile) {
          // another worker made it
        }
      }
    }
    return Files.newByteChannel(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
  }

  /** Renames files inside a local staging folder, while this run owns it. */
  void rename(List<ResourceId> from, List<ResourceId> to) throws IOException {
    checkOwned();
    for (int i = 0; i < from.size(); i++) {
      Files.move(Path.of(from.get(i).toString()), Path.of(to.get(i).toString()), StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /**
   * Whether a complete file can be written under its final name at once: on object storage an
   * object appears only when its upload completes, so there is no half-written file to hide, and a
   * rename would be a copy.
   */
  boolean writesWholeFiles() {
    return !isLocal(root());
  }

  private static boolean isLocal(ResourceId file) {
    return "file".equals(file.getScheme());
  }

  /** The job no longer owns its staging folder: it must stop writing. */
  static final class NotOwnedException extends IOException {
    NotOwnedException(String folder, String why) {
      super("this job no longer owns its staging folder " + folder + ": " + why + "; it writes nothing more");
    }
  }
}
