package nl.kamervragen.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 API server (S3Proxy, {@code target/s3proxy/s3proxy.jar}, copied there by the build) as a
 * child process on a free port of 127.0.0.1, with its buckets in its memory. It checks AWS
 * signatures against one access key.
 */
public final class S3Server implements AutoCloseable {

  public static final String ACCESS_KEY = "kamervragen-test";
  public static final String SECRET_KEY = "kamervragen-test-secret";
  private static final Path JAR = Path.of("target", "s3proxy", "s3proxy.jar");

  private final Process process;
  private final URI endpoint;
  private final Path log;
  private final S3Client client;

  private S3Server(Process process, URI endpoint, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
    this.client = S3Client.builder()
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .build();
  }

  /** Starts a server, with its settings and log ({@code s3proxy.log}) in {@code folder}. */
  public static S3Server start(Path folder) throws IOException, InterruptedException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: the build copies it (mvn process-test-resources)");
    }
    int port = FreePorts.loopback();
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    Path properties = folder.resolve("s3proxy.properties");
    Files.write(properties, List.of(
        "s3proxy.endpoint=" + endpoint,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + ACCESS_KEY,
        "s3proxy.credential=" + SECRET_KEY,
        // Beam's S3 client sends x-amz-server-side-encryption-bucket-key-enabled on every upload, a
        // header S3Proxy does not implement; MinIO and Ceph accept it.
        "s3proxy.ignore-unknown-headers=true",
        // In memory: S3Proxy's file system store refuses the server-side-encryption headers Beam sends.
        "jclouds.provider=transient"));
    Path log = folder.resolve("s3proxy.log");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-jar", JAR.toAbsolutePath().toString(), "--properties", properties.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!accepts(port)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException("S3Proxy did not start: " + Files.readString(log));
      }
      Thread.sleep(100);
    }
    return new S3Server(process, endpoint, log);
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  /** An S3 client of the tests' own, to make buckets and look at what a run left. */
  public S3Client client() {
    return client;
  }

  /** Uploads every file under a local folder to {@code prefix/<relative path>}. */
  public void upload(Path folder, String bucket, String prefix) throws IOException {
    try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String key = prefix + "/" + folder.relativize(file).toString().replace('\\', '/');
        client.putObject(b -> b.bucket(bucket).key(key), software.amazon.awssdk.core.sync.RequestBody.fromFile(file));
      }
    }
  }

  /** The keys under a prefix, sorted. */
  public List<String> keys(String bucket, String prefix) {
    return client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
        .map(software.amazon.awssdk.services.s3.model.S3Object::key).sorted().toList();
  }

  /** An object's text. */
  public String text(String bucket, String key) {
    return client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
  }

  /** Copies every object under {@code prefix} into a local folder, as a reader downloading a run would. */
  public Path download(String bucket, String prefix, Path folder) throws IOException {
    String root = prefix.endsWith("/") ? prefix : prefix + "/";
    for (String key : keys(bucket, root)) {
      Path file = folder.resolve(key.substring(root.length()));
      Files.createDirectories(file.getParent());
      Files.write(file, client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
    }
    return folder;
  }

  /** The server's log, for a failing test's message. */
  public String log() throws IOException {
    return Files.readString(log);
  }

  /** Pipeline options for this server, configured as a run configures them. */
  public org.apache.beam.sdk.options.PipelineOptions pipelineOptions() {
    org.apache.beam.sdk.options.PipelineOptions options = org.apache.beam.sdk.options.PipelineOptionsFactory.fromArgs(options()).create();
    nl.kamervragen.storage.ObjectStorage.configure(options, true);
    return options;
  }

  /** The options that point Beam's S3 file system at this server. */
  public String[] options() {
    return new String[] {
      "--endpoint=" + endpoint,
      "--awsRegion=us-east-1",
      "--awsCredentialsProvider={\"@type\": \"StaticCredentialsProvider\", \"accessKeyId\": \"" + ACCESS_KEY
          + "\", \"secretAccessKey\": \"" + SECRET_KEY + "\"}"
    };
  }

  @Override
  public void close() throws InterruptedException {
    client.close();
    process.destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
