package nl.kamervragen.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.kamervragen.core.InputFingerprint;
import nl.kamervragen.core.RunChanges;
import nl.kamervragen.core.SummaryMeasures;
import nl.kamervragen.flink.FlinkProgress;
import nl.kamervragen.flink.FlinkRun;
import nl.kamervragen.input.ArchiveWalker;
import nl.kamervragen.input.ListedEntry;
import nl.kamervragen.input.ListingFile;
import nl.kamervragen.input.ReadAhead;
import nl.kamervragen.pipeline.KamervragenPipeline;
import nl.kamervragen.pipeline.PipelineMetrics;
import nl.kamervragen.pipeline.RunConfig;
import nl.kamervragen.pipeline.Staging;
import nl.kamervragen.pipeline.WriteTables;
import nl.kamervragen.publish.BucketOutput;
import nl.kamervragen.publish.Manifest;
import nl.kamervragen.publish.OutputFolder;
import nl.kamervragen.publish.PublishedRun;
import nl.kamervragen.publish.RunOutput;
import nl.kamervragen.publish.StagedTables;
import nl.kamervragen.report.ReportWriter;
import nl.kamervragen.storage.ObjectStorage;
import nl.kamervragen.storage.StoredFolder;
import nl.kamervragen.table.DataDictionary;
import nl.kamervragen.table.TableDefinition;
import nl.kamervragen.table.Tables;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * One run, in the steps a nightly job needs: prepare (lock the output folder, list the input once),
 * run the pipeline on what was listed, check (every entry accounted for, few enough rejects, the
 * input unchanged since it was listed) and publish (report, manifest, all at once). A run that does
 * not publish leaves the published tables as they were, and removes its staging folder.
 */
final class KamervragenJob {

  /** How long a cluster's REST API may take to answer before the run gives up. */
  private static final java.time.Duration CLUSTER_TIMEOUT = java.time.Duration.ofSeconds(10);

  /** A reason not to publish, as the lines to print. */
  static final class NotPublished extends Exception {
    final List<String> lines;

    NotPublished(List<String> lines) {
      super(String.join("; ", lines), null, false, false);
      this.lines = List.copyOf(lines);
    }

    NotPublished(String line) {
      this(List.of(line));
    }
  }

  private final KamervragenOptions options;
  private final JobConfig config;
  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock;
  private final Runnable afterListing;
  private boolean discarded;

  /** @param afterListing runs once the input is listed, before the pipeline reads it (tests change files there) */
  KamervragenJob(KamervragenOptions options, JobConfig config, PrintStream out, PrintStream err, Clock clock, Runnable afterListing) {
    this.options = options;
    this.config = config;
    this.out = out;
    this.err = err;
    this.clock = clock;
    this.afterListing = afterListing;
  }

