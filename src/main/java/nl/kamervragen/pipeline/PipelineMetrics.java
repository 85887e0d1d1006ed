package nl.kamervragen.pipeline;

import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.MetricsFilter;

/** The Beam metrics kamervragen reports; every runner collects them. */
public final class PipelineMetrics {

  public static final String NAMESPACE = "kamervragen";

  public static final String FILES_READ = "files_read";
  public static final String DOCUMENTS_PARSED = "documents_parsed";
  public static final String FILES_REJECTED = "files_rejected";
  public static final String DUPLICATES = "duplicates";
  public static final String DOCUMENTS_KEPT = "documents_kept";
  public static final String ROWS_WRITTEN_PREFIX = "rows_written_";

  private PipelineMetrics() {}

  public static Counter counter(String name) {
    return Metrics.counter(NAMESPACE, name);
  }

  /** The job's counters, by name: committed values where the runner has them, attempted ones otherwise. */
  public static Map<String, Long> counters(PipelineResult result) {
    MetricQueryResults metrics =
        result.metrics().queryMetrics(MetricsFilter.builder().addNameFilter(MetricNameFilter.inNamespace(NAMESPACE)).build());
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
}
