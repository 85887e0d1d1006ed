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
 * <p>Each file is written on a thread of its own, fed the same batches of records; the calling
 * thread only makes the records (reading and merging the staged rows). The largest table is often
 * the last one written, while the other cores have nothing left to do: it then takes as long as the
 * slower of its two files, not as long as making its records and writing one file and then the
 * other's share. Records must not be changed once written.
 */
public final class TableFileWriter implements Closeable {

  private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

  /** Records handed to the file threads at a time, and batches waiting for each at most. */
  private static final int BATCH = 512;
  private static final int BATCHES_WAITING = 8;

  private final FileThread csv;
  private final FileThread parquet;
  private List<GenericRecord> batch = new ArrayList<>(BATCH);
  private long rows;

  public TableFileWriter(TableDefinition table, WritableByteChannel csvChannel, WritableByteChannel parquetChannel)
      throws IOException {
    ParquetIO.Sink sink = ParquetIO.sink(table.avroSchema());
    sink.open(parquetChannel);
    CSVPrinter printer = new CSVPrinter(
        new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(csvChannel), StandardCharsets.UTF_8), 1 << 16),
        CSV.builder().setHeader(CsvCells.header(table)).get());
    this.parquet = new FileThread("Parquet", "parquet-" + table.name(), sink::write, sink::flush);
    this.csv = new FileThread("CSV", "csv-" + table.name(), record -> printer.printRecord(CsvCells.of(table, record)), printer::close);
  }

  public void write(GenericRecord record) throws IOException {
    batch.add(record);
    if (batch.size() == BATCH) {
      csv.hand(batch);
      parquet.hand(batch);
      batch = new ArrayList<>(BATCH);
    }
    rows++;
  }

  public long rows() {
    return rows;
  }

  /** Finishes both files; both are complete when this returns, or the first failure is thrown. */
  @Override
  public void close() throws IOException {
    try {
      csv.finish(batch);
    } catch (IOException | RuntimeException | Error csvFailed) {
      try {
        parquet.finish(batch);
      } catch (IOException | RuntimeException | Error parquetFailed) {
        csvFailed.addSuppressed(parquetFailed);
      }
      throw csvFailed;
    }
    parquet.finish(batch);
  }

  /** Where a file thread puts each record. */
  private interface RecordSink {
    void write(GenericRecord record) throws IOException;
  }

  /** Writes one file from the batches it is handed, in order, on a thread of its own. */
  private static final class FileThread implements Runnable {
    /** Handed after the last batch. */
    private static final List<GenericRecord> END = List.of();

    private final String format;
    private final RecordSink sink;
    /** Completes the file (flushes and closes it) after the last record. */
    private final Closeable completion;
    private final BlockingQueue<List<GenericRecord>> batches = new ArrayBlockingQueue<>(BATCHES_WAITING);
    private final Thread thread;
    private volatile Throwable failure;

    FileThread(String format, String name, RecordSink sink, Closeable completion) {
      this.format = format;
      this.sink = sink;
      this.completion = completion;
      this.thread = new Thread(this, name);
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
        completion.close();
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
        throw new InterruptedIOException("interrupted while writing a " + format + " file");
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
        throw new InterruptedIOException("interrupted while finishing a " + format + " file");
      }
      failIfFailed();
    }

    private void failIfFailed() throws IOException {
      Throwable failed = failure;
      if (failed instanceof IOException io) {
        throw new IOException("writing the " + format + " file failed: " + io.getMessage(), io);
      }
      if (failed instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failed instanceof Error error) {
        throw error;
      }
      if (failed != null) {
        throw new IOException("writing the " + format + " file failed", failed);
      }
    }
  }
}
