package nl.kamervragen.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import nl.kamervragen.pipeline.RunConfig;

/** Validates the options and turns them into a {@link RunConfig}. */
final class CliConfig {

  private CliConfig() {}

  /** A problem with the options, reported as a usage error. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  static RunConfig from(KamervragenOptions options, Clock clock) throws UsageException {
    Input input = resolveInput(options.getInput());
    String output = options.getOutput().strip();
    if (output.isEmpty()) {
      throw new UsageException("--output must name a folder");
    }
    if (!isLocal(output)) {
      throw new UsageException("--output must be a local folder (on a cluster: one every TaskManager sees at the same path)");
    }
    Path outputPath = Path.of(output).toAbsolutePath().normalize();
    if (Files.exists(outputPath) && !Files.isDirectory(outputPath)) {
      throw new UsageException("--output '" + output + "' is a file, not a folder");
    }
    if (outputPath.getParent() == null) {
      throw new UsageException("--output cannot be the root folder");
    }
    output = outputPath.toString();
    if (!(options.getMaxRejectedShare() >= 0 && options.getMaxRejectedShare() <= 1)) {
      throw new UsageException("--maxRejectedShare must be between 0 and 1, got " + options.getMaxRejectedShare());
    }
    if (options.getMaxFileBytes() <= 0) {
      throw new UsageException("--maxFileBytes must be a positive number of bytes, got " + options.getMaxFileBytes());
    }
    return new RunConfig(input.pattern(), input.root(), output, referenceDate(options.getReferenceDate(), clock), options.getMaxFileBytes());
  }

  private record Input(String pattern, String root) {}

  private static Input resolveInput(String value) throws UsageException {
    String input = value.strip();
    if (input.isEmpty()) {
      throw new UsageException("--input must name a file, a folder or a glob");
    }
    int wildcard = firstWildcard(input);
    if (!isLocal(input)) {
      String fixed = wildcard < 0 ? input : input.substring(0, wildcard);
      return new Input(input, fixed.substring(0, fixed.lastIndexOf('/') + 1));
    }
    if (wildcard < 0) {
      Path path = Path.of(input).toAbsolutePath().normalize();
      if (Files.isDirectory(path)) {
        return new Input(path + "/**", path.toString());
      }
      if (Files.exists(path)) {
        return new Input(path.toString(), path.getParent().toString());
      }
      throw new UsageException("--input '" + input + "' does not exist");
    }
    // A glob: names are shown relative to the folder before its first wildcard.
    String fixed = input.substring(0, wildcard);
    String folder = fixed.contains("/") ? fixed.substring(0, fixed.lastIndexOf('/') + 1) : "";
    Path root = Path.of(folder.isEmpty() ? "." : folder).toAbsolutePath().normalize();
    return new Input(root + "/" + input.substring(folder.length()), root.toString());
  }

  private static int firstWildcard(String input) {
    for (int i = 0; i < input.length(); i++) {
      if ("*?[{".indexOf(input.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isLocal(String path) {
    return !path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
  }

  private static LocalDate referenceDate(String value, Clock clock) throws UsageException {
    if (value == null || value.isBlank()) {
      return LocalDate.now(clock);
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new UsageException("--referenceDate must be a date as YYYY-MM-DD, got '" + value + "'");
    }
  }
}
