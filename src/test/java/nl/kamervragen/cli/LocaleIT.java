package nl.kamervragen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.kamervragen.parse.TestDocuments;
import nl.kamervragen.table.Tables;
import nl.kamervragen.testing.MainRun;
import nl.kamervragen.testing.TableFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File names come from the bytes on disk: a run in the C locale writes the same tables as one in UTF-8. */
class LocaleIT {

  @TempDir Path work;

  @Test
  void theCLocaleGivesTheSameTables() throws Exception {
    Path archive = Files.createDirectories(work.resolve("archive"));
    String seed = TestDocuments.text("seed.txt");
    int i = 0;
    for (String name : List.of("Financi%C3%ABn.txt", "bad%FFbyte.txt", "new%0Aline.txt", "plain.txt")) {
      Files.writeString(Path.of(URI.create(archive.toUri() + name)), seed.replace("2011Z18417", "2011Z9000" + i++));
    }
    Path utf8 = work.resolve("utf8");
    MainRun inProcess = MainRun.of("--input=" + archive, "--output=" + utf8, "--referenceDate=2026-01-01");
    assertEquals(0, inProcess.exitCode(), inProcess::printed);

    Path c = work.resolve("c-locale");
    ProcessBuilder forked = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        Path.of("target/kamervragen.jar").toString(), "--input=" + archive, "--output=" + c, "--referenceDate=2026-01-01")
        .redirectErrorStream(true).redirectOutput(work.resolve("run.log").toFile());
    forked.environment().put("LC_ALL", "C");
    forked.environment().put("LANG", "C");
    Process run = forked.start();
    run.waitFor(3, TimeUnit.MINUTES);
    assertEquals(0, run.exitValue(), () -> read(work.resolve("run.log")));
    TableFiles.assertSameTables(utf8, c);
    assertEquals(List.of("Financiën.txt", "bad\\xFFbyte.txt", "new\\x0Aline.txt", "plain.txt"),
        TableFiles.csv(c, Tables.DOCUMENTS).records().stream().map(r -> r.get("source_file")).sorted().toList());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