  /** Runs the job and returns its exit code. */
  int run() throws IOException {
    if (isFlink() && FlinkRun.onCluster(options.as(FlinkPipelineOptions.class))) {
      try {
        FlinkRun.checkReachable(options.as(FlinkPipelineOptions.class), CLUSTER_TIMEOUT);
      } catch (IOException unreachable) {
        org.slf4j.LoggerFactory.getLogger(KamervragenJob.class).error("the Flink cluster did not answer", unreachable);
        err.println("kamervragen: " + unreachable.getMessage() + "; nothing was run" + RunLog.details());
        return KamervragenMain.FAILED;
      }
    }
    // Beam's file systems, object storage included, for the listing here and for the pipeline.
    ObjectStorage.configure(options, config.usesBuckets());
    FileSystems.setDefaultPipelineOptions(options);
    Instant started = clock.instant();
    String runId = runId(started);
    List<String> notes = new ArrayList<>();
    RunOutput opened;
    try {
      opened = openOutput(runId, notes);
    } catch (IOException cannotOpen) {
      org.slf4j.LoggerFactory.getLogger(KamervragenJob.class).error("the output could not be opened", cannotOpen);
      err.println("kamervragen: not published: " + cannotOpen.getMessage());
      return KamervragenMain.FAILED;
    }
    try (RunOutput folder = opened) {
      boolean published = false;
      try {
        Optional<PublishedRun> previous = folder.previous(notes);
        notes.forEach(note -> out.println("kamervragen: " + note));
        StoredFolder staged = folder.staging();
        long entries = list(staged);
        afterListing.run();
        Staging staging = new Staging(staged.location(), folder.ownerToken());
        PipelineResult result = runPipeline(new RunConfig(staged.locationOf(ListingFile.NAME), staging, config.referenceDate(), config.maxFileBytes(),
            config.ministryFamilies(), previous.map(p -> new RunConfig.PreviousRun(p.documents(), p.runId())).orElse(null)),
            runId, entries, folder);
        // The part files are removed, the report is written (it reads the tables itself) and the
        // input is listed again while the tables are read back: each waits on storage, not on the
        // others. A run that is not published discards the report with its staging folder.
        String previousRunId = previous.map(PublishedRun::runId).orElse(null);
        try (BackgroundTask<Void> partsRemoved = BackgroundTask.start("kamervragen-parts", () -> {
              staged.folder(WriteTables.PARTS_FOLDER).deleteAll();
              return null;
            });
            BackgroundTask<String> reportWritten = BackgroundTask.start("kamervragen-report", () -> writeReport(staged, previousRunId))) {
          InputRelisting.Relisted<StagedTables> read = InputRelisting.during(staged, config.input(), () -> {
            printSummary(result);
            return StagedTables.read(staged, Tables.ALL.stream().map(TableDefinition::name).toList());
          });
          StagedTables report = read.result();
          check(report, entries, read.listingChanges());
          staged.delete(ListingFile.NAME);
          staged.delete(InputFingerprint.FILE_NAME);
          String changes = reportWritten.await();
          writeManifest(staged, report, runId, started, previousRunId);
          partsRemoved.await();
          publish(folder, report, changes);
        }
        published = true;
        return KamervragenMain.OK;
      } catch (NotPublished e) {
        e.lines.forEach(line -> err.println("kamervragen: " + line));
        return KamervragenMain.FAILED;
      } finally {
        if (!published) {
          discard(folder);
        }
      }
    }
  }

  // ---- prepare ---------------------------------------------------------------------------

  /** Locks the output and cleans up what earlier runs left; on a bucket, a run folder of its own. */
  private RunOutput openOutput(String runId, List<String> notes) throws IOException {
    StoredFolder output = config.output();
    if (output.isLocal()) {
      return OutputFolder.open(output.localPath(), runId, config.publishLink(), notes);
    }
    return BucketOutput.open(output, runId, config.keepRuns(), options, clock, notes);
  }

  /**
   * Lists the input once, into the staging folder, and returns the number of entries. The walk runs
   * ahead on a thread of its own while this one writes the listing.
   */
  private long list(StoredFolder staging) throws IOException, NotPublished {
    long entries;
    try (OutputStream file = staging.create(ListingFile.NAME, MimeTypes.BINARY);
        ReadAhead<ListedEntry> listed = new ReadAhead<>(config.input().entries(), "kamervragen-listing")) {
      entries = ListingFile.write(file, listed);
    } catch (ArchiveWalker.UnlistableFolderException e) {
      throw new NotPublished("not published: " + e.getMessage() + " (the input would be incomplete)");
    }
    if (entries == 0) {
      throw new NotPublished("no input files match '" + options.getInput() + "' (" + config.input().pattern() + " under " + config.input().location() + ")");
    }
    out.printf("kamervragen: reading %d file(s) from %s on %s, reference date %s%n",
        entries, options.getInput(), options.getRunner().getSimpleName(), config.referenceDate());
    return entries;
  }

  // ---- run -------------------------------------------------------------------------------

