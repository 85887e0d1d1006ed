package nl.kamervragen.table;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes one table's rows, already in table order, as CSV (Commons CSV) and Parquet (parquet-avro
 * through ParquetIO's sink) at the same time. Used by the pipeline's writer and by the benchmark's
 * floor, so both produce the same files.
 */
public final class TableFileWriter implements Closeable {

  private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

  private final TableDefinition table;
  private final CSVPrinter csv;
  private final ParquetIO.Sink parquet;
  private long rows;

  public TableFileWriter(TableDefinition table, WritableByteChannel csvChannel, WritableByteChannel parquetChannel)
      throws IOException {
    this.table = table;
    this.parquet = ParquetIO.sink(table.avroSchema());
    parquet.open(parquetChannel);
    this.csv = new CSVPrinter(
        new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(csvChannel), StandardCharsets.UTF_8), 1 << 16),
        CSV.builder().setHeader(CsvCells.header(table)).get());
  }

  public void write(GenericRecord record) throws IOException {
    csv.printRecord(CsvCells.of(table, record));
    parquet.write(record);
    rows++;
  }

  public long rows() {
    return rows;
  }

  @Override
  public void close() throws IOException {
    try {
      csv.close();
    } finally {
      parquet.flush();
    }
  }
}
