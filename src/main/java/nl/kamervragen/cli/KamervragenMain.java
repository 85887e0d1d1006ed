package nl.kamervragen.cli;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.kamervragen.generate.GenerateCommand;
import nl.kamervragen.pipeline.KamervragenPipeline;
import nl.kamervragen.pipeline.MatchFiles;
import nl.kamervragen.pipeline.PipelineMetrics;
import nl.kamervragen.pipeline.RunConfig;
import nl.kamervragen.pipeline.RunSummary;
import nl.kamervragen.pipeline.WriteTables;
import nl.kamervragen.publish.Manifest;
import nl.kamervragen.report.ReportWriter;
import nl.kamervragen.publish.OutputFolder;
import nl.kamervragen.publish.RunReport;
import nl.kamervragen.table.TableDefinition;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The command-line entry point: validates options, builds the pipeline, runs it and says what it
 * did. Exit codes: 0 success, 1 the run failed, 2 usage error.
 */
public final class KamervragenMain {

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  static final String USAGE_LINE =
      "usage: kamervragen [run pipelines/JOB.properties | generate --documents=N] [--input=FILE|FOLDER|GLOB] [--output=FOLDER] "
          + "[--referenceDate=YYYY-MM-DD] [--maxFileBytes=N] [--runner=DirectRunner] [other Beam options]; --help lists them all";

