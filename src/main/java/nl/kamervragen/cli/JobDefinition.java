package nl.kamervragen.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import nl.kamervragen.options.CommandLine;

/**
 * A named job definition from {@code pipelines/}: a properties file of options ({@code
 * runner=FlinkRunner}, {@code input=seeds}, ...). Options given on the command line win over the
 * file's.
 */
final class JobDefinition {

  private JobDefinition() {}

  /**
   * The arguments of a {@code run FILE [--option=value ...]} call, as Beam-style options.
   *
   * @throws CommandLine.UsageError when the file cannot be read
   */
  static String[] arguments(Path file, List<String> overrides) throws CommandLine.UsageError {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new CommandLine.UsageError("cannot read job definition '" + file + "': no such file");
    } catch (IOException e) {
      throw new CommandLine.UsageError("cannot read job definition '" + file + "': "
          + (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName()));
    }
    Map<String, String> options = new TreeMap<>();
    properties.stringPropertyNames().forEach(name -> options.put(name.strip(), properties.getProperty(name).strip()));
    Map<String, String> merged = new LinkedHashMap<>(options);
    List<String> flags = new ArrayList<>();
    for (String override : overrides) {
      if (!override.startsWith("--")) {
        throw new CommandLine.UsageError("expected --option=value after the job definition, got '" + override + "'");
      }
      int equals = override.indexOf('=');
      if (equals < 0) {
        flags.add(override);
      } else {
        merged.put(override.substring(2, equals), override.substring(equals + 1));
      }
    }
    List<String> args = new ArrayList<>();
    merged.forEach((name, value) -> args.add("--" + name + "=" + value));
    args.addAll(flags);
    return args.toArray(String[]::new);
  }
}
