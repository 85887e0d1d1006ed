package nl.kamervragen.storage;

import org.apache.beam.sdk.io.aws2.options.S3ClientBuilderFactory;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.io.aws2.s3.DefaultS3ClientBuilderFactory;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Beam's S3 client, with path-style addressing ({@code http://host/bucket/key}) whenever an
 * endpoint is given: MinIO, Ceph, S3Proxy and most S3-compatible servers need it, since their
 * buckets are not host names, and Beam 2.62 has no option for it. Against AWS itself (no endpoint)
 * the client is Beam's default.
 */
public final class PathStyleS3ClientBuilderFactory implements S3ClientBuilderFactory {

  @Override
  public S3ClientBuilder createBuilder(S3Options options) {
    S3ClientBuilder builder = new DefaultS3ClientBuilderFactory().createBuilder(options);
    return options.getEndpoint() == null ? builder : builder.forcePathStyle(true);
  }
}
