package nl.kamervragen.flink;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.kamervragen.testing.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/flink-cluster's commands on a real local cluster: status says what the folder holds, stop and clean free it. */
class FlinkClusterCommandIT {

  @TempDir Path work;
  private String[] settings;

  private String run(String command) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    String[] args = new String[settings.length + 1];
    args[0] = command;
    System.arraycopy(settings, 0, args, 1, settings.length);
    int code = FlinkClusterCommand.run(args, print, print);
    return code + " " + out.toString(StandardCharsets.UTF_8);
  }

  @AfterEach
  void stopWhatIsLeft() {
    if (settings != null) {
      run("stop");
    }
  }

  @Test
  void statusSaysWhatTheFolderHoldsStopFreesTheTemporaryFilesAndCleanRemovesTheRest() throws IOException {
    Path folder = work.resolve("cluster");
    settings = new String[] {"--workDir=" + folder, "--configDir=" + Path.of("conf").toAbsolutePath(),
        "--jar=" + Path.of("target/kamervragen.jar").toAbsolutePath(), "--restPort=" + FreePorts.loopback(), "--rpcPort=" + FreePorts.loopback(),
        "--blobPort=" + FreePorts.loopback(), "--taskManagers=1"};
    String started = run("start");
    assertTrue(started.startsWith("0 flink-cluster: up with 1 TaskManager(s)"), started);
    Files.write(folder.resolve("tmp").resolve("spilled.bin"), new byte[2_000_000]);
    String status = run("status");
    assertTrue(status.startsWith("0 flink-cluster: running at"), status);
    assertTrue(status.contains("flink-cluster: " + folder + " holds "), status);
    java.util.regex.Matcher temporary = java.util.regex.Pattern.compile("temporary files ([0-9.]+) MB").matcher(status);
    assertTrue(temporary.find() && Double.parseDouble(temporary.group(1)) >= 2.0, status);

    assertTrue(run("clean").startsWith("1 flink-cluster: the cluster in " + folder + " is running; stop it first"));
    String stopped = run("stop");
    assertTrue(stopped.startsWith("0 flink-cluster: stopped 2 process(es); removed "), stopped);
    assertFalse(Files.exists(folder.resolve("tmp")), "temporary files removed");
    assertTrue(Files.exists(folder.resolve("log")), "logs kept");

    String cleaned = run("clean");
    assertTrue(cleaned.startsWith("0 flink-cluster: removed " + folder), cleaned);
    assertFalse(Files.exists(folder));
  }

  @Test
  void helpListsTheCommandsAndOptions() {
    settings = new String[0];
    String help = run("--help");
    assertTrue(help.startsWith("0 flink-cluster: a local Flink 1.19"), help);
    assertTrue(help.contains("clean    remove everything the cluster wrote"), help);
    assertTrue(help.contains("--taskManagers=N"), help);
    settings = null;
  }
}
