package nl.kamervragen.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import nl.kamervragen.cli.KamervragenMain;

/**
 * One in-process run of the command-line entry point, with what it printed.
 *
 * @param exitCode the exit code main would have ended with
 * @param out what it printed to standard output
 * @param err what it printed to standard error
 */
public record MainRun(int exitCode, String out, String err) {

  public static MainRun of(String... args) {
    return of(Clock.systemUTC(), args);
  }

  public static MainRun of(Clock clock, String... args) {
    return of(clock, () -> {}, args);
  }

  /** A run whose input is changed once it is listed, before the pipeline reads it. */
  public static MainRun changingInput(Runnable change, String... args) {
    return of(Clock.systemUTC(), change, args);
  }

  private static MainRun of(Clock clock, Runnable afterListing, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        KamervragenMain.run(
            args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), clock,
            afterListing);
    return new MainRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Everything printed, for assertion messages. */
  public String printed() {
    return out + err;
  }
}
