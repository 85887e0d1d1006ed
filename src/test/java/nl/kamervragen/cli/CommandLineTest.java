package nl.kamervragen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.kamervragen.testing.MainRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user meets first: help, and mistakes said in plain words with one line and exit code 2. */
class CommandLineTest {

  @TempDir Path work;

  @Test
  void helpListsTheCommandsEveryOptionTheRunnersAndTheExitCodes() {
    for (String help : List.of("--help", "help")) {
      MainRun run = MainRun.of(help);
      assertEquals(0, run.exitCode());
      String text = run.out();
      for (String command : List.of("kamervragen run JOB.properties", "kamervragen generate", "bin/flink-cluster", "--help=beam")) {
        assertTrue(text.contains(command), command + " in:\n" + text);
      }
      for (Method getter : KamervragenOptions.class.getDeclaredMethods()) {
        if (getter.getName().startsWith("get")) {
          String option = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
          assertTrue(text.contains("--" + option + "="), option + " in:\n" + text);
        }
      }
      assertTrue(text.contains("--input=TEXT   (default: seeds)"), text);
      assertTrue(text.contains("--runner=DirectRunner|FlinkRunner"), text);
      assertTrue(text.contains("--flinkMaster=") && text.contains("--parallelism="), text);
      assertTrue(text.contains("exit codes:") && text.contains("2  usage error"), text);
      assertFalse(text.contains("TestFlinkRunner") || text.contains("GcpOptions"), text);
    }
    assertTrue(MainRun.of("--help=beam").out().contains("--enforceImmutability"), "Beam's own options are one flag away");
  }

  @Test
  void subcommandsHaveTheirOwnHelp() {
    MainRun generate = MainRun.of("generate", "--help");
    assertEquals(0, generate.exitCode());
    assertTrue(generate.out().contains("--documents=N   (default: 1000)"), generate.out());
    assertTrue(generate.out().contains("--overwrite=true|false"), generate.out());
    assertFalse(generate.out().contains("registered options"), "not Beam's list of option classes");
    assertTrue(MainRun.of("run", "--help").out().contains("usage: kamervragen run JOB.properties"));
  }

  @Test
  void mistakesAreOneLineInPlainWords() {
    assertMistake(List.of("--inptu=seeds"), "kamervragen: unknown option --inptu; did you mean --input?");
    assertMistake(List.of("--runner=SparkRunner"), "kamervragen: unknown runner 'SparkRunner'; choose DirectRunner or FlinkRunner");
    assertMistake(List.of("--maxFileBytes=abc"), "kamervragen: --maxFileBytes must be a whole number, got 'abc'");
    assertMistake(List.of("--followLinks=maybe"), "kamervragen: --followLinks must be true or false, got 'maybe'");
    assertMistake(List.of("run", "pipelines/nope.properties"), "kamervragen: cannot read job definition 'pipelines/nope.properties': no such file");
    assertMistake(List.of("rn", "pipelines/local.properties"), "kamervragen: unknown command 'rn'; the commands are run, generate and help");
  }

  private static void assertMistake(List<String> args, String line) {
    MainRun run = MainRun.of(args.toArray(String[]::new));
    assertEquals(2, run.exitCode(), run::printed);
    assertEquals(List.of(line, Usage.HINT), run.err().lines().toList());
    assertFalse(run.err().contains("interface") || run.err().contains("Class") || run.err().contains("Exception"), run.err());
  }

  @Test
  void aClusterThatDoesNotAnswerIsOneLineWithinSecondsAndNothingIsWritten() throws IOException {
    int closed;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    long started = System.nanoTime();
    MainRun run = MainRun.of("--runner=FlinkRunner", "--flinkMaster=127.0.0.1:" + closed, "--input=src/test/resources/seed.txt",
        "--output=" + work.resolve("out/tables"));
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    assertEquals(1, run.exitCode(), run::printed);
    assertEquals(List.of("kamervragen: cannot reach the Flink cluster at 127.0.0.1:" + closed
        + " (connection refused); is it running? 'bin/flink-cluster status' tells; nothing was run"), run.err().lines().toList());
    assertTrue(seconds < 15, "gave up after " + seconds + " s");
    assertFalse(Files.exists(work.resolve("out")), "no output folder, no staging folder");
  }

  @Test
  void generateRefusesAFolderThatIsNotEmpty() throws IOException {
    Path archive = Files.createDirectories(work.resolve("archive/2019"));
    Files.writeString(archive.resolve("2019Z00001.txt"), "the real document");
    MainRun refused = MainRun.of("generate", "--documents=3", "--out=" + work.resolve("archive"));
    assertEquals(2, refused.exitCode(), refused::printed);
    assertTrue(refused.err().startsWith("kamervragen generate: --out " + work.resolve("archive") + " is not empty: nothing written"), refused.err());
    try (var files = Files.walk(work.resolve("archive"))) {
      assertEquals(1, files.filter(Files::isRegularFile).count(), "nothing written");
    }
    assertEquals("the real document", Files.readString(archive.resolve("2019Z00001.txt")));
    assertEquals(0, MainRun.of("generate", "--documents=3", "--overwrite=true", "--out=" + work.resolve("archive")).exitCode());
  }
}
