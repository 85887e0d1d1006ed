package nl.kamervragen.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import nl.kamervragen.input.InputException;
import nl.kamervragen.input.InputSelection;
import nl.kamervragen.ministry.MinistryFamilies;
import nl.kamervragen.options.CommandLine;
import nl.kamervragen.storage.StoredFolder;

/** Validates the options and turns them into a {@link JobConfig}. */
final class CliConfig {

  private CliConfig() {}

  static JobConfig from(KamervragenOptions options, Clock clock) throws CommandLine.UsageError {
    InputSelection input;
    try {
      input = InputSelection.of(options.getInput(), options.getFollowLinks());
    } catch (InputException e) {
      throw new CommandLine.UsageError(e.getMessage());
    }
    StoredFolder output = output(options.getOutput().strip(), input, options.getInput().strip());
    if (!(options.getMaxRejectedShare() >= 0 && options.getMaxRejectedShare() <= 1)) {
      throw new CommandLine.UsageError("--maxRejectedShare must be between 0 and 1, got " + options.getMaxRejectedShare());
    }
    if (options.getMaxFileBytes() <= 0) {
      throw new CommandLine.UsageError("--maxFileBytes must be a positive number of bytes, got " + options.getMaxFileBytes());
    }
    if (options.getKeepRuns() < 1) {
      throw new CommandLine.UsageError("--keepRuns must be at least 1, got " + options.getKeepRuns());
    }
    String link = options.getPublishLink().strip();
    if (!link.isEmpty() && !output.isLocal()) {
      throw new CommandLine.UsageError("--publishLink needs a local --output; on object storage, readers follow " + output + "/current.json");
    }
    return new JobConfig(input, output, referenceDate(options.getReferenceDate(), clock), options.getMaxFileBytes(),
        ministryFamilies(options.getMinistryFamilies()), options.getMaxRejectedShare(), options.getKeepFailedStaging(),
        link.isEmpty() ? null : Path.of(link), options.getKeepRuns(), options.getReportNote());
  }

  /** A local folder outside the input, or {@code s3://bucket/prefix}. */
  private static StoredFolder output(String output, InputSelection input, String inputOption) throws CommandLine.UsageError {
    if (output.isEmpty()) {
      throw new CommandLine.UsageError("--output must name a folder");
    }
    if (StoredFolder.hasScheme(output)) {
      java.net.URI uri;
      try {
        uri = java.net.URI.create(output);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.UsageError("--output '" + output + "' is not a valid URI: " + e.getMessage());
      }
      if (!"s3".equals(uri.getScheme())) {
        throw new CommandLine.UsageError("--output must be a local folder or s3://bucket/prefix, got '" + output + "'");
      }
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        throw new CommandLine.UsageError("--output '" + output + "' names no bucket");
      }
      String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
      String folder = "s3://" + uri.getHost() + (path.isEmpty() ? "" : "/" + path);
      if (input.isObjectStore() && overlaps(folder + "/", input.objectRoot())) {
        throw new CommandLine.UsageError("--output '" + output + "' and --input '" + inputOption + "' overlap: the tables must not land in the archive");
      }
      return StoredFolder.at(folder);
    }
    Path outputPath = Path.of(output).toAbsolutePath().normalize();
    if (Files.exists(outputPath) && !Files.isDirectory(outputPath)) {
      throw new CommandLine.UsageError("--output '" + output + "' is a file, not a folder");
    }
    if (outputPath.getParent() == null) {
      throw new CommandLine.UsageError("--output cannot be the root folder");
    }
    if (!input.isObjectStore() && (outputPath.startsWith(input.root()) || input.root().startsWith(outputPath))) {
      throw new CommandLine.UsageError("--output '" + output + "' and --input '" + inputOption + "' overlap: the tables must not land in the archive");
    }
    return StoredFolder.local(outputPath);
  }

  private static boolean overlaps(String a, String b) {
    return a.startsWith(b) || b.startsWith(a);
  }

  private static MinistryFamilies ministryFamilies(String file) throws CommandLine.UsageError {
    if (file == null || file.isBlank()) {
      return MinistryFamilies.standard();
    }
    try {
      return MinistryFamilies.fromFile(Path.of(file.strip()));
    } catch (NoSuchFileException e) {
      throw new CommandLine.UsageError("--ministryFamilies: no file '" + file.strip() + "'");
    } catch (IOException e) {
      throw new CommandLine.UsageError("--ministryFamilies: cannot read '" + file.strip() + "': " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.UsageError("--ministryFamilies: " + e.getMessage());
    }
  }

  private static LocalDate referenceDate(String value, Clock clock) throws CommandLine.UsageError {
    if (value == null || value.isBlank()) {
      return LocalDate.now(clock);
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new CommandLine.UsageError("--referenceDate must be a date as YYYY-MM-DD, got '" + value + "'");
    }
  }
}
