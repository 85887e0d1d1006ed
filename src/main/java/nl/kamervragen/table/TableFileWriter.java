package nl.kamervragen.table;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes one table's rows, already in table order, as CSV (Commons CSV) and Parquet (parquet-avro
 * through ParquetIO's sink) at the same time. Used by the pipeline's writer and by the benchmark's
 * floor, so both produce the same files.
 *
 * <p>The CSV file is written on the calling thread and the Parquet file on a thread of its own, fed
 * batches of records: the two take about as long as each other, and a large table written while
 * the other cores have nothing left to do (the last table of a run) then takes half as long. Records
 * must not be changed once written.
 */
public final class TableFileWriter implements Closeable {

  private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

  /** Records handed to the Parquet thread at a time, and batches waiting for it at most. */
  private static final int BATCH = 512;
  private static final int BATCHES_WAITING = 8;

  private final TableDefinition table;
  private final CSVPrinter csv;
  private final ParquetWriterThread parquet;
  private List<GenericRecord> batch = new ArrayList<>(BATCH);
  private long rows;

  public TableFileWriter(TableDefinition table, WritableByteChannel csvChannel, WritableByteChannel parquetChannel)
      throws IOException {
    this.table = table;
    ParquetIO.Sink sink = ParquetIO.sink(table.avroSchema());
    sink.open(parquetChannel);
    this.parquet = new ParquetWriterThread(table.name(), sink);
    this.csv = new CSVPrinter(
        new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(csvChannel), StandardCharsets.UTF_8), 1 << 16),
        CSV.builder().setHeader(CsvCells.header(table)).get());
  }

  public void write(GenericRecord record) throws IOException {
    csv.printRecord(CsvCells.of(table, record));
    batch.add(record);
    if (batch.size() == BATCH) {
      parquet.hand(batch);
      batch = new ArrayList<>(BATCH);
    }
    rows++;
  }

  public long rows() {
    return rows;
  }

  /** Finishes both files; the Parquet file is complete when this returns. */
  @Override
  public void close() throws IOException {
    try {
      csv.close();
    } finally {
      parquet.finish(batch);
    }
  }

  /** Writes the Parquet file from the batches it is handed, in order, on a thread of its own. */
  private static final class ParquetWriterThread implements Runnable {
    /** Handed after the last batch. */
    private static final List<GenericRecord> END = List.of();

    private final ParquetIO.Sink sink;
    private final BlockingQueue<List<GenericRecord>> batches = new ArrayBlockingQueue<>(BATCHES_WAITING);
    private final Thread thread;
    private volatile Throwable failure;

    ParquetWriterThread(String table, ParquetIO.Sink sink) {
      this.sink = sink;
      this.thread = new Thread(this, "parquet-" + table);
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void run() {
      try {
        for (List<GenericRecord> next = batches.take(); next != END; next = batches.take()) {
          for (GenericRecord record : next) {
            sink.write(record);
          }
        }
        sink.flush();
      } catch (Throwable e) {
        failure = e;
        // Whoever waits to hand a batch must not wait for ever.
        batches.clear();
      }
    }

    void hand(List<GenericRecord> batch) throws IOException {
      failIfFailed();
      try {
        // Waits while the thread is behind; a failed thread no longer takes, so check again.
        while (!batches.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
          failIfFailed();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while writing a Parquet file");
      }
    }

    /** Hands the last records, waits until the file is complete, and reports the thread's failure. */
    void finish(List<GenericRecord> last) throws IOException {
      if (!last.isEmpty()) {
        hand(last);
      }
      hand(END);
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while finishing a Parquet file");
      }
      failIfFailed();
    }

    private void failIfFailed() throws IOException {
      Throwable failed = failure;
      if (failed instanceof IOException io) {
        throw new IOException("writing the Parquet file failed: " + io.getMessage(), io);
      }
      if (failed instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failed instanceof Error error) {
        throw error;
      }
    }
  }
}
