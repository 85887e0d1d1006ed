package nl.kamervragen.storage;

import java.io.BufferedOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.parquet.io.InputFile;

/**
 * A folder on any of Beam's file systems (a local disk, {@code s3://bucket/prefix}), read and
 * written through them, so that the steps around the pipeline (the checks, the report, the
 * manifest, the publish) work the same wherever the run's output lives.
 */
public final class StoredFolder implements Serializable {

  private static final int BUFFER = 1 << 16;

  private final String uri;

  private StoredFolder(String uri) {
    this.uri = uri.endsWith("/") ? uri : uri + "/";
  }

  /** A folder on a local disk. */
  public static StoredFolder local(Path folder) {
    return new StoredFolder(folder.toAbsolutePath().normalize().toString());
  }

  /** A folder at a URI ({@code s3://bucket/prefix}) or a local path. */
  public static StoredFolder at(String location) {
    return isObjectStore(location) ? new StoredFolder(location) : local(Path.of(location));
  }

  /** Whether a location starts with a URI scheme ({@code s3://}, {@code gs://}, {@code file://}). */
  public static boolean hasScheme(String location) {
    return location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
  }

  /** Whether a location names object storage rather than a local path. */
  public static boolean isObjectStore(String location) {
    return hasScheme(location) && !location.startsWith("file://");
  }

  public boolean isLocal() {
    return !isObjectStore(uri);
  }

  /** The folder on the local disk; only for a local folder. */
  public Path localPath() {
    if (!isLocal()) {
      throw new IllegalStateException(uri + " is not on a local disk");
    }
    return Path.of(uri);
  }

  /** The folder, for messages: without the trailing slash. */
  public String location() {
    return uri.substring(0, uri.length() - 1);
  }

  /** The location of a file in this folder, as Beam's file systems and ParquetIO take it. */
  public String locationOf(String name) {
    return uri + name;
  }

  public StoredFolder folder(String name) {
    return new StoredFolder(uri + name);
  }

  public ResourceId file(String name) {
    return FileSystems.matchNewResource(uri, true).resolve(name, StandardResolveOptions.RESOLVE_FILE);
  }

  /** Whether the folder holds a file of this name. */
  public boolean exists(String name) throws IOException {
    MatchResult match = FileSystems.match(List.of(locationOf(name)), EmptyMatchTreatment.ALLOW).get(0);
    if (match.status() == MatchResult.Status.NOT_FOUND) {
      return false;
    }
    if (match.status() != MatchResult.Status.OK) {
      throw new IOException("cannot look up " + locationOf(name) + ": " + match.status());
    }
    return !match.metadata().isEmpty();
  }

  /** Opens a file of this folder; {@link FileNotFoundException} when it is not there. */
  public InputStream open(String name) throws IOException {
    try {
      return Channels.newInputStream(FileSystems.open(file(name)));
    } catch (java.nio.file.NoSuchFileException | software.amazon.awssdk.services.s3.model.NoSuchKeyException missing) {
      // Beam's S3 file system lets the SDK's unchecked exception through
      throw new FileNotFoundException(locationOf(name));
    }
  }

  public String readString(String name) throws IOException {
    try (InputStream in = open(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Creates (or replaces) a file of this folder; on object storage it appears when closed. Closing
   * it twice closes it once (a second close of an S3 upload would try to complete it again).
   */
  public OutputStream create(String name, String mimeType) throws IOException {
    return new BufferedOutputStream(Channels.newOutputStream(FileSystems.create(file(name), mimeType)), BUFFER);
  }

  public void writeString(String name, String text, String mimeType) throws IOException {
    try (OutputStream out = create(name, mimeType)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A Parquet file of this folder, for Parquet's readers. */
  public InputFile parquet(String name) throws IOException {
    return new StoredParquetFile(FileSystems.matchSingleFileSpec(locationOf(name)));
  }

  public void delete(String name) throws IOException {
    FileSystems.delete(List.of(file(name)), StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  /** Every file under this folder, at any depth. */
  public List<MatchResult.Metadata> files() throws IOException {
    MatchResult match = FileSystems.match(List.of(uri + "**"), EmptyMatchTreatment.ALLOW).get(0);
    if (match.status() == MatchResult.Status.NOT_FOUND) {
      return List.of();
    }
    if (match.status() != MatchResult.Status.OK) {
      throw new IOException("cannot list " + uri + ": " + match.status());
    }
    return match.metadata();
  }

  /** The names of the folders right under this one (object storage: the common prefixes). */
  public List<String> subfolders() throws IOException {
    java.util.SortedSet<String> names = new java.util.TreeSet<>();
    for (MatchResult.Metadata file : files()) {
      String relative = file.resourceId().toString().substring(uri.length());
      int slash = relative.indexOf('/');
      if (slash > 0) {
        names.add(relative.substring(0, slash));
      }
    }
    return List.copyOf(names);
  }

  /** Deletes this folder and every file under it; on a local disk its folders too. */
  public void deleteAll() throws IOException {
    if (isLocal()) {
      deleteTree(localPath());
      return;
    }
    List<ResourceId> files = new ArrayList<>();
    for (MatchResult.Metadata file : files()) {
      files.add(file.resourceId());
    }
    if (!files.isEmpty()) {
      FileSystems.delete(files, StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }

  /** Deletes a local folder and everything in it; nothing when it does not exist. */
  public static void deleteTree(Path root) throws IOException {
    if (!java.nio.file.Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.deleteIfExists(path);
      }
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredFolder that && uri.equals(that.uri);
  }

  @Override
  public int hashCode() {
    return Objects.hash(uri);
  }

  @Override
  public String toString() {
    return location();
  }
}
