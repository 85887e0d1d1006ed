package nl.kamervragen.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.kamervragen.table.TableDefinition;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.values.Row;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** Reads the tables a run wrote back, as a dashboard would. */
public final class TableFiles {

  private TableFiles() {}

  /** A CSV table: its header and records. */
  public record Csv(List<String> header, List<CSVRecord> records) {
    /** The one record whose column has the value. */
    public CSVRecord only(String column, String value) {
      return only(column, value, r -> true, "");
    }

    /** The one response-time style record of a dimension value over all years (its year cell empty). */
    public CSVRecord allYears(String column, String value) {
      return only(column, value, r -> r.get("year").isEmpty(), " and no year");
    }

    private CSVRecord only(String column, String value, java.util.function.Predicate<CSVRecord> also, String alsoSaid) {
      List<CSVRecord> matches = records.stream().filter(r -> r.get(column).equals(value) && also.test(r)).toList();
      if (matches.size() != 1) {
        throw new AssertionError(matches.size() + " records with " + column + "=" + value + alsoSaid);
      }
      return matches.get(0);
    }
  }

  public static Csv csv(Path folder, TableDefinition table) throws IOException {
    try (Reader reader = Files.newBufferedReader(folder.resolve(table.name() + ".csv"), StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      return new Csv(parser.getHeaderNames(), parser.getRecords());
    }
  }

  /** The rows of a Parquet table, in file order. */
  public static List<Row> parquet(Path folder, TableDefinition table) throws IOException {
    Path file = folder.resolve(table.name() + ".parquet");
    List<Row> rows = new ArrayList<>();
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(
                HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))
            .build()) {
      for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
        rows.add(table.fromAvro(record));
      }
    }
    return rows;
  }

  /** The files directly in a folder, by name, with their bytes. */
  public static Map<String, byte[]> filesIn(Path folder) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.list(folder)) {
      for (Path path : paths.toList()) {
        files.put(path.getFileName().toString(), Files.readAllBytes(path));
      }
    }
    return files;
  }

  /** The same files with the same bytes, as {@link #filesIn} gives them. */
  public static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    if (!expected.keySet().equals(actual.keySet())) {
      throw new AssertionError("files differ: " + expected.keySet() + " against " + actual.keySet());
    }
    expected.forEach((name, bytes) -> {
      if (!java.util.Arrays.equals(bytes, actual.get(name))) {
        throw new AssertionError(name + " differs");
      }
    });
  }

  /** Every table's CSV file is byte-identical and its Parquet file has identical rows in both folders. */
  public static void assertSameTables(Path expected, Path actual) throws IOException {
    for (TableDefinition table : nl.kamervragen.table.Tables.ALL) {
      byte[] expectedCsv = Files.readAllBytes(expected.resolve(table.name() + ".csv"));
      byte[] actualCsv = Files.readAllBytes(actual.resolve(table.name() + ".csv"));
      if (!java.util.Arrays.equals(expectedCsv, actualCsv)) {
        throw new AssertionError(table.name() + ".csv differs between " + expected + " and " + actual);
      }
      if (!parquet(expected, table).equals(parquet(actual, table))) {
        throw new AssertionError(table.name() + ".parquet rows differ between " + expected + " and " + actual);
      }
    }
  }
}
