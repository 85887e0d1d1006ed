package nl.kamervragen.storage;

import java.net.URI;
import java.util.Optional;
import org.apache.beam.sdk.io.aws2.options.S3ClientBuilderFactory;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.util.InstanceBuilder;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The few small objects of a bucket output that need more than Beam's file systems give: one PUT
 * each, and conditional writes ({@code If-None-Match}, {@code If-Match}) for the output's lock. The
 * client is the one Beam's S3 file system would make from the same options.
 */
public final class BucketObjects implements AutoCloseable {

  /** A small object's text and its ETag. */
  public record Stored(String text, String etag) {}

  /** The store refused a write or read; the message is one line. */
  public static final class StoreException extends java.io.IOException {
    StoreException(String message) {
      super(message);
    }
  }

  private final S3Client client;
  private final String bucket;
  private final String prefix;

  private BucketObjects(S3Client client, String bucket, String prefix) {
    this.client = client;
    this.bucket = bucket;
    this.prefix = prefix;
  }

  /** The objects under {@code s3://bucket/prefix/}, reached with the run's AWS options. */
  public static BucketObjects of(StoredFolder folder, PipelineOptions options) {
    URI uri = URI.create(folder.location() + "/");
    if (!"s3".equals(uri.getScheme())) {
      throw new IllegalArgumentException("only s3:// output is supported, got " + folder);
    }
    S3Options s3 = options.as(S3Options.class);
    S3ClientBuilderFactory factory = InstanceBuilder.ofType(S3ClientBuilderFactory.class)
        .fromClass(s3.getS3ClientFactoryClass()).build();
    String path = uri.getPath().startsWith("/") ? uri.getPath().substring(1) : uri.getPath();
    return new BucketObjects(factory.createBuilder(s3).build(), uri.getHost(), path);
  }

  public Optional<Stored> get(String name) throws StoreException {
    try {
      ResponseBytes<GetObjectResponse> object = client.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + name));
      return Optional.of(new Stored(object.asUtf8String(), object.response().eTag()));
    } catch (NoSuchKeyException missing) {
      return Optional.empty();
    } catch (SdkException e) {
      throw failure("read", name, e);
    }
  }

  /** Writes an object in one PUT, replacing what is there. */
  public void put(String name, String text, String contentType) throws StoreException {
    try {
      client.putObject(b -> b.bucket(bucket).key(prefix + name).contentType(contentType), RequestBody.fromString(text));
    } catch (SdkException e) {
      throw failure("write", name, e);
    }
  }

  /**
   * Writes an object only if there is none of that name ({@code If-None-Match: *}); its ETag, or
   * empty when one exists. A store that ignores the condition overwrites.
   */
  public Optional<String> putIfAbsent(String name, String text) throws StoreException {
    return putWithCondition(name, text, "If-None-Match", "*");
  }

  /** Replaces an object only if it is still the version with this ETag; the new ETag, or empty. */
  public Optional<String> putIfMatch(String name, String text, String etag) throws StoreException {
    return putWithCondition(name, text, "If-Match", etag);
  }

  // The SDK Beam 2.62 brings (2.20) predates the conditional-write fields, so the headers are set
  // directly; they are S3's standard ones.
  private Optional<String> putWithCondition(String name, String text, String header, String value) throws StoreException {
    try {
      String etag = client.putObject(
          b -> b.bucket(bucket).key(prefix + name).contentType("application/json")
              .overrideConfiguration(o -> o.putHeader(header, value)),
          RequestBody.fromString(text)).eTag();
      return Optional.of(etag);
    } catch (S3Exception e) {
      if (e.statusCode() == 412 || e.statusCode() == 409) {
        return Optional.empty();
      }
      throw failure("write", name, e);
    } catch (SdkException e) {
      throw failure("write", name, e);
    }
  }

  public void delete(String name) throws StoreException {
    try {
      client.deleteObject(b -> b.bucket(bucket).key(prefix + name));
    } catch (SdkException e) {
      throw failure("delete", name, e);
    }
  }

  private StoreException failure(String action, String name, SdkException e) {
    return new StoreException("cannot " + action + " s3://" + bucket + "/" + prefix + name + ": " + ObjectStorage.reason(e));
  }

  @Override
  public void close() {
    client.close();
  }
}
