package nl.kamervragen.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import nl.kamervragen.generate.GenerateCommand;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The command-line entry point: dispatches to a subcommand or runs the job ({@link KamervragenJob}).
 * Exit codes: 0 success, 1 the run failed, 2 usage error.
 */
public final class KamervragenMain {

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  static final String USAGE_LINE =
      "usage: kamervragen [run pipelines/JOB.properties | generate --documents=N] [--input=FILE|FOLDER|GLOB] [--output=FOLDER] "
          + "[--referenceDate=YYYY-MM-DD] [--maxFileBytes=N] [--followLinks] [--runner=DirectRunner] [other Beam options]; --help lists them all";

  private KamervragenMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, Clock.systemUTC()));
  }

  /** Runs kamervragen and returns its exit code; never exits the JVM. */
  public static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
    return run(args, out, err, clock, () -> {});
  }

  /**
   * Runs kamervragen and returns its exit code.
   *
   * @param afterListing runs once the input is listed and before it is read (tests change the input there)
   */
  public static int run(String[] args, PrintStream out, PrintStream err, Clock clock, Runnable afterListing) {
    if (args.length > 0 && args[0].equals("generate")) {
      return GenerateCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    PipelineOptionsFactory.register(KamervragenOptions.class);
    if (Arrays.asList(args).contains("--help")) {
      PipelineOptionsFactory.printHelp(out, KamervragenOptions.class);
      return OK;
    }
    KamervragenOptions options;
    JobConfig config;
    try {
      if (args.length > 0 && args[0].equals("run")) {
        if (args.length < 2) {
          throw new CliConfig.UsageException("'run' needs a job definition file, such as pipelines/local.properties");
        }
        args = JobDefinition.arguments(Path.of(args[1]), Arrays.asList(args).subList(2, args.length));
      }
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(KamervragenOptions.class);
      config = CliConfig.from(options, clock);
    } catch (IllegalArgumentException | CliConfig.UsageException e) {
      err.println("kamervragen: " + firstLine(e.getMessage()));
      err.println(USAGE_LINE);
      return USAGE;
    }
    try {
      return new KamervragenJob(options, config, out, err, clock, afterListing).run();
    } catch (Exception e) {
      err.println("kamervragen: the run failed: " + rootCause(e));
      return FAILED;
    }
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? "" : ": " + firstLine(cause.getMessage());
    return cause.getClass().getSimpleName() + message;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown problem";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
