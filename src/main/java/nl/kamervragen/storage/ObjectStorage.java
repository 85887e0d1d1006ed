package nl.kamervragen.storage;

import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.io.aws2.s3.DefaultS3ClientBuilderFactory;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Object storage through Beam's own file systems: {@code s3://bucket/prefix}, configured by Beam's
 * standard AWS options ({@code --awsRegion}, {@code --endpoint}, {@code --awsCredentialsProvider};
 * otherwise the AWS default credential chain).
 */
public final class ObjectStorage {

  private ObjectStorage() {}

  /**
   * Makes the S3 client path-style when an endpoint is given, unless the user chose a client
   * factory of their own. The choice travels with the options to every worker.
   */
  public static void configure(PipelineOptions options) {
    S3Options s3 = options.as(S3Options.class);
    if (s3.getS3ClientFactoryClass() == null || s3.getS3ClientFactoryClass() == DefaultS3ClientBuilderFactory.class) {
      s3.setS3ClientFactoryClass(PathStyleS3ClientBuilderFactory.class);
    }
  }
}
