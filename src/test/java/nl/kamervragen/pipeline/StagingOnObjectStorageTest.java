package nl.kamervragen.pipeline;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.kamervragen.publish.OutputFolder;
import nl.kamervragen.testing.S3Server;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.util.MimeTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** A job writes into a run folder on object storage only while the folder's owner file holds its token. */
class StagingOnObjectStorageTest {

  @TempDir static Path work;
  private static S3Server server;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3Server.start(Files.createDirectories(work.resolve("s3")));
    server.client().createBucket(b -> b.bucket("staging"));
    FileSystems.setDefaultPipelineOptions(server.pipelineOptions());
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  private static void create(Staging staging, String name) throws IOException {
    staging.create(staging.root().resolve(name, StandardResolveOptions.RESOLVE_FILE), MimeTypes.BINARY).close();
  }

  @Test
  void aWorkerWritesWhileItOwnsTheFolderAndAFreshWorkerStopsOnceTheOwnerFileIsGone() throws IOException {
    server.client().putObject(b -> b.bucket("staging").key("out/runs/r1/" + OutputFolder.OWNER_FILE), RequestBody.fromString("token-1"));
    Staging worker = new Staging("s3://staging/out/runs/r1", "token-1");
    create(worker, "part-1.avro");
    assertTrue(server.keys("staging", "out/runs/r1/").contains("out/runs/r1/part-1.avro"));

    Staging otherRun = new Staging("s3://staging/out/runs/r1", "token-2");
    IOException notItsOwn = assertThrows(IOException.class, () -> create(otherRun, "part-2.avro"));
    assertTrue(notItsOwn.getMessage().contains("it belongs to another run"), notItsOwn.getMessage());

    server.client().deleteObject(b -> b.bucket("staging").key("out/runs/r1/" + OutputFolder.OWNER_FILE));
    Staging freshWorker = new Staging("s3://staging/out/runs/r1", "token-1");
    IOException gone = assertThrows(IOException.class, () -> create(freshWorker, "part-3.avro"));
    assertTrue(gone.getMessage().contains("it is gone (another run removed it)"), gone.getMessage());
  }
}
