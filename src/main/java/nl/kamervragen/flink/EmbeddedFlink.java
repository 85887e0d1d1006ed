package nl.kamervragen.flink;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Settings for Flink embedded in the kamervragen process: everything on the loopback address, and
 * the REST API on a free port that kamervragen knows, so it can show the job's progress.
 */
public final class EmbeddedFlink {

  private static final String REST_PORT = "rest.port: ";

  private EmbeddedFlink() {}

  /** Writes a flink-conf.yaml for the embedded cluster into a new temporary folder. */
  public static Path configDir() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Path dir = Files.createTempDirectory("kamervragen-flink-");
    dir.toFile().deleteOnExit();
    Path conf = dir.resolve("flink-conf.yaml");
    Files.write(
        conf,
        List.of(
            "rest.address: 127.0.0.1",
            "rest.bind-address: 127.0.0.1",
            REST_PORT + port,
            "jobmanager.bind-host: 127.0.0.1",
            "taskmanager.bind-host: 127.0.0.1",
            "taskmanager.host: 127.0.0.1"),
        StandardCharsets.UTF_8);
    conf.toFile().deleteOnExit();
    return dir;
  }

  /** The REST address written into a config folder made by {@link #configDir}, or null. */
  public static String restAddress(String configDir) {
    try {
      return Files.readAllLines(Path.of(configDir, "flink-conf.yaml")).stream()
          .filter(line -> line.startsWith(REST_PORT))
          .map(line -> "127.0.0.1:" + line.substring(REST_PORT.length()).strip())
          .findFirst()
          .orElse(null);
    } catch (IOException notOurs) {
      return null;
    }
  }
}
