package nl.kamervragen.bench;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options of the benchmark's plain-Java passes ({@link Floor} and {@link ReadPass}). */
public interface BenchOptions extends PipelineOptions {

  @Description("Folder of input documents (read recursively; .gz decompressed).")
  @Default.String("seeds")
  String getInput();

  void setInput(String value);

  @Description("Folder the floor writes its tables into (replaced).")
  @Default.String("output/floor")
  String getOutput();

  void setOutput(String value);

  @Description("Reference date YYYY-MM-DD, as for the pipeline.")
  @Default.String("2026-01-01")
  String getReferenceDate();

  void setReferenceDate(String value);

  @Description("Larger files (after decompression) are rejected unread, as in the pipeline.")
  @Default.Long(4L * 1024 * 1024)
  long getMaxFileBytes();

  void setMaxFileBytes(long value);

  @Description("Worker threads; 0 means one per available core.")
  @Default.Integer(0)
  int getThreads();

  void setThreads(int value);

  @Description("For ReadPass: 'read' reads and decodes every file; 'parse' also parses it.")
  @Default.String("read")
  String getMode();

  void setMode(String value);
}
