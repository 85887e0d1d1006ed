package nl.kamervragen.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One published run of kamervragen's main over the {@link TestArchive}, for tests that read its tables. */
public final class TestArchiveRun {

  private TestArchiveRun() {}

  /**
   * Writes the test archive under {@code work}, runs main on it with a pinned reference date (and
   * the rejected share its broken files need) and the extra options, and checks that it published.
   *
   * @return the output folder
   */
  public static Path publish(Path work, String... extraOptions) throws IOException {
    Path input = work.resolve("archive");
    TestArchive.write(input);
    Path output = work.resolve("tables");
    List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + output, "--referenceDate=2026-01-01", "--maxRejectedShare=0.2"));
    args.addAll(List.of(extraOptions));
    MainRun run = MainRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.printed());
    return output;
  }
}