  private KamervragenMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, Clock.systemUTC()));
  }

  /** Runs kamervragen and returns its exit code; never exits the JVM. */
  public static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
    if (args.length > 0 && args[0].equals("generate")) {
      return GenerateCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    PipelineOptionsFactory.register(KamervragenOptions.class);
    if (Arrays.asList(args).contains("--help")) {
      PipelineOptionsFactory.printHelp(out, KamervragenOptions.class);
      return OK;
    }
    KamervragenOptions options;
    RunConfig config;
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
      FileSystems.setDefaultPipelineOptions(options);
      prepareRunner(options);
      long files = MatchFiles.list(config.inputPattern()).size();
      if (files == 0) {
        err.println("kamervragen: no input files match '" + options.getInput() + "' (pattern " + config.inputPattern() + ")");
        return FAILED;
      }
      out.printf(
          "kamervragen: reading %d file(s) from %s on %s, reference date %s%n",
          files, options.getInput(), options.getRunner().getSimpleName(), config.referenceDate());
      return runAndPublish(options, config, files, out, err, clock);
    } catch (Exception e) {
      err.println("kamervragen: the run failed: " + rootCause(e));
      return FAILED;
    }
  }

  /**
   * Runs the pipeline into a staging folder next to the output, checks what it wrote and, only when
   * every check passes, publishes it with its manifest.
   */
  private static int runAndPublish(
      KamervragenOptions options, RunConfig config, long files, PrintStream out, PrintStream err, Clock clock)
      throws IOException {
    Instant started = clock.instant();
    String runId = runId(started);
    List<String> notes = new ArrayList<>();
    try (OutputFolder folder = OutputFolder.open(Path.of(config.output()), runId, notes)) {
      notes.forEach(note -> out.println("kamervragen: " + note));
      Path staging = folder.staging();
      Pipeline pipeline = Pipeline.create(options);
      KamervragenPipeline.build(pipeline, config.withOutput(staging.toString()));
      out.println("kamervragen: stages: Read documents > Remove duplicates and stage document tables > Compute statistics, Summarize run > Write tables");
      PipelineResult result;
      PipelineResult.State state;
      try (RunProgress.FlinkWatcher watcher = flinkWatcher(options, out)) {
        result = pipeline.run();
        state = awaitWithProgress(result, isDirect(options) ? files : -1, out);
      }
      if (state != PipelineResult.State.DONE) {
        err.println("kamervragen: the run ended in state " + state + "; nothing was published");
        return FAILED;
      }
      OutputFolder.deleteTree(staging.resolve(WriteTables.PARTS_FOLDER));
      printSummary(out, result);
      RunReport report = RunReport.read(staging, Tables.ALL.stream().map(TableDefinition::name).toList());
      List<String> problems = report.problems(files, options.getMaxRejectedShare());
      if (!problems.isEmpty()) {
        problems.forEach(problem -> err.println("kamervragen: not published: " + problem));
        err.println("kamervragen: this run's tables are in " + staging + "; " + folder.output() + " is unchanged");
        return FAILED;
      }
      ReportWriter.write(staging, config.referenceDate(), options.getReportNote());
      Manifest.write(staging, runId, started, clock.instant(), Version.current(), options.getRunner().getSimpleName(),
          effectiveOptions(options, config), config.inputPattern(), report);
      folder.publish();
      if (!options.getPublishLink().isBlank()) {
        folder.link(Path.of(options.getPublishLink()));
      }
      out.printf(Locale.ROOT, "kamervragen: done: %d files = %d documents + %d duplicates + %d rejected; %d warnings; tables and report.html in %s%s%n",
          report.measure(RunSummary.FILES), report.measure(RunSummary.DOCUMENTS), report.measure(RunSummary.DUPLICATES),
          report.measure(RunSummary.REJECTED), report.measure(RunSummary.WARNINGS), folder.output(),
          options.getPublishLink().isBlank() ? "" : " (linked from " + options.getPublishLink() + ")");
      return OK;
    }
  }

  /** A sortable, unique name for a run: its start time in UTC and a random suffix. */
  static String runId(Instant started) {
    return DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started)
        + "-" + HexFormat.of().formatHex(randomBytes(2));
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  private static Map<String, String> effectiveOptions(KamervragenOptions options, RunConfig config) {
    Map<String, String> effective = new LinkedHashMap<>();
    effective.put("input", options.getInput());
    effective.put("output", config.output());
    effective.put("referenceDate", config.referenceDate().toString());
    effective.put("maxFileBytes", String.valueOf(config.maxFileBytes()));
    effective.put("maxRejectedShare", String.valueOf(options.getMaxRejectedShare()));
    effective.put("runner", options.getRunner().getSimpleName());
    if (isFlink(options)) {
      FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
      effective.put("flinkMaster", flink.getFlinkMaster());
      effective.put("parallelism", String.valueOf(flink.getParallelism()));
    }
    if (!options.getPublishLink().isBlank()) {
      effective.put("publishLink", options.getPublishLink());
    }
    if (!options.getReportNote().isBlank()) {
      effective.put("reportNote", options.getReportNote());
    }
    return effective;
  }

  private static boolean isDirect(KamervragenOptions options) {
    return options.getRunner().getSimpleName().equals("DirectRunner");
  }

  private static boolean isFlink(KamervragenOptions options) {
    return options.getRunner().getSimpleName().equals("FlinkRunner");
  }

  /**
   * Lets the run report progress. The DirectRunner runs in the background so its metrics can be
   * read; embedded Flink gets a REST API on a known loopback port instead of a random one.
   */
  private static void prepareRunner(KamervragenOptions options) throws IOException {
    if (isDirect(options)) {
      options.as(DirectOptions.class).setBlockOnRun(false);
    } else if (isFlink(options)) {
      FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
      if ("[auto]".equals(flink.getFlinkMaster()) && flink.getFlinkConfDir() == null) {
        flink.setFlinkConfDir(EmbeddedFlink.configDir().toString());
        flink.setFlinkMaster("[local]");
      }
    }
  }

  private static RunProgress.FlinkWatcher flinkWatcher(KamervragenOptions options, PrintStream out) {
    if (!isFlink(options)) {
      return null;
    }
    FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
    String master = flink.getFlinkMaster();
    String rest = "[local]".equals(master) ? EmbeddedFlink.restAddress(flink.getFlinkConfDir()) : master.replaceFirst("^https?://", "");
    return rest == null || rest.startsWith("[") ? null : new RunProgress.FlinkWatcher(rest, out);
  }

  /** Waits for the run, printing progress from the metrics when the runner offers them while running. */
  private static PipelineResult.State awaitWithProgress(PipelineResult result, long files, PrintStream out) {
    if (files < 0) {
      return result.waitUntilFinish();
    }
    String last = "";
    while (true) {
      PipelineResult.State state = result.waitUntilFinish(org.joda.time.Duration.standardSeconds(5));
      if (state != null && state.isTerminal()) {
        return state;
      }
      String line = RunProgress.fromCounters(counters(result), files);
      if (!line.equals(last)) {
        out.println(line);
        last = line;
      }
    }
  }

  private static void printSummary(PrintStream out, PipelineResult result) {
    Map<String, Long> counters = counters(result);
    out.printf(
        "kamervragen: %d file(s) read: %d parsed, %d rejected, %d duplicate(s) set aside; %d document(s) kept%n",
        counters.getOrDefault(PipelineMetrics.FILES_READ, 0L),
        counters.getOrDefault(PipelineMetrics.DOCUMENTS_PARSED, 0L),
        counters.getOrDefault(PipelineMetrics.FILES_REJECTED, 0L),
        counters.getOrDefault(PipelineMetrics.DUPLICATES, 0L),
        counters.getOrDefault(PipelineMetrics.DOCUMENTS_KEPT, 0L));
    StringBuilder tables = new StringBuilder();
    for (TableDefinition table : Tables.ALL) {
      if (tables.length() > 0) {
        tables.append(", ");
      }
      tables.append(table.name()).append(' ').append(counters.getOrDefault(PipelineMetrics.ROWS_WRITTEN_PREFIX + table.name(), 0L));
    }
    out.printf("kamervragen: wrote %d tables (rows) as CSV and Parquet: %s%n", Tables.ALL.size(), tables);
  }

  private static Map<String, Long> counters(PipelineResult result) {
    MetricQueryResults metrics =
        result.metrics().queryMetrics(MetricsFilter.builder().addNameFilter(MetricNameFilter.inNamespace(PipelineMetrics.NAMESPACE)).build());
    Map<String, Long> counters = new TreeMap<>();
    for (MetricResult<Long> counter : metrics.getCounters()) {
      long value;
      try {
        value = counter.getCommitted();
      } catch (UnsupportedOperationException notCommitted) {
        value = counter.getAttempted();
      }
      counters.merge(counter.getName().getName(), value, Long::sum);
    }
    return counters;
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
