package nl.kamervragen.storage;

import org.apache.beam.sdk.io.aws2.options.AwsOptions;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.io.aws2.s3.DefaultS3ClientBuilderFactory;
import org.apache.beam.sdk.options.PipelineOptions;
import software.amazon.awssdk.regions.Region;

/**
 * Object storage through Beam's own file systems: {@code s3://bucket/prefix}, configured by Beam's
 * standard AWS options ({@code --awsRegion}, {@code --endpoint}, {@code --awsCredentialsProvider};
 * otherwise the AWS default credential chain). Beam's 64 MiB upload buffer becomes 8 MiB; another
 * {@code --s3UploadBufferSizeBytes} is kept.
 */
public final class ObjectStorage {

  private ObjectStorage() {}

  /**
   * Makes the S3 client path-style when an endpoint is given, unless the user chose a client
   * factory of their own. The choice travels with the options to every worker.
   *
   * <p>Beam registers its S3 file system in every run, and with no {@code --awsRegion} it asks AWS's
   * default chain for a region there: profile files, and a call to the EC2 instance metadata address
   * (169.254.169.254), which took 0.65 s here and reaches outside the machine. A run that uses no
   * bucket builds no S3 client, so it gets a fixed region instead and asks no one.
   *
   * @param usesBuckets whether the run reads or writes {@code s3://}
   */
  public static void configure(PipelineOptions options, boolean usesBuckets) {
    if (!usesBuckets) {
      options.as(AwsOptions.class).setAwsRegion(UNUSED_REGION);
    }
    S3Options s3 = options.as(S3Options.class);
    if (s3.getS3ClientFactoryClass() == null || s3.getS3ClientFactoryClass() == DefaultS3ClientBuilderFactory.class) {
      s3.setS3ClientFactoryClass(PathStyleS3ClientBuilderFactory.class);
    }
    if (s3.getS3UploadBufferSizeBytes() == BEAM_UPLOAD_BUFFER_BYTES) {
      s3.setS3UploadBufferSizeBytes(UPLOAD_BUFFER_BYTES);
    }
  }

  /** The region of a run that uses no bucket: any would do, since no S3 client is built. */
  static final Region UNUSED_REGION = Region.US_EAST_1;

  /**
   * Beam's S3 file system holds one upload buffer per open file, of 64 MiB by default on a JVM of
   * 512 MiB or more; a worker writing a table's CSV and Parquet files while others stage their
   * parts ran out of a 2 GB TaskManager's heap. Parts of 8 MiB still allow objects of 80 GB.
   */
  public static final int UPLOAD_BUFFER_BYTES = 8 << 20;

  private static final int BEAM_UPLOAD_BUFFER_BYTES = 64 << 20;

  /** The store's own words, without Java class names, status codes or request ids (the log has the details). */
  public static String reason(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && (cause.getMessage() == null || cause.getMessage().isBlank())) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().lines().findFirst().orElse("");
    if (message.startsWith("Unable to load credentials from any of the providers")) {
      return "no AWS credentials found (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, or --awsCredentialsProvider)";
    }
    return message.replaceAll("^(?:(?:[a-z][\\w]*\\.)+[\\w$]+: )+", "").replaceAll(" \\(Service: [^)]*\\)", "").strip();
  }
}
