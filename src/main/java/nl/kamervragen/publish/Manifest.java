package nl.kamervragen.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import nl.kamervragen.report.ReportWriter;
import nl.kamervragen.storage.StoredFolder;
import nl.kamervragen.table.DataDictionary;

/** {@code manifest.json}: what one run read, how, and what it wrote. */
public final class Manifest {

  public static final String FILE = "manifest.json";

  private Manifest() {}

  /**
   * Writes the manifest of a run into a folder.
   *
   * @param options the run's effective options, by name
   * @param previousRunId the run the {@code changes} table compares with, or null
   */
  public static void write(
      StoredFolder folder,
      String runId,
      Instant started,
      Instant finished,
      String version,
      String runner,
      Map<String, String> options,
      String inputPattern,
      StagedTables report,
      String previousRunId)
      throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("run_id", runId);
    // The run the changes table compares with; null for a first run.
    root.put("previous_run_id", previousRunId);
    root.put("started", started.toString());
    root.put("finished", finished.toString());
    root.put("version", version);
    root.put("runner", runner);
    ObjectNode optionsNode = root.putObject("options");
    options.forEach(optionsNode::put);
    ObjectNode input = root.putObject("input");
    input.put("pattern", inputPattern);
    input.put("files", report.input().files());
    input.put("bytes", report.input().bytes());
    input.put("fingerprint_sha256", report.input().sha256());
    ObjectNode summary = root.putObject("summary");
    report.summary().forEach(summary::put);
    ObjectNode tables = root.putObject("tables");
    report.tableRows().forEach(
        (table, rows) -> {
          ObjectNode node = tables.putObject(table);
          node.put("rows", rows);
          node.putArray("files").add(table + ".csv").add(table + ".parquet");
        });
    root.put("report", ReportWriter.FILE_NAME);
    root.put("dictionary", DataDictionary.FILE_NAME);
    folder.writeString(FILE, json.writeValueAsString(root), "application/json");
  }
}
