package nl.kamervragen.publish;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import nl.kamervragen.storage.StoredFolder;

/**
 * Where a run's tables go, and how they are published all at once: a local folder replaced by one
 * rename ({@link OutputFolder}), or a bucket prefix whose {@code current.json} names the published
 * run ({@link BucketOutput}). Either way a run holds the output's lock from open to close, and a run
 * that is not published leaves what readers see as it was.
 */
public interface RunOutput extends AutoCloseable {

  /** Where this run writes its tables before they are published. */
  StoredFolder staging();

  /** The token in the staging folder ({@link OutputFolder#OWNER_FILE}) that lets this run's jobs write. */
  String ownerToken();

  /** The run readers see now, which this run compares with. */
  Optional<PublishedRun> previous(List<String> notes) throws IOException;

  /** Makes the staged tables the published ones; everything in {@link #staging()} is written. */
  void publish() throws IOException;

  /** Removes what this run staged: a run that is not published leaves nothing behind. */
  void discard() throws IOException;

  /** The output as the user named it. */
  String location();

  /** Where the published tables are, for the run's last line. */
  String publishedLocation();

  @Override
  void close() throws IOException;
}
