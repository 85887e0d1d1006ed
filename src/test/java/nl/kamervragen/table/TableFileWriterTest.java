package nl.kamervragen.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.kamervragen.testing.TableFiles;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV and Parquet written side by side: the same rows in both, in order, and a failure of either reported. */
class TableFileWriterTest {

  @TempDir Path folder;

  private static List<Row> summaryRows(int count) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(Tables.SUMMARY.rowOf("metric", String.format("m%05d", i), "value", (long) i * 7, "description", "measure " + i));
    }
    return rows;
  }

  private WritableByteChannel create(String name) throws IOException {
    return Files.newByteChannel(folder.resolve(name), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  @Test
  void bothFilesHoldEveryRowInOrderAcrossManyBatches() throws IOException {
    List<Row> rows = summaryRows(5_000); // several of the file threads' batches, and a part batch
    try (TableFileWriter writer = new TableFileWriter(Tables.SUMMARY, create("summary.csv"), create("summary.parquet"))) {
      for (Row row : rows) {
        writer.write(Tables.SUMMARY.toAvro(row));
      }
      assertEquals(5_000, writer.rows());
    }
    assertEquals(rows, TableFiles.parquet(folder, Tables.SUMMARY));
    TableFiles.Csv csv = TableFiles.csv(folder, Tables.SUMMARY);
    assertEquals(List.of("metric", "value", "description"), csv.header());
    assertEquals(5_000, csv.records().size());
    assertEquals("m04999", csv.records().get(4_999).get("metric"));
    assertEquals("34993", csv.records().get(4_999).get("value"));
  }

  @Test
  void aTableWithoutRowsHasItsHeaderAndAnEmptyParquetFile() throws IOException {
    try (TableFileWriter writer = new TableFileWriter(Tables.SUMMARY, create("summary.csv"), create("summary.parquet"))) {
      assertEquals(0, writer.rows());
    }
    assertEquals("metric,value,description\n", Files.readString(folder.resolve("summary.csv")));
    assertTrue(TableFiles.parquet(folder, Tables.SUMMARY).isEmpty());
  }

  /** A channel that takes a file's first bytes (written when it is opened) and then finds the disk full. */
  private static WritableByteChannel fullAfterTheFirstWrite() {
    return new WritableByteChannel() {
      private boolean open = true;
      private long taken;

      @Override
      public int write(ByteBuffer bytes) throws IOException {
        if (taken > 0) {
          throw new IOException("No space left on device");
        }
        taken += bytes.remaining();
        int length = bytes.remaining();
        bytes.position(bytes.limit());
        return length;
      }

      @Override
      public boolean isOpen() {
        return open;
      }

      @Override
      public void close() {
        open = false;
      }
    };
  }

  private static IOException writingFails(WritableByteChannel csv, WritableByteChannel parquet) {
    return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(IOException.class, () -> {
      try (TableFileWriter writer = new TableFileWriter(Tables.SUMMARY, csv, parquet)) {
        for (Row row : summaryRows(200_000)) {
          GenericRecord record = Tables.SUMMARY.toAvro(row);
          writer.write(record);
        }
      }
    }));
  }

  @Test
  void aParquetFileThatCannotBeWrittenFailsTheTableInsteadOfHanging() throws IOException {
    IOException failed = writingFails(create("summary.csv"), fullAfterTheFirstWrite());
    assertTrue(failed.getMessage().contains("Parquet") && failed.getMessage().contains("No space left on device"), failed.getMessage());
  }

  @Test
  void aCsvFileThatCannotBeWrittenFailsTheTableInsteadOfHanging() throws IOException {
    IOException failed = writingFails(fullAfterTheFirstWrite(), create("summary.parquet"));
    assertTrue(failed.getMessage().contains("CSV") && failed.getMessage().contains("No space left on device"), failed.getMessage());
  }
}
