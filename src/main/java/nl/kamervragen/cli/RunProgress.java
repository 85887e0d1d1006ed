package nl.kamervragen.cli;

import java.util.Map;
import nl.kamervragen.pipeline.PipelineMetrics;
import nl.kamervragen.table.Tables;

/** Tells the user, while a run goes on, how far its stages are, from the runner's metrics (the DirectRunner). */
final class RunProgress {

  private RunProgress() {}

  /** One line about the stages' counters, for runners whose metrics can be read while running. */
  static String fromCounters(Map<String, Long> counters, long files) {
    long tablesWritten =
        Tables.ALL.stream()
            .filter(t -> counters.containsKey(PipelineMetrics.ROWS_WRITTEN_PREFIX + t.name()))
            .count();
    return String.format(
        "kamervragen: progress: Read documents %d of %d file(s) (%d parsed, %d rejected); Remove duplicates %d kept; Write tables %d of %d",
        counters.getOrDefault(PipelineMetrics.FILES_READ, 0L),
        files,
        counters.getOrDefault(PipelineMetrics.DOCUMENTS_PARSED, 0L),
        counters.getOrDefault(PipelineMetrics.FILES_REJECTED, 0L),
        counters.getOrDefault(PipelineMetrics.DOCUMENTS_KEPT, 0L),
        tablesWritten,
        Tables.ALL.size());
  }
}
