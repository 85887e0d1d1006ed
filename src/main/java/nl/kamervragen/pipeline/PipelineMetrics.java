package nl.kamervragen.pipeline;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

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
}
