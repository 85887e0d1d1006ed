package nl.kamervragen.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import nl.kamervragen.generate.GenerateCommand;
import nl.kamervragen.options.CommandLine;
import org.slf4j.LoggerFactory;

/**
 * The command-line entry point: dispatches to a subcommand or runs the job ({@link KamervragenJob}).
 * Exit codes: 0 success, 1 the run failed, 2 usage error.
 */
public final class KamervragenMain {

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  private KamervragenMain() {}

  public static void main(String[] args) {
    RunLog.start();
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
    List<String> arguments = Arrays.asList(args);
    String command = args.length > 0 && !args[0].startsWith("--") ? args[0] : "";
    List<String> rest = command.isEmpty() ? arguments : arguments.subList(1, args.length);
    if (command.equals("help") || (command.isEmpty() && rest.contains("--help"))) {
      out.print(Usage.main());
      return OK;
    }
    if (command.isEmpty() && rest.contains("--help=beam")) {
      Usage.beam(out);
      return OK;
    }
    if (command.equals("generate")) {
      if (rest.contains("--help")) {
        out.print(Usage.generate());
        return OK;
      }
      return GenerateCommand.run(rest.toArray(String[]::new), out, err);
    }
    if (command.equals("run") && rest.contains("--help")) {
      out.print(Usage.run());
      return OK;
    }
    KamervragenOptions options;
    JobConfig config;
    try {
      String[] jobArgs = args;
      if (command.equals("run")) {
        if (rest.isEmpty()) {
          throw new CommandLine.UsageError("'run' needs a job definition file, such as pipelines/local.properties");
        }
        jobArgs = JobDefinition.arguments(Path.of(rest.get(0)), rest.subList(1, rest.size()));
      } else if (!command.isEmpty()) {
        throw new CommandLine.UsageError("unknown command '" + command + "'; the commands are run, generate and help");
      }
      options = CommandLine.parse(jobArgs, KamervragenOptions.class);
      config = CliConfig.from(options, clock);
    } catch (CommandLine.UsageError e) {
      err.println("kamervragen: " + e.getMessage());
      err.println(Usage.HINT);
      return USAGE;
    }
    try {
      return new KamervragenJob(options, config, out, err, clock, afterListing).run();
    } catch (Exception e) {
      LoggerFactory.getLogger(KamervragenMain.class).error("the run failed", e);
      err.println("kamervragen: the run failed: " + rootCause(e) + RunLog.details());
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
