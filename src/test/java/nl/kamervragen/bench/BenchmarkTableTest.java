package nl.kamervragen.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkTableTest {

  @Test
  void theMedianIsAlwaysAMeasuredRun() {
    assertEquals(2.0, BenchmarkTable.median(new double[] {3, 1, 2}));
    assertEquals(2.0, BenchmarkTable.median(new double[] {4, 1, 2, 3}), "lower middle of an even count");
  }

  @Test
  void runsThatReadFromDiskAreNamed() {
    BenchmarkTable.Run cached = new BenchmarkTable.Run(1_000_000, "floor", "1", 135.0, 9_000_000, 1_000_000, 6_000_000_000L, 12L);
    BenchmarkTable.Run fromDisk = new BenchmarkTable.Run(1_000_000, "flink", "1", 320.0, 2_000_000, 1_000_000, 6_000_000_000L, 8_530L);
    BenchmarkTable.Run older = new BenchmarkTable.Run(100_000, "flink", "2", 50.0, 2_000_000, 100_000, 600_000_000L, null);
    assertEquals("\nRead from disk, not from the page cache (more than 100 MB): flink run 1 on 1,000,000 documents 8,530 MB.\n",
        BenchmarkTable.diskReads(java.util.List.of(cached, fromDisk, older)));
    assertEquals("\nNo run read more than 100 MB from disk.\n", BenchmarkTable.diskReads(java.util.List.of(cached, older)));
    assertEquals("", BenchmarkTable.diskReads(java.util.List.of(older)), "not measured: nothing said");
  }

  @Test
  void ratiosAndTargetsComeFromTheMedians() {
    Map<Long, Map<String, BenchmarkTable.Result>> results = Map.of(
        100_000L, Map.of(
            "read", new BenchmarkTable.Result(100_000, "read", 3, 2.0, 400_000, 100_000, 600_000_000),
            "parse", new BenchmarkTable.Result(100_000, "parse", 3, 5.0, 600_000, 100_000, 600_000_000),
            "floor", new BenchmarkTable.Result(100_000, "floor", 3, 100.0, 2_000_000, 100_000, 600_000_000),
            "direct", new BenchmarkTable.Result(100_000, "direct", 3, 400.0, 3_000_000, 100_000, 600_000_000)));
    String md = BenchmarkTable.markdown(new java.util.TreeMap<>(results));
    assertTrue(md.contains("| 100,000 | direct | 3 | 400.0 s | 250 | 1.5 | 2,929 MB | 25 % |"), md);
    assertTrue(md.contains("| parser ≥ 1/3 of the read-and-decode pass's MB/s (100,000 documents) | 0.40 | yes |"), md);
    assertTrue(md.contains("| DirectRunner (checks off) ≥ 20 % of the floor's documents/s at 100k | 25 % | yes |"), md);
    assertTrue(md.contains("at 1M | not measured | – |"), md);
    assertTrue(md.contains("| FlinkRunner embedded ≥ 75 % of the floor's documents/s at 100k | not measured | – |"), md);

    Map<Long, Map<String, BenchmarkTable.Result>> million = new java.util.TreeMap<>(Map.of(1_000_000L, Map.of(
        "parse", new BenchmarkTable.Result(1_000_000, "parse", 1, 25.0, 600_000, 1_000_000, 6_000_000_000L),
        "floor", new BenchmarkTable.Result(1_000_000, "floor", 1, 135.0, 9_000_000, 1_000_000, 6_000_000_000L),
        "flink", new BenchmarkTable.Result(1_000_000, "flink", 1, 170.0, 2_000_000, 1_000_000, 6_000_000_000L))));
    String big = BenchmarkTable.markdown(million);
    assertTrue(big.contains("| FlinkRunner embedded ≥ 75 % of the floor's documents/s at 1M | 79 % | yes |"), big);
    assertTrue(big.contains("| the floor's time at most 4 times the parse pass's at 1M | 5.4 times | no |"), big);
  }
}
