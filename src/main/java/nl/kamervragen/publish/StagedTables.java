package nl.kamervragen.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kamervragen.core.InputFingerprint;
import nl.kamervragen.core.SummaryMeasures;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import nl.kamervragen.storage.StoredFolder;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;

/**
 * What a finished run wrote, read back from its staged tables: the summary measures, the row count
 * of each table and the input fingerprint (made as {@code input_files} was written, {@link
 * InputFingerprint}); and the checks that decide whether to publish.
 */
public final class StagedTables {

  private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

  private final Map<String, Long> summary;
  private final InputFingerprint input;
  private final Map<String, Long> tableRows;
  private final long changedWhileRead;
  private final List<String> firstChangedWhileRead;

  private StagedTables(Map<String, Long> summary, InputFingerprint input, Map<String, Long> tableRows, long changedWhileRead,
      List<String> firstChangedWhileRead) {
    this.summary = summary;
    this.input = input;
    this.tableRows = tableRows;
    this.changedWhileRead = changedWhileRead;
    this.firstChangedWhileRead = List.copyOf(firstChangedWhileRead);
  }

  /** Reads the report of the tables in a folder. */
  public static StagedTables read(StoredFolder folder, List<String> tables) throws IOException {
    Map<String, Long> summary = new LinkedHashMap<>();
    for (CSVRecord record : records(folder, "summary")) {
      summary.put(record.get("metric"), Long.parseLong(record.get("value")));
    }
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : tables) {
      rows.put(table, countRecords(folder, table));
    }
    long changed = 0;
    List<String> firstChanged = new ArrayList<>();
    // From Parquet, which keeps names as they are (CSV guards a leading '=' against spreadsheets).
    try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(folder.parquet("rejects.parquet")).build()) {
      for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
        if (record.get("stage").toString().equals(CHANGED_STAGE) && changed++ < CHANGES_SHOWN) {
          firstChanged.add(record.get("source_file") + " (" + record.get("reason") + ")");
        }
      }
    }
    InputFingerprint input;
    try (InputStream in = folder.open(InputFingerprint.FILE_NAME)) {
      input = InputFingerprint.readFrom(in);
    }
    return new StagedTables(summary, input, rows, changed, firstChanged);
  }

  /** The {@code rejects.stage} of a file that changed while the run read it. */
  static final String CHANGED_STAGE = "changed";

  /** How many of the files that changed while read are named. */
  private static final int CHANGES_SHOWN = 5;

  private static List<CSVRecord> records(StoredFolder folder, String table) throws IOException {
    try (Reader reader = new InputStreamReader(folder.open(table + ".csv"), StandardCharsets.UTF_8);
        CSVParser parser = CSV.parse(reader)) {
      return parser.getRecords();
    }
  }

  /** The row count a Parquet file's footer records: no need to read the table itself again. */
  private static long countRecords(StoredFolder folder, String table) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(folder.parquet(table + ".parquet"))) {
      return reader.getRecordCount();
    }
  }

  public Map<String, Long> summary() {
    return summary;
  }

  public long measure(String name) {
    return summary.getOrDefault(name, 0L);
  }

  public InputFingerprint input() {
    return input;
  }

  public Map<String, Long> tableRows() {
    return tableRows;
  }

  /** How many files changed while the run read them, from {@code rejects}. */
  public long changedWhileRead() {
    return changedWhileRead;
  }

  /** The first few of them, as "name (what changed)". */
  public List<String> firstChangedWhileRead() {
    return firstChangedWhileRead;
  }

  /**
   * The reasons not to publish, empty when the run may be published.
   *
   * @param matchedFiles files the input matched when the run started
   * @param maxRejectedShare largest allowed share of rejected files, 0 to 1
   */
  public List<String> problems(long matchedFiles, double maxRejectedShare) {
    List<String> problems = new ArrayList<>();
    long files = measure(SummaryMeasures.FILES);
    long accounted = measure(SummaryMeasures.DOCUMENTS) + measure(SummaryMeasures.DUPLICATES) + measure(SummaryMeasures.REJECTED);
    if (files != accounted) {
      problems.add("files are not all accounted for: " + files + " files, but " + measure(SummaryMeasures.DOCUMENTS)
          + " documents + " + measure(SummaryMeasures.DUPLICATES) + " duplicates + " + measure(SummaryMeasures.REJECTED) + " rejected = " + accounted);
    }
    if (files != matchedFiles || input.files() != matchedFiles) {
      problems.add("the run listed " + matchedFiles + " input entries, but " + files + " were accounted for");
    }
    long rejected = measure(SummaryMeasures.REJECTED);
    if (files > 0 && (double) rejected / files > maxRejectedShare) {
      problems.add(String.format(java.util.Locale.ROOT, "%d of %d files rejected (%.1f %%), more than --maxRejectedShare=%s",
          rejected, files, 100.0 * rejected / files, maxRejectedShare));
    }
    return problems;
  }
}
