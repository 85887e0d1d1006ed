package nl.kamervragen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import nl.kamervragen.table.TableDefinition;
import nl.kamervragen.table.Tables;
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
 * An archive read from a bucket of a real S3 API server gives the tables a run on the same files on
 * a local disk gives: the accounting, rejects, gzip, duplicates and content hashes all the same.
 */
class ObjectStorageInputTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);

  @TempDir static Path work;
  @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension("kamervragen");
  private static Path archive;

  @BeforeAll
  static void archiveInABucket() throws Exception {
    archive = work.resolve("archive");
    TestArchive.write(archive);
    S3.server().upload(archive, "kamervragen", "archive");
    // A folder marker, as consoles make them, and an object outside the input's prefix.
    S3.server().client().putObject(b -> b.bucket("kamervragen").key("archive/dev/"), RequestBody.empty());
    S3.server().client().putObject(b -> b.bucket("kamervragen").key("elsewhere/2019Z14964.txt"), RequestBody.fromString("not part of the input"));
  }

  private static MainRun run(String input, Path output) {
    List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + output, "--referenceDate=2026-01-01", "--maxRejectedShare=0.2"));
    args.addAll(Arrays.asList(S3.server().options()));
    return MainRun.of(CLOCK, args.toArray(String[]::new));
  }

  @Test
  void aBucketGivesTheTablesOfTheSameFilesOnADisk() throws IOException {
    Path local = work.resolve("local");
    Path fromBucket = work.resolve("from-bucket");
    MainRun localRun = run(archive.toString(), local);
    assertEquals(0, localRun.exitCode(), localRun.printed());
    MainRun bucketRun = run("s3://kamervragen/archive", fromBucket);
    assertEquals(0, bucketRun.exitCode(), bucketRun.printed() + S3.server().log());
    assertTrue(bucketRun.out().contains("reading " + (TestArchive.write(work.resolve("count")) + " file(s) from s3://kamervragen/archive")),
        bucketRun.out());

    for (TableDefinition table : Tables.ALL) {
      if (table == Tables.INPUT_FILES) {
        continue; // modification times differ: the objects were written after the files
      }
      assertEquals(Files.readString(local.resolve(table.name() + ".csv")), Files.readString(fromBucket.resolve(table.name() + ".csv")),
          table.name());
      assertEquals(TableFiles.parquet(local, table), TableFiles.parquet(fromBucket, table), table.name());
    }
    assertEquals(inventory(local), inventory(fromBucket));
  }

  @Test
  void aGlobAfterTheBucketPrefixSelectsObjects() throws IOException {
    Path output = work.resolve("glob");
    MainRun run = run("s3://kamervragen/archive/dev/*.txt", output);
    assertEquals(0, run.exitCode(), run.printed());
    long devFiles;
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/dev-corpus"))) {
      devFiles = files.filter(f -> f.toString().endsWith(".txt")).count();
    }
    assertEquals(devFiles, TableFiles.csv(output, Tables.INPUT_FILES).records().size());
  }

  @Test
  void aPrefixWithNothingUnderItIsOneLineAndNothingIsPublished() {
    Path output = work.resolve("empty");
    MainRun run = run("s3://kamervragen/no-such-prefix", output);
    assertEquals(1, run.exitCode(), run.printed());
    assertTrue(run.err().contains("no input files match 's3://kamervragen/no-such-prefix'"), run.err());
    assertTrue(!Files.exists(output.resolve("documents.csv")));
  }

  @Test
  void aMissingBucketWrongCredentialsAndAnUnreachableEndpointAreEachOneLineAndNothingIsPublished() throws IOException {
    MainRun missing = run("s3://no-such-bucket/archive", work.resolve("missing"));
    assertEquals(1, missing.exitCode(), missing.printed());
    assertEquals(2, missing.err().lines().count(), missing.err()); // and that the output is unchanged
    assertTrue(missing.err().startsWith("kamervragen: not published: cannot list s3://no-such-bucket/archive/: The specified bucket does not exist"),
        missing.err());
    assertTrue(!missing.err().contains("Exception"), missing.err());

    List<String> wrongKey = new ArrayList<>(List.of("--input=s3://kamervragen/archive", "--output=" + work.resolve("wrong-key"),
        "--referenceDate=2026-01-01"));
    wrongKey.addAll(Arrays.asList(S3.server().options()));
    wrongKey.replaceAll(arg -> arg.replace(S3Server.SECRET_KEY, "not-the-secret"));
    MainRun denied = MainRun.of(CLOCK, wrongKey.toArray(String[]::new));
    assertEquals(1, denied.exitCode(), denied.printed());
    assertEquals(2, denied.err().lines().count(), denied.err());
    assertTrue(denied.err().startsWith("kamervragen: not published: cannot list s3://kamervragen/archive/"), denied.err());

    List<String> nowhere = new ArrayList<>(List.of("--input=s3://kamervragen/archive", "--output=" + work.resolve("nowhere"),
        "--referenceDate=2026-01-01"));
    nowhere.addAll(Arrays.asList(S3.server().options()));
    int closed = nl.kamervragen.testing.FreePorts.loopback();
    nowhere.replaceAll(arg -> arg.replace(S3.server().endpoint().toString(), "http://127.0.0.1:" + closed));
    MainRun unreachable = MainRun.of(CLOCK, nowhere.toArray(String[]::new));
    assertEquals(1, unreachable.exitCode(), unreachable.printed());
    assertEquals(2, unreachable.err().lines().count(), unreachable.err());
    assertTrue(unreachable.err().startsWith("kamervragen: not published: cannot list s3://kamervragen/archive/"), unreachable.err());
  }

  /** Name, size, hash and bytes read of every entry: what the listing and the reading agree on. */
  private static List<String> inventory(Path output) throws IOException {
    return TableFiles.csv(output, Tables.INPUT_FILES).records().stream()
        .map(r -> r.get("source_file") + " " + r.get("kind") + " " + r.get("bytes") + " " + r.get("sha256") + " " + r.get("read_bytes"))
        .toList();
  }
}
