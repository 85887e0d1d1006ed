package nl.kamervragen.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.kamervragen.core.RunChanges;
import nl.kamervragen.table.Tables;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * The run published in an output folder, which the next run in the same folder compares its
 * documents with (the {@code changes} table).
 *
 * @param documents its {@code documents.parquet}
 * @param runId its run id, from its manifest
 */
public record PublishedRun(Path documents, String runId) {

  /**
   * The run published in a folder, if it is complete ({@code _SUCCESS}, its manifest and its
   * documents table). A manifest that cannot be read gives no run, and a note that says so.
   */
  public static Optional<PublishedRun> in(Path output, List<String> notes) {
    Path manifest = output.resolve(Manifest.FILE);
    Path documents = output.resolve(Tables.DOCUMENTS.name() + ".parquet");
    if (!Files.exists(output.resolve(OutputFolder.SUCCESS_MARKER)) || !Files.isRegularFile(manifest) || !Files.isRegularFile(documents)) {
      return Optional.empty();
    }
    try {
      JsonNode root = new ObjectMapper().readTree(manifest.toFile());
      String runId = root.path("run_id").asText("");
      if (!runId.isEmpty()) {
        return Optional.of(new PublishedRun(documents, runId));
      }
      notes.add("the published run in " + output + " has no run_id in its manifest.json: this run is not compared with it");
    } catch (IOException e) {
      notes.add("the published run's manifest.json in " + output + " cannot be read (" + e.getMessage()
          + "): this run is not compared with it");
    }
    return Optional.empty();
  }

  /** The comparison a staged {@code changes.csv} holds: how many sets each kind of change counts. */
  public static RunChanges.Comparison comparison(String previousRunId, Path changesCsv) throws IOException {
    try (Reader in = Files.newBufferedReader(changesCsv, StandardCharsets.UTF_8);
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
