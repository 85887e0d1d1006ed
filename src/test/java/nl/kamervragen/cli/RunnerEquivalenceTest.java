package nl.kamervragen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import nl.kamervragen.testing.MainRun;
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
    MainRun run = MainRun.of(args);
    assertEquals(0, run.exitCode(), run::printed);
  }
}