  private PipelineResult runPipeline(RunConfig runConfig, String runId, long entries, RunOutput folder)
      throws IOException, NotPublished {
    options.setJobName("kamervragen-" + runId.toLowerCase(Locale.ROOT));
    FileSystems.setDefaultPipelineOptions(options);
    prepareRunner();
    Pipeline pipeline = Pipeline.create(options);
    KamervragenPipeline.build(pipeline, runConfig);
    out.println("kamervragen: stages: Read documents > Remove duplicates > Resolve person keys"
        + " > Compute statistics, Compare with the previous run, Summarize run > Write tables");
    PipelineResult result;
    PipelineResult.State state;
    String rest = flinkRestAddress();
    String cluster = isFlink() && FlinkRun.onCluster(options.as(FlinkPipelineOptions.class)) ? rest : null;
    try (StopOnSignal stop = new StopOnSignal(err, cluster, options.getJobName(), () -> discard(folder));
        FlinkProgress.FlinkWatcher watcher = rest == null ? null : new FlinkProgress.FlinkWatcher(rest, out)) {
      result = pipeline.run();
      stop.running(result);
      state = awaitWithProgress(result, isDirect() ? entries : -1);
    }
    if (state != PipelineResult.State.DONE) {
      throw new NotPublished("the run ended in state " + state + "; nothing was published");
    }
    return result;
  }

  /**
   * Lets the run report progress: the DirectRunner runs in the background so its metrics can be
   * read; Flink embedded gets a REST API on a known port.
   */
  private void prepareRunner() throws IOException {
    if (isDirect()) {
      options.as(DirectOptions.class).setBlockOnRun(false);
    } else if (isFlink()) {
      FlinkRun.prepare(options.as(FlinkPipelineOptions.class));
    }
  }

  /** The REST address of the Flink the job runs on; null when not on Flink. */
  private String flinkRestAddress() {
    return isFlink() ? FlinkRun.restAddress(options.as(FlinkPipelineOptions.class)) : null;
  }

  private boolean isDirect() {
    return options.getRunner().getSimpleName().equals("DirectRunner");
  }

  private boolean isFlink() {
    return options.getRunner().getSimpleName().equals("FlinkRunner");
  }

  /** Waits for the run, printing progress from the metrics when the runner offers them while running. */
  private PipelineResult.State awaitWithProgress(PipelineResult result, long files) {
    if (files < 0) {
      return result.waitUntilFinish();
    }
    String last = "";
    while (true) {
      PipelineResult.State state = result.waitUntilFinish(org.joda.time.Duration.standardSeconds(5));
      if (state != null && state.isTerminal()) {
        return state;
      }
      String line = RunProgress.fromCounters(PipelineMetrics.counters(result), files);
      if (!line.equals(last)) {
        out.println(line);
        last = line;
      }
    }
  }

