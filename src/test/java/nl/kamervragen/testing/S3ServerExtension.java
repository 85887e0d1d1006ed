package nl.kamervragen.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link S3Server} for a test class, with its buckets made, started before the class's
 * {@code @BeforeAll} methods and stopped after its last test:
 * {@code @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension("bucket");}
 */
public final class S3ServerExtension implements BeforeAllCallback, AfterAllCallback {

  private final List<String> buckets;
  private Path folder;
  private S3Server server;

  public S3ServerExtension(String... buckets) {
    this.buckets = List.of(buckets);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    folder = Files.createTempDirectory("kamervragen-s3");
    server = S3Server.start(folder);
    buckets.forEach(bucket -> server.client().createBucket(b -> b.bucket(bucket)));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      server.close();
    } finally {
      nl.kamervragen.storage.StoredFolder.deleteTree(folder);
    }
  }

  public S3Server server() {
    if (server == null) {
      throw new IllegalStateException("the S3 server starts before the test class's @BeforeAll methods; register the extension as a static field");
    }
    return server;
  }
}
