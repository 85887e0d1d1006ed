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
    String output = options.getOutput().strip();
    if (output.isEmpty()) {
      throw new CommandLine.UsageError("--output must name a folder");
    }
    if (output.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      throw new CommandLine.UsageError("--output must be a local folder (on a cluster: one every TaskManager sees at the same path)");
    }
    Path outputPath = Path.of(output).toAbsolutePath().normalize();
    if (Files.exists(outputPath) && !Files.isDirectory(outputPath)) {
      throw new CommandLine.UsageError("--output '" + output + "' is a file, not a folder");
    }
    if (outputPath.getParent() == null) {
      throw new CommandLine.UsageError("--output cannot be the root folder");
    }
    if (!input.isObjectStore() && (outputPath.startsWith(input.root()) || input.root().startsWith(outputPath))) {
      throw new CommandLine.UsageError("--output '" + output + "' and --input '" + options.getInput().strip() + "' overlap: the tables must not land in the archive");
    }
    if (!(options.getMaxRejectedShare() >= 0 && options.getMaxRejectedShare() <= 1)) {
      throw new CommandLine.UsageError("--maxRejectedShare must be between 0 and 1, got " + options.getMaxRejectedShare());
    }
    if (options.getMaxFileBytes() <= 0) {
      throw new CommandLine.UsageError("--maxFileBytes must be a positive number of bytes, got " + options.getMaxFileBytes());
    }
    String link = options.getPublishLink().strip();
    return new JobConfig(input, outputPath, referenceDate(options.getReferenceDate(), clock), options.getMaxFileBytes(),
        ministryFamilies(options.getMinistryFamilies()), options.getMaxRejectedShare(), options.getKeepFailedStaging(), link.isEmpty() ? null : Path.of(link), options.getReportNote());
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
