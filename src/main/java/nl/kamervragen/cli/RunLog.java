package nl.kamervragen.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * Where the details of a run go: Beam's, Flink's and kamervragen's own log messages, with every
 * stack trace, in one file per run, so that the console holds one line per event. The file is
 * {@code kamervragen-logs/<start time>-<pid>.log} in the system's temporary folder unless the JVM is
 * started with {@code -Dorg.slf4j.simpleLogger.logFile=FILE}; logs older than two weeks are removed.
 */
final class RunLog {

  /** slf4j-simple's setting for where it writes. */
  static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";

  private static final Duration KEPT = Duration.ofDays(14);

  private RunLog() {}

  /** Sends the logging of this JVM to a run's log file; call before anything logs. */
  static void start() {
    if (System.getProperty(LOG_FILE_PROPERTY) != null) {
      return;
    }
    Path folder = Path.of(System.getProperty("java.io.tmpdir"), "kamervragen-logs");
    try {
      Files.createDirectories(folder);
      removeOld(folder);
      String name = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now())
          + "-" + ProcessHandle.current().pid() + ".log";
      System.setProperty(LOG_FILE_PROPERTY, folder.resolve(name).toString());
      System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
      System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    } catch (IOException cannotWrite) {
      // Logging stays on standard error.
    }
  }

  /** Where the details are, for a message: " (details: FILE)", or nothing when they go to the console. */
  static String details() {
    String file = System.getProperty(LOG_FILE_PROPERTY);
    return file == null || file.equals("System.err") || file.equals("System.out") ? "" : " (details: " + file + ")";
  }

  private static void removeOld(Path folder) throws IOException {
    Instant cutoff = Instant.now().minus(KEPT);
    try (Stream<Path> logs = Files.list(folder)) {
      for (Path log : logs.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
        if (Files.getLastModifiedTime(log).toInstant().isBefore(cutoff)) {
          Files.deleteIfExists(log);
        }
      }
    }
  }
}
