package nl.kamervragen.flink;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Flink standalone session cluster on this machine: one JobManager and any number of
 * TaskManagers, each its own JVM, everything bound to 127.0.0.1, classpath the project's runnable
 * jar (which holds Flink's runtime). Started the way Flink's own scripts start them, without a
 * Flink distribution.
 */
public final class LocalFlinkCluster implements AutoCloseable {

  static final String JOB_MANAGER_MAIN = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  static final String TASK_MANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
  private static final String BASH_JAVA_UTILS = "org.apache.flink.runtime.util.bash.BashJavaUtils";
  private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

  /** What Flink's distribution sets in env.java.opts.all for Java 17. */
  static final List<String> JAVA_17_OPTIONS =
      List.of(
          "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
          "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.text=ALL-UNNAMED",
          "--add-opens=java.base/java.time=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  /**
   * Where and how the cluster runs.
   *
   * @param configDir folder with {@code flink-conf.yaml} (the project's {@code conf/})
   * @param workDir folder for logs, temporary files and pid files
   * @param jar the runnable jar, used as the cluster's classpath
   * @param restPort port of the REST API, which clients submit to ({@code --flinkMaster})
   * @param rpcPort port of the JobManager's RPC endpoint
   * @param blobPort port of the blob server (job jars)
   * @param overrides more Flink settings, e.g. a shorter restart delay in tests
   */
  public record Settings(
      Path configDir, Path workDir, Path jar, int restPort, int rpcPort, int blobPort, Map<String, String> overrides) {
    public Settings {
      overrides = Map.copyOf(overrides);
    }
  }

  private final Settings settings;
  private final FlinkRest rest;
  private final List<Process> processes = new ArrayList<>();
  private List<List<String>> jobManagerResources;
  private List<List<String>> taskManagerResources;

  public LocalFlinkCluster(Settings settings) {
    this.settings = settings;
    this.rest = new FlinkRest(master(), Duration.ofSeconds(5));
  }

  public Settings settings() {
    return settings;
  }

  /** The address clients pass as {@code --flinkMaster}. */
  public String master() {
    return "127.0.0.1:" + settings.restPort();
  }

  public Process startJobManager() throws IOException, InterruptedException {
    if (jobManagerResources == null) {
      jobManagerResources = resourceParameters("GET_JM_RESOURCE_PARAMS");
    }
    return start("jobmanager", JOB_MANAGER_MAIN, jobManagerResources, List.of("--executionMode", "cluster"));
  }

  /** Starts a TaskManager; {@code name} names its log file. */
  public Process startTaskManager(String name) throws IOException, InterruptedException {
    if (taskManagerResources == null) {
      taskManagerResources = resourceParameters("GET_TM_RESOURCE_PARAMS");
    }
    return start(name, TASK_MANAGER_MAIN, taskManagerResources, List.of());
  }

  private Process start(String name, String mainClass, List<List<String>> resources, List<String> extra)
      throws IOException {
    Path logs = Files.createDirectories(settings.workDir().resolve("log"));
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.addAll(JAVA_17_OPTIONS);
    command.addAll(resources.get(0));
    command.add("-Dlog.file=" + logs.resolve(name + ".log"));
    command.add("-cp");
    command.add(settings.jar().toString());
    command.add(mainClass);
    command.add("--configDir");
    command.add(settings.configDir().toString());
    command.addAll(extra);
    command.addAll(resources.get(1));
    for (Map.Entry<String, String> property : dynamicProperties().entrySet()) {
      command.add("-D" + property.getKey() + "=" + property.getValue());
    }
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".out").toFile()))
            .start();
    processes.add(process);
    return process;
  }

  private Map<String, String> dynamicProperties() throws IOException {
    Path tmp = Files.createDirectories(settings.workDir().resolve("tmp"));
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("rest.port", String.valueOf(settings.restPort()));
    properties.put("jobmanager.rpc.port", String.valueOf(settings.rpcPort()));
    properties.put("blob.server.port", String.valueOf(settings.blobPort()));
    properties.put("io.tmp.dirs", tmp.toString());
    properties.putAll(settings.overrides());
    return properties;
  }

  /** Runs Flink's own helper that turns the memory sizes into JVM flags and -D properties. */
  private List<List<String>> resourceParameters(String command) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of(javaBinary(), "-cp", settings.jar().toString(), BASH_JAVA_UTILS, command,
        "--configDir", settings.configDir().toString()));
    for (Map.Entry<String, String> property : settings.overrides().entrySet()) {
      args.add("-D");
      args.add(property.getKey() + "=" + property.getValue());
    }
    Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("Flink could not compute memory settings (" + command + "): " + output.strip());
    }
    List<List<String>> results =
        output.lines()
            .filter(line -> line.startsWith(RESULT_PREFIX))
            .map(line -> List.of(line.substring(RESULT_PREFIX.length()).trim().split("\\s+")))
            .toList();
    if (results.size() < 2) {
      throw new IOException("unexpected output of Flink's memory helper: " + output.strip());
    }
    return results;
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** GETs a path of the REST API and parses the JSON answer. */
  public JsonNode get(String path) throws IOException, InterruptedException {
    return rest.get(path);
  }

  /** The cluster's REST API. */
  public FlinkRest rest() {
    return rest;
  }

  /** Waits until at least this many TaskManagers have registered with the JobManager. */
  public void awaitTaskManagers(int count, Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      for (Process process : processes) {
        if (!process.isAlive()) {
          throw new IOException("a cluster process exited with code " + process.exitValue() + "; see " + settings.workDir().resolve("log"));
        }
      }
      try {
        JsonNode overview = get("/overview");
        last = overview.toString();
        if (overview.path("taskmanagers").asInt() >= count) {
          return;
        }
      } catch (IOException notYet) {
        last = notYet.getMessage();
      }
      Thread.sleep(500);
    }
    throw new IOException("the cluster did not get " + count + " TaskManager(s) within " + timeout + ": " + last);
  }

  /** Stops every process this object started, by its own handle. */
  @Override
  public void close() {
    for (Process process : processes) {
      process.destroy();
    }
    for (Process process : processes) {
      try {
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    processes.clear();
  }
}
