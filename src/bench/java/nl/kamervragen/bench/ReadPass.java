package nl.kamervragen.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import nl.kamervragen.model.ParseResult;
import nl.kamervragen.parse.DocumentBytes;
import nl.kamervragen.parse.DocumentParser;
import nl.kamervragen.parse.TopicVocabulary;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The benchmark's bare passes over an archive, on every core: {@code read} reads and decodes each
 * file (the most any job over these files must do), {@code parse} also parses it with the
 * pipeline's parser. Prints one line: files, bytes, seconds, files/s and MB/s.
 */
public final class ReadPass {

  private ReadPass() {}

  public static void main(String[] args) throws Exception {
    PipelineOptionsFactory.register(BenchOptions.class);
    try {
      run(PipelineOptionsFactory.fromArgs(args).as(BenchOptions.class));
    } catch (IllegalArgumentException e) {
      System.err.println("readpass: " + e.getMessage());
      System.exit(2);
    }
  }

  private static void run(BenchOptions options) throws Exception {
    boolean parse = switch (options.getMode()) {
      case "read" -> false;
      case "parse" -> true;
      default -> throw new IllegalArgumentException("--mode must be read or parse, not " + options.getMode());
    };
    InputFiles input = InputFiles.under(options.getInput());
    int threads = InputFiles.threads(options.getThreads());
    long started = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    AtomicLong parsed = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Future<?>[] workers = new Future<?>[threads];
      for (int t = 0; t < threads; t++) {
        workers[t] = pool.submit(() -> {
          DocumentParser parser = parse ? new DocumentParser(TopicVocabulary.standard()) : null;
          for (int i = next.getAndIncrement(); i < input.files().size(); i = next.getAndIncrement()) {
            Path file = input.files().get(i);
            byte[] content = read(file);
            bytes.addAndGet(content.length);
            String text = DocumentBytes.decode(content).text();
            if (parser != null && parser.parse(text) instanceof ParseResult.Parsed) {
              parsed.incrementAndGet();
            }
          }
          return null;
        });
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdown();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(java.util.Locale.ROOT,
        "readpass: mode=%s threads=%d files=%d parsed=%d bytes=%d seconds=%.3f files_per_s=%.1f mb_per_s=%.2f%n",
        options.getMode(), threads, input.files().size(), parsed.get(), bytes.get(), seconds,
        input.files().size() / seconds, bytes.get() / 1e6 / seconds);
  }

  private static byte[] read(Path file) {
    try (InputStream in = InputFiles.open(file)) {
      if (!InputFiles.compressed(file)) {
        return in.readAllBytes();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream((int) Files.size(file) * 4);
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
