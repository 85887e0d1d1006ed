package nl.kamervragen.pipeline;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import nl.kamervragen.publish.OutputFolder;
import nl.kamervragen.testing.S3ServerExtension;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.util.MimeTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

/** A job writes into a run folder on object storage only while the folder's owner file holds its token. */
class StagingOnObjectStorageTest {

  @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension("staging");

  @BeforeAll
  static void configure() throws Exception {
    FileSystems.setDefaultPipelineOptions(S3.server().pipelineOptions());
  }

  private static void create(Staging staging, String name) throws IOException {
    staging.create(staging.root().resolve(name, StandardResolveOptions.RESOLVE_FILE), MimeTypes.BINARY).close();
  }

  @Test
  void aWorkerWritesWhileItOwnsTheFolderAndAFreshWorkerStopsOnceTheOwnerFileIsGone() throws IOException {
    S3.server().client().putObject(b -> b.bucket("staging").key("out/runs/r1/" + OutputFolder.OWNER_FILE), RequestBody.fromString("token-1"));
    Staging worker = new Staging("s3://staging/out/runs/r1", "token-1");
    create(worker, "part-1.avro");
    assertTrue(S3.server().keys("staging", "out/runs/r1/").contains("out/runs/r1/part-1.avro"));

    Staging otherRun = new Staging("s3://staging/out/runs/r1", "token-2");
    IOException notItsOwn = assertThrows(IOException.class, () -> create(otherRun, "part-2.avro"));
    assertTrue(notItsOwn.getMessage().contains("it belongs to another run"), notItsOwn.getMessage());

    S3.server().client().deleteObject(b -> b.bucket("staging").key("out/runs/r1/" + OutputFolder.OWNER_FILE));
    Staging freshWorker = new Staging("s3://staging/out/runs/r1", "token-1");
    IOException gone = assertThrows(IOException.class, () -> create(freshWorker, "part-3.avro"));
    assertTrue(gone.getMessage().contains("it is gone (another run removed it)"), gone.getMessage());
  }
}
