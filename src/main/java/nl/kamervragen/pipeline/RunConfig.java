package nl.kamervragen.pipeline;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The validated settings of one run, made once from the command-line options. Transforms take
 * the parts they need from it, never the options object.
 *
 * @param inputPattern file pattern of the input files (a folder becomes {@code folder/**})
 * @param inputRoot folder that source file names in the tables are relative to
 * @param output folder the tables are written to
 * @param referenceDate the date "open" and "overdue" are measured against
 * @param maxFileBytes files larger than this are rejected without being read whole
 */
public record RunConfig(
    String inputPattern, String inputRoot, String output, LocalDate referenceDate, long maxFileBytes)
    implements Serializable {

  public RunConfig {
    Objects.requireNonNull(inputPattern, "inputPattern");
    Objects.requireNonNull(inputRoot, "inputRoot");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(referenceDate, "referenceDate");
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("maxFileBytes must be positive, got " + maxFileBytes);
    }
  }

  /** The same run writing its tables to another folder. */
  public RunConfig withOutput(String folder) {
    return new RunConfig(inputPattern, inputRoot, folder, referenceDate, maxFileBytes);
  }

  /** A path's name relative to a root folder, or the path itself when it lies elsewhere. */
  static String relativeName(String root, String path) {
    String prefix = root.endsWith("/") ? root : root + "/";
    return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
  }
}