  private void printSummary(PipelineResult result) {
    Map<String, Long> counters = PipelineMetrics.counters(result);
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

  // ---- check -----------------------------------------------------------------------------

  /** Decides from what the run wrote, and from the input listed again, whether it may be published. */
  private void check(StagedTables report, long entries, String listingChanges) throws NotPublished {
    List<String> problems = new ArrayList<>();
    report.problems(entries, config.maxRejectedShare()).forEach(problem -> problems.add("not published: " + problem));
    String changed = InputRelisting.inputChanges(listingChanges, report);
    if (changed != null) {
      problems.add("not published: " + changed);
    }
    if (!problems.isEmpty()) {
      throw new NotPublished(problems);
    }
  }

  // ---- publish ---------------------------------------------------------------------------

  /**
   * Writes the report and the data dictionary next to the staged tables. Returns what changed since
   * the previous run, in words.
   */
  private String writeReport(StoredFolder staging, String previousRunId) throws IOException {
    RunChanges.Comparison comparison = previousRunId == null ? RunChanges.Comparison.FIRST_RUN
        : PublishedRun.comparison(previousRunId, staging);
    ReportWriter.write(staging, config.referenceDate(), config.reportNote(), comparison);
    staging.writeString(DataDictionary.FILE_NAME, DataDictionary.markdown(), "text/markdown; charset=utf-8");
    return previousRunId == null ? "no previous run to compare with"
        : "changes since run " + previousRunId + ": " + PublishedRun.describe(comparison.counts());
  }

  /** Writes the manifest, last before publishing: it records when the run ended. */
  private void writeManifest(StoredFolder staging, StagedTables report, String runId, Instant started, String previousRunId)
      throws IOException {
    Manifest.write(staging, runId, started, clock.instant(), Version.current(), options.getRunner().getSimpleName(),
        effectiveOptions(), config.input().location() + "/" + config.input().pattern(), report, previousRunId);
  }

  /** Makes the staged run the published one, and says so. */
  private void publish(RunOutput folder, StagedTables report, String changes) throws IOException {
    folder.publish();
    long duplicates = report.measure(SummaryMeasures.DUPLICATES);
    long conflicts = report.measure(SummaryMeasures.CONFLICTS);
    out.printf(Locale.ROOT, "kamervragen: done: %d files = %d documents + %d duplicates%s + %d rejected; %d warnings; %s; tables and report.html in %s%n",
        report.measure(SummaryMeasures.FILES), report.measure(SummaryMeasures.DOCUMENTS), duplicates,
        conflicts > 0 ? " (" + conflicts + " conflicting)" : "",
        report.measure(SummaryMeasures.REJECTED), report.measure(SummaryMeasures.WARNINGS), changes, folder.publishedLocation());
  }

  /**
   * A run that is not published removes its staging folder, unless told to keep it: once, from the
   * signal hook or the run, and the one that comes second waits for the first (the JVM must not stop
   * in the middle of it).
   */
  private synchronized void discard(RunOutput folder) throws IOException {
    if (discarded) {
      return;
    }
    discarded = true;
    if (config.keepFailedStaging()) {
      err.println("kamervragen: this run's tables are in " + folder.staging() + " (--keepFailedStaging); " + folder.location() + " is unchanged");
      return;
    }
    folder.discard();
    err.println("kamervragen: " + folder.location() + " is unchanged; this run's staging folder was removed (--keepFailedStaging keeps it)");
  }

  private Map<String, String> effectiveOptions() {
    Map<String, String> effective = new LinkedHashMap<>();
    effective.put("input", options.getInput());
    effective.put("followLinks", String.valueOf(config.input().followLinks()));
    effective.put("output", config.output().location());
    if (!config.output().isLocal()) {
      effective.put("keepRuns", String.valueOf(config.keepRuns()));
    }
    effective.put("referenceDate", config.referenceDate().toString());
    effective.put("maxFileBytes", String.valueOf(config.maxFileBytes()));
    effective.put("ministryFamilies", options.getMinistryFamilies().isBlank() ? "(shipped)" : options.getMinistryFamilies().strip());
    effective.put("maxRejectedShare", String.valueOf(config.maxRejectedShare()));
    effective.put("runner", options.getRunner().getSimpleName());
    if (isFlink()) {
      FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
      effective.put("flinkMaster", flink.getFlinkMaster());
      effective.put("parallelism", String.valueOf(flink.getParallelism()));
    }
    if (config.publishLink() != null) {
      effective.put("publishLink", config.publishLink().toString());
    }
    if (!config.reportNote().isBlank()) {
      effective.put("reportNote", config.reportNote());
    }
    return effective;
  }

  /** A sortable, unique name for a run: its start time in UTC and a random suffix. */
  static String runId(Instant started) {
    byte[] suffix = new byte[2];
    new SecureRandom().nextBytes(suffix);
    return DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started)
        + "-" + HexFormat.of().formatHex(suffix);
  }
}
