package nl.kamervragen.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import nl.kamervragen.testing.S3ServerExtension;
import org.apache.beam.sdk.io.aws2.options.AwsOptions;
import org.apache.beam.sdk.io.aws2.options.S3ClientBuilderFactory;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.io.aws2.s3.DefaultS3ClientBuilderFactory;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Beam's S3 file system, configured by the standard AWS options, against a real S3 API S3.server(). */
class ObjectStorageTest {

  @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension("archive");

  @BeforeAll
  static void configure() throws Exception {
    PipelineOptionsFactory.register(S3Options.class);
  }

  @Test
  void withAnEndpointTheClientAddressesBucketsByPathAndWritesListsAndReadsObjects() throws Exception {
    PipelineOptions options = S3.server().pipelineOptions();
    FileSystems.setDefaultPipelineOptions(options);

    // Path style: the bucket is the first element of the path, not a host name (archive.127.0.0.1).
    ResourceId object = FileSystems.matchNewResource("s3://archive/2019/2019Z14964.txt", false);
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(object, "text/plain"))) {
      out.write("Kamervraag 2019Z14964\n".getBytes(StandardCharsets.UTF_8));
    }
    MatchResult listed = FileSystems.match(List.of("s3://archive/**")).get(0);
    assertEquals(MatchResult.Status.OK, listed.status());
    MatchResult.Metadata metadata = listed.metadata().get(0);
    assertEquals("s3://archive/2019/2019Z14964.txt", metadata.resourceId().toString());
    assertEquals(22, metadata.sizeBytes());
    // The object's ETag, which tells a changed object by content, comes with a match of its own path
    // (Beam's glob listing leaves it out).
    String etag = FileSystems.matchSingleFileSpec("s3://archive/2019/2019Z14964.txt").checksum();
    assertFalse(etag == null || etag.isEmpty(), String.valueOf(etag));
    try (InputStream in = Channels.newInputStream(FileSystems.open(object))) {
      assertEquals("Kamervraag 2019Z14964\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertEquals(List.of("2019/2019Z14964.txt"),
        S3.server().client().listObjectsV2(b -> b.bucket("archive")).contents().stream().map(o -> o.key()).toList(), S3.server().log());
  }

  /** A client factory of a user's own. */
  public static final class OwnFactory implements S3ClientBuilderFactory {
    @Override
    public S3ClientBuilder createBuilder(S3Options options) {
      return new DefaultS3ClientBuilderFactory().createBuilder(options);
    }
  }

  @Test
  void aClientFactoryTheUserChoseIsKeptAndBeamsDefaultIsReplaced() {
    PipelineOptions own = PipelineOptionsFactory.fromArgs("--s3ClientFactoryClass=" + OwnFactory.class.getName()).create();
    ObjectStorage.configure(own, true);
    assertEquals(OwnFactory.class, own.as(S3Options.class).getS3ClientFactoryClass());
    PipelineOptions defaults = PipelineOptionsFactory.create();
    ObjectStorage.configure(defaults, true);
    assertEquals(PathStyleS3ClientBuilderFactory.class, defaults.as(S3Options.class).getS3ClientFactoryClass());
  }

  @Test
  void beamsLargeUploadBufferBecomesEightMebibytesAndAnotherChoiceIsKept() {
    // Beam's default on a JVM of 512 MiB or more, given explicitly so the test does not depend on the heap.
    PipelineOptions defaults = PipelineOptionsFactory.fromArgs("--s3UploadBufferSizeBytes=" + (64 << 20)).create();
    ObjectStorage.configure(defaults, true);
    assertEquals(8 << 20, defaults.as(S3Options.class).getS3UploadBufferSizeBytes());
    PipelineOptions own = PipelineOptionsFactory.fromArgs("--s3UploadBufferSizeBytes=" + (16 << 20)).create();
    ObjectStorage.configure(own, true);
    assertEquals(16 << 20, own.as(S3Options.class).getS3UploadBufferSizeBytes());
  }

  @Test
  void aRunWithoutBucketsAsksNoOneForARegionAndARunOnABucketKeepsTheUsersRegion() {
    PipelineOptions local = PipelineOptionsFactory.create();
    ObjectStorage.configure(local, false);
    assertEquals(ObjectStorage.UNUSED_REGION, local.as(AwsOptions.class).getAwsRegion());
    PipelineOptions bucket = PipelineOptionsFactory.fromArgs("--awsRegion=eu-central-1").create();
    ObjectStorage.configure(bucket, true);
    assertEquals(Region.EU_CENTRAL_1, bucket.as(AwsOptions.class).getAwsRegion());
  }
}
