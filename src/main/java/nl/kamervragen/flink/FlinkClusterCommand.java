package nl.kamervragen.flink;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.kamervragen.options.CommandLine;

/**
 * {@code bin/flink-cluster start|stop|status|clean [--option=value ...]}: a local Flink standalone
 * session cluster for users and tests. {@code start} leaves the processes running and records
 * their process ids; {@code stop} ends them and removes their temporary files (job jars, spill
 * files), keeping the logs; {@code clean} removes everything the cluster wrote; {@code status} says
 * what runs and how much the cluster's folder holds. Exit codes: 0 done, 1 failed, 2 usage error.
 */
public final class FlinkClusterCommand {

  private static final String USAGE =
      "usage: flink-cluster start|stop|status|clean [--taskManagers=N] [--restPort=8081] [--workDir=.flink-cluster] "
          + "[--configDir=conf] [--jar=target/kamervragen.jar]; --help lists every option";

  private static final String HELP = """
      flink-cluster: a local Flink 1.19 standalone session cluster (a JobManager and TaskManagers, each its own
      JVM, on 127.0.0.1), from kamervragen's own jar.

      usage: bin/flink-cluster start|stop|status|clean [--option=value ...]
        start    start a JobManager and --taskManagers TaskManagers; submit with --flinkMaster=127.0.0.1:<restPort>
        stop     stop every process started, and remove their temporary files (job jars, spill files); logs stay
        status   what the REST API reports, and how much the cluster's folder holds
        clean    remove everything the cluster wrote (its folder), once it is stopped

      options:
      """;

