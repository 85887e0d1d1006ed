package nl.kamervragen.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import nl.kamervragen.options.CommandLine;

/**
 * {@code bin/kamervragen generate --documents=N --seed=S --out=DIR [--gzip]}: writes a synthetic
 * archive in the real document format, for benchmarks and scale tests. Exit codes: 0 done, 1
 * failed, 2 usage error.
 */
public final class GenerateCommand {

  static final String USAGE = "usage: kamervragen generate [--documents=N] [--seed=S] [--out=DIR] [--gzip] [--overwrite]; generate --help";

  private GenerateCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    GenerateOptions options;
    Path folder;
    try {
      options = CommandLine.parse(args, GenerateOptions.class);
      if (options.getDocuments() < 1 || options.getDocuments() > SyntheticArchive.MAX_DOCUMENTS) {
        throw new CommandLine.UsageError("--documents must be between 1 and " + SyntheticArchive.MAX_DOCUMENTS);
      }
      folder = Path.of(options.getOut()).toAbsolutePath();
      if (!options.getOverwrite() && holdsFiles(folder)) {
        throw new CommandLine.UsageError("--out " + folder + " is not empty: nothing written (--overwrite=true writes into it anyway)");
      }
    } catch (CommandLine.UsageError e) {
      err.println("kamervragen generate: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    AtomicLong bytes = new AtomicLong();
    try {
      // Every document has its own random stream, so writing in parallel gives the same files.
      IntStream.range(0, options.getDocuments())
          .parallel()
          .forEach(i -> bytes.addAndGet(write(folder, SyntheticArchive.document(options.getSeed(), i), options.getGzip())));
    } catch (UncheckedIOException e) {
      err.println("kamervragen generate: cannot write to " + folder + ": " + e.getCause().getMessage());
      return 1;
    }
    out.printf("kamervragen generate: wrote %d SYNTHETIC documents (seed %d, %.1f MB) to %s; they are made up, not real questions%n",
        options.getDocuments(), options.getSeed(), bytes.get() / 1e6, folder);
    return 0;
  }

  private static boolean holdsFiles(Path folder) throws CommandLine.UsageError {
    if (!Files.exists(folder)) {
      return false;
    }
    if (!Files.isDirectory(folder)) {
      throw new CommandLine.UsageError("--out " + folder + " is a file, not a folder");
    }
    try (var entries = Files.list(folder)) {
      return entries.findAny().isPresent();
    } catch (IOException e) {
      throw new CommandLine.UsageError("--out " + folder + " cannot be read: " + e.getClass().getSimpleName());
    }
  }

  private static long write(Path folder, SyntheticArchive.Document document, boolean gzip) {
    Path file = folder.resolve(document.relativePath() + (gzip ? ".gz" : ""));
    byte[] bytes = document.text().getBytes(StandardCharsets.UTF_8);
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream stream = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
        stream.write(bytes);
      }
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
