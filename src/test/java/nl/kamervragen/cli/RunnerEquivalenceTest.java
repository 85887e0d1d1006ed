package nl.kamervragen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import nl.kamervragen.testing.TableFiles;
import nl.kamervragen.testing.TestArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same input gives the same tables on the DirectRunner and on Flink embedded. */
class RunnerEquivalenceTest {

  @TempDir Path work;

  @Test
  void flinkEmbeddedWritesTheSameTablesAsTheDirectRunner() throws IOException {
    Path input = work.resolve("archive");
    TestArchive.write(input);
    Path direct = work.resolve("direct");
    Path flink = work.resolve("flink");
    run("--input=" + input, "--output=" + direct, "--referenceDate=2026-01-01", "--maxRejectedShare=1");
    run("--input=" + input, "--output=" + flink, "--referenceDate=2026-01-01", "--runner=FlinkRunner", "--parallelism=2", "--maxRejectedShare=1");
    TableFiles.assertSameTables(direct, flink);
  }

  private static void run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        KamervragenMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());
    assertEquals(0, code, () -> out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
  }
}
