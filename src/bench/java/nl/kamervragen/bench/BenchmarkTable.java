package nl.kamervragen.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns bench/run's measurements (one row per run) into the table of docs/benchmarks.md: medians
 * per archive size and contender, throughput, peak memory, the ratio to the floor, whether each
 * target of the benchmark is met, and which runs read from disk instead of the page cache.
 */
public final class BenchmarkTable {

  private static final List<String> ORDER = List.of("read", "parse", "floor", "direct", "flink");

  /**
   * One measured run; {@code diskReadMb} is what it read from disk (GNU time's file system inputs),
   * null in results recorded before bench/run measured it.
   */
  record Run(long size, String contender, String run, double wallSeconds, long peakRssKb, long documents, long bytes, Long diskReadMb) {}

  /** More read from disk than this, and a run timed the disk as much as its own work. */
  static final long DISK_READ_NOTED_MB = 100;

  /** The medians of one contender on one archive size. */
  record Result(long size, String contender, int runs, double wallSeconds, long peakRssKb, long documents, long bytes) {
    double documentsPerSecond() {
      return documents / wallSeconds;
    }

    double megabytesPerSecond() {
      return bytes / 1e6 / wallSeconds;
    }
  }

  private BenchmarkTable() {}

  public static void main(String[] args) throws IOException {
    List<Run> runs = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      for (CSVRecord r : CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        String disk = r.isMapped("disk_read_mb") && r.isSet("disk_read_mb") ? r.get("disk_read_mb") : "";
        runs.add(new Run(Long.parseLong(r.get("size")), r.get("contender"), r.get("run"), Double.parseDouble(r.get("wall_s")),
            Long.parseLong(r.get("peak_rss_kb")), Long.parseLong(r.get("documents")), Long.parseLong(r.get("bytes")),
            disk.isEmpty() ? null : Long.valueOf(disk)));
      }
    }
    Files.writeString(Path.of(args[1]), markdown(results(runs)) + diskReads(runs), StandardCharsets.UTF_8);
  }

  static Map<Long, Map<String, Result>> results(List<Run> runs) {
    Map<Long, Map<String, List<Run>>> grouped = new TreeMap<>();
    runs.forEach(r -> grouped.computeIfAbsent(r.size(), s -> new TreeMap<>()).computeIfAbsent(r.contender(), c -> new ArrayList<>()).add(r));
    Map<Long, Map<String, Result>> results = new TreeMap<>();
    grouped.forEach((size, byContender) -> byContender.forEach((contender, list) -> results
        .computeIfAbsent(size, s -> new TreeMap<>())
        .put(contender, new Result(size, contender, list.size(),
            median(list.stream().mapToDouble(Run::wallSeconds).toArray()),
            (long) median(list.stream().mapToDouble(Run::peakRssKb).toArray()),
            list.get(0).documents(), list.get(0).bytes()))));
    return results;
  }

  /** Which runs read more than {@link #DISK_READ_NOTED_MB} from disk, as a paragraph under the tables. */
  static String diskReads(List<Run> runs) {
    if (runs.stream().allMatch(r -> r.diskReadMb() == null)) {
      return "";
    }
    List<String> noted = runs.stream().filter(r -> r.diskReadMb() != null && r.diskReadMb() > DISK_READ_NOTED_MB)
        .map(r -> String.format(Locale.ROOT, "%s run %s on %,d documents %,d MB", r.contender(), r.run(), r.size(), r.diskReadMb())).toList();
    return noted.isEmpty()
        ? String.format(Locale.ROOT, "%nNo run read more than %d MB from disk.%n", DISK_READ_NOTED_MB)
        : String.format(Locale.ROOT, "%nRead from disk, not from the page cache (more than %d MB): %s.%n", DISK_READ_NOTED_MB, String.join("; ", noted));
  }

  /** The median; for an even count the lower middle value, so it is always a measured run. */
  static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[(sorted.length - 1) / 2];
  }

  static String markdown(Map<Long, Map<String, Result>> results) {
    StringBuilder md = new StringBuilder();
    md.append("| documents | contender | runs | wall (median) | documents/s | MB/s | peak RSS (median) | docs/s vs floor |\n");
    md.append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
    results.forEach((size, byContender) -> ORDER.stream().filter(byContender::containsKey).forEach(c -> {
      Result r = byContender.get(c);
      Result floor = byContender.get("floor");
      String ratio = floor == null || c.equals("read") || c.equals("parse")
          ? "" : String.format(Locale.ROOT, "%.0f %%", 100 * r.documentsPerSecond() / floor.documentsPerSecond());
      md.append(String.format(Locale.ROOT, "| %,d | %s | %d | %.1f s | %,.0f | %.1f | %,d MB | %s |%n",
          size, c, r.runs(), r.wallSeconds(), r.documentsPerSecond(), r.megabytesPerSecond(), r.peakRssKb() / 1024, ratio));
    }));
    md.append("\n| target | measured | met |\n|---|---|---|\n");
    results.forEach((size, byContender) -> ratio(byContender, "parse", "read", Result::megabytesPerSecond).ifPresent(x ->
        md.append(String.format(Locale.ROOT, "| parser ≥ 1/3 of the read-and-decode pass's MB/s (%,d documents) | %.2f | %s |%n",
            size, x, x >= 1 / 3.0 ? "yes" : "no"))));
    target(md, results, 100_000, "flink", 0.75, "FlinkRunner embedded ≥ 75 % of the floor's documents/s at 100k");
    target(md, results, 1_000_000, "flink", 0.75, "FlinkRunner embedded ≥ 75 % of the floor's documents/s at 1M");
    target(md, results, 100_000, "direct", 0.2, "DirectRunner (checks off) ≥ 20 % of the floor's documents/s at 100k");
    Optional<Result> flink100k = find(results, 100_000, "flink");
    Optional<Result> flink1m = find(results, 1_000_000, "flink");
    if (flink100k.isPresent() && flink1m.isPresent()) {
      double growth = flink1m.get().wallSeconds() / flink100k.get().wallSeconds();
      md.append(String.format(Locale.ROOT, "| Flink time from 100k to 1M grows ≤ 11x | %.1fx | %s |%n", growth, growth <= 11 ? "yes" : "no"));
      md.append(String.format(Locale.ROOT, "| 1M documents on Flink embedded with -Xmx2g complete | peak RSS %,d MB | yes |%n",
          flink1m.get().peakRssKb() / 1024));
    } else {
      md.append("| Flink time from 100k to 1M grows ≤ 11x | not measured | – |\n");
      md.append("| 1M documents on Flink embedded with -Xmx2g complete | not measured | – |\n");
    }
    Optional<Result> floor1m = find(results, 1_000_000, "floor");
    Optional<Result> parse1m = find(results, 1_000_000, "parse");
    if (floor1m.isPresent() && parse1m.isPresent()) {
      double times = floor1m.get().wallSeconds() / parse1m.get().wallSeconds();
      md.append(String.format(Locale.ROOT, "| the floor's time at most 4 times the parse pass's at 1M | %.1f times | %s |%n",
          times, times <= 4 ? "yes" : "no"));
    } else {
      md.append("| the floor's time at most 4 times the parse pass's at 1M | not measured | – |\n");
    }
    return md.toString();
  }

  private static void target(StringBuilder md, Map<Long, Map<String, Result>> results, long size, String contender, double goal, String label) {
    Optional<Double> x = Optional.ofNullable(results.get(size)).flatMap(r -> ratio(r, contender, "floor", Result::documentsPerSecond));
    md.append(x.map(v -> String.format(Locale.ROOT, "| %s | %.0f %% | %s |%n", label, 100 * v, v >= goal ? "yes" : "no"))
        .orElse("| " + label + " | not measured | – |\n"));
  }

  private static Optional<Double> ratio(Map<String, Result> byContender, String a, String b, java.util.function.ToDoubleFunction<Result> measure) {
    if (!byContender.containsKey(a) || !byContender.containsKey(b)) {
      return Optional.empty();
    }
    return Optional.of(measure.applyAsDouble(byContender.get(a)) / measure.applyAsDouble(byContender.get(b)));
  }

  private static Optional<Result> find(Map<Long, Map<String, Result>> results, long size, String contender) {
    return Optional.ofNullable(results.get(size)).map(r -> r.get(contender));
  }
}
