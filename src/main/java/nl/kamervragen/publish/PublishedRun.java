package nl.kamervragen.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.kamervragen.core.RunChanges;
import nl.kamervragen.storage.StoredFolder;
import nl.kamervragen.table.Tables;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * The run published in an output folder, which the next run in the same folder compares its
 * documents with (the {@code changes} table).
 *
 * @param documents where its {@code documents.parquet} is
 * @param runId its run id, from its manifest
 */
public record PublishedRun(String documents, String runId) {

  /**
   * The run published in a folder, if it is complete ({@code _SUCCESS}, its manifest and its
   * documents table). A manifest that cannot be read gives no run, and a note that says so.
   */
  public static Optional<PublishedRun> in(StoredFolder output, List<String> notes) throws IOException {
    String documents = Tables.DOCUMENTS.name() + ".parquet";
    if (!output.exists(OutputFolder.SUCCESS_MARKER) || !output.exists(Manifest.FILE) || !output.exists(documents)) {
      return Optional.empty();
    }
    try {
      JsonNode root = new ObjectMapper().readTree(output.readString(Manifest.FILE));
      String runId = root.path("run_id").asText("");
      if (!runId.isEmpty()) {
        return Optional.of(new PublishedRun(output.locationOf(documents), runId));
      }
      notes.add("the published run in " + output + " has no run_id in its manifest.json: this run is not compared with it");
    } catch (IOException e) {
      notes.add("the published run's manifest.json in " + output + " cannot be read (" + e.getMessage()
          + "): this run is not compared with it");
    }
    return Optional.empty();
  }

  /** The comparison a staged {@code changes.csv} holds: how many sets each kind of change counts. */
  public static RunChanges.Comparison comparison(String previousRunId, StoredFolder staging) throws IOException {
    try (Reader in = new InputStreamReader(staging.open(Tables.CHANGES.name() + ".csv"), StandardCharsets.UTF_8);
        CSVParser rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      return new RunChanges.Comparison(previousRunId, RunChanges.countByKind(() -> rows.stream().map(row -> row.get("change")).iterator()));
    }
  }

  /** The changes in words, for the run's last line: {@code 2 new, 1 answered}, or {@code none}. */
  public static String describe(Map<String, Long> counts) {
    String listed = counts.entrySet().stream().filter(e -> e.getValue() > 0)
        .map(e -> e.getValue() + " " + e.getKey().replace('_', ' ')).collect(Collectors.joining(", "));
    return listed.isEmpty() ? "none" : listed;
  }
}
