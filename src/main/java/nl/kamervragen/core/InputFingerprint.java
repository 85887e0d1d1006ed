package nl.kamervragen.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import nl.kamervragen.table.Column;
import nl.kamervragen.table.CsvCells;
import nl.kamervragen.table.Tables;
import org.apache.avro.generic.GenericRecord;

/**
 * What the manifest says of the input: its entries, the bytes read, and a SHA-256 over the {@code
 * input_files} rows in the table's order, a line per entry of its name, size and content hash as
 * the CSV file shows them (and the kind and link target of an entry that is not a plain file). The
 * same archive gives the same fingerprint wherever it is mounted; any added, removed or changed entry
 * changes it.
 *
 * <p>It is made where {@code input_files} is written, from the rows written ({@link Builder}), and
 * kept beside the staged tables in {@link #FILE_NAME} until the manifest records it: reading a
 * million-row CSV file back for it took the client seconds after every run.
 *
 * @param files the entries listed
 * @param bytes the bytes of the files read, as stored
 * @param sha256 the fingerprint, hexadecimal
 */
public record InputFingerprint(long files, long bytes, String sha256) {

  /** The file beside the staged tables that holds it; not published (the manifest holds it). */
  public static final String FILE_NAME = ".input-fingerprint";

  private static final List<Column> LINE = List.of(column("source_file"), column("bytes"), column("sha256"));
  private static final List<Column> NOT_A_FILE = List.of(column("kind"), column("link_target"));

  /** Reads one written by {@link #writeTo}. */
  public static InputFingerprint readFrom(InputStream in) throws IOException {
    Properties properties = new Properties();
    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    String files = properties.getProperty("files");
    String bytes = properties.getProperty("bytes");
    String sha256 = properties.getProperty("sha256");
    if (files == null || bytes == null || sha256 == null) {
      throw new IOException("the input fingerprint " + FILE_NAME + " is incomplete: " + properties.keySet());
    }
    return new InputFingerprint(Long.parseLong(files), Long.parseLong(bytes), sha256);
  }

  public void writeTo(OutputStream out) throws IOException {
    Properties properties = new Properties();
    properties.setProperty("files", Long.toString(files));
    properties.setProperty("bytes", Long.toString(bytes));
    properties.setProperty("sha256", sha256);
    properties.store(new OutputStreamWriter(out, StandardCharsets.UTF_8), null);
  }

  /** Makes a fingerprint from the {@code input_files} rows, given in the table's order. Not thread-safe. */
  public static final class Builder {
    private final MessageDigest digest;
    private final StringBuilder line = new StringBuilder();
    private long files;
    private long bytes;

    public Builder() {
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java runtime has SHA-256", e);
      }
    }

    /** Adds the next row of {@code input_files}, a record of its Avro schema. */
    public void add(GenericRecord row) {
      files++;
      Object size = row.get("bytes");
      bytes += size == null ? 0 : ((Number) size).longValue();
      line.setLength(0);
      append(row, LINE);
      if (!"file".equals(String.valueOf(row.get("kind")))) {
        append(row, NOT_A_FILE);
      }
      line.setCharAt(line.length() - 1, '\n');
      digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void append(GenericRecord row, List<Column> columns) {
      for (Column column : columns) {
        line.append(CsvCells.cell(column, row.get(column.name()))).append('\t');
      }
    }

    public InputFingerprint build() {
      return new InputFingerprint(files, bytes, HexFormat.of().formatHex(digest.digest()));
    }
  }

  private static Column column(String name) {
    return Tables.INPUT_FILES.columns().stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("input_files has no column " + name));
  }
}