  private FlinkClusterCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || Arrays.asList(args).contains("--help") || args[0].equals("help")) {
      (args.length == 0 ? err : out).print(HELP + CommandLine.describe(FlinkClusterOptions.class));
      return args.length == 0 ? 2 : 0;
    }
    FlinkClusterOptions options;
    try {
      options = CommandLine.parse(Arrays.copyOfRange(args, 1, args.length), FlinkClusterOptions.class);
    } catch (CommandLine.UsageError e) {
      err.println("flink-cluster: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    LocalFlinkCluster cluster =
        new LocalFlinkCluster(
            new LocalFlinkCluster.Settings(
                Path.of(options.getConfigDir()).toAbsolutePath(),
                Path.of(options.getWorkDir()).toAbsolutePath(),
                Path.of(options.getJar()).toAbsolutePath(),
                options.getRestPort(),
                options.getRpcPort(),
                options.getBlobPort(),
                Map.of()));
    try {
      return switch (args[0]) {
        case "start" -> start(cluster, options, out, err);
        case "stop" -> stop(cluster, out);
        case "status" -> status(cluster, out, err);
        case "clean" -> clean(cluster, out, err);
        default -> {
          err.println("flink-cluster: unknown command '" + args[0] + "'");
          err.println(USAGE);
          yield 2;
        }
      };
    } catch (IOException e) {
      err.println("flink-cluster: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("flink-cluster: interrupted");
      return 1;
    }
  }

  private static Path pidFile(LocalFlinkCluster cluster) {
    return cluster.settings().workDir().resolve("cluster.pids");
  }

  private static int start(LocalFlinkCluster cluster, FlinkClusterOptions options, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(cluster.settings().jar())) {
      err.println("flink-cluster: " + cluster.settings().jar() + " is missing; build it with: mvn -B -DskipTests package");
      return 1;
    }
    if (!livePids(cluster).isEmpty()) {
      err.println("flink-cluster: a cluster started from " + cluster.settings().workDir() + " is still running; stop it first");
      return 1;
    }
    List<Long> pids = new ArrayList<>();
    boolean ready = false;
    try {
      pids.add(cluster.startJobManager().pid());
      for (int i = 1; i <= options.getTaskManagers(); i++) {
        pids.add(cluster.startTaskManager("taskmanager-" + i).pid());
      }
      Files.writeString(pidFile(cluster), String.join("\n", pids.stream().map(String::valueOf).toList()) + "\n", StandardCharsets.UTF_8);
      cluster.awaitTaskManagers(options.getTaskManagers(), Duration.ofSeconds(options.getStartTimeoutSeconds()));
      ready = true;
    } finally {
      if (!ready) {
        cluster.close();
        Files.deleteIfExists(pidFile(cluster));
      }
    }
    out.printf("flink-cluster: up with %d TaskManager(s); REST API http://%s; logs in %s%n",
        options.getTaskManagers(), cluster.master(), cluster.settings().workDir().resolve("log"));
    out.printf("flink-cluster: submit with --runner=FlinkRunner --flinkMaster=%s%n", cluster.master());
    return 0;
  }

  private static List<ProcessHandle> livePids(LocalFlinkCluster cluster) throws IOException {
    Path pids = pidFile(cluster);
    if (!Files.exists(pids)) {
      return List.of();
    }
    return Files.readAllLines(pids).stream()
        .filter(line -> !line.isBlank())
        .map(line -> ProcessHandle.of(Long.parseLong(line.strip())))
        .flatMap(Optional::stream)
        .filter(ProcessHandle::isAlive)
        .toList();
  }

  private static int stop(LocalFlinkCluster cluster, PrintStream out) throws IOException {
    List<ProcessHandle> processes = livePids(cluster);
    processes.forEach(ProcessHandle::destroy);
    for (ProcessHandle process : processes) {
      try {
        process.onExit().get(15, TimeUnit.SECONDS);
      } catch (Exception stillRunning) {
        process.destroyForcibly();
      }
    }
    Files.deleteIfExists(pidFile(cluster));
    long freed = size(cluster.settings().workDir().resolve("tmp"));
    deleteTree(cluster.settings().workDir().resolve("tmp"));
    out.printf("flink-cluster: stopped %d process(es); removed %s of temporary files; logs in %s%n",
        processes.size(), megabytes(freed), cluster.settings().workDir().resolve("log"));
    return 0;
  }

  private static int clean(LocalFlinkCluster cluster, PrintStream out, PrintStream err) throws IOException {
    if (!livePids(cluster).isEmpty()) {
      err.println("flink-cluster: the cluster in " + cluster.settings().workDir() + " is running; stop it first");
      return 1;
    }
    long freed = size(cluster.settings().workDir());
    deleteTree(cluster.settings().workDir());
    out.printf("flink-cluster: removed %s (%s)%n", cluster.settings().workDir(), megabytes(freed));
    return 0;
  }

  /** Bytes of the files under a folder; 0 when it does not exist. */
  private static long size(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return 0;
    }
    try (var paths = Files.walk(folder)) {
      return paths.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (var paths = Files.walk(folder)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static String megabytes(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

  private static String holds(LocalFlinkCluster cluster) throws IOException {
    Path folder = cluster.settings().workDir();
    return "flink-cluster: " + folder + " holds " + megabytes(size(folder)) + " (logs " + megabytes(size(folder.resolve("log")))
        + ", temporary files " + megabytes(size(folder.resolve("tmp"))) + "); 'clean' removes it once the cluster is stopped";
  }

  private static int status(LocalFlinkCluster cluster, PrintStream out, PrintStream err) throws InterruptedException, IOException {
    try {
      JsonNode overview = cluster.get("/overview");
      out.printf("flink-cluster: running at %s: %d TaskManager(s), %d/%d slots free, jobs running %d, finished %d, failed %d%n",
          cluster.master(), overview.path("taskmanagers").asInt(), overview.path("slots-available").asInt(),
          overview.path("slots-total").asInt(), overview.path("jobs-running").asInt(),
          overview.path("jobs-finished").asInt(), overview.path("jobs-failed").asInt());
      out.println(holds(cluster));
      return 0;
    } catch (IOException e) {
      err.println("flink-cluster: no cluster answers at " + cluster.master() + " (" + livePids(cluster).size() + " recorded process(es) alive)");
      out.println(holds(cluster));
      return 1;
    }
  }
}
