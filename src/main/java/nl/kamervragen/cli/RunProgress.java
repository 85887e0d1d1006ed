package nl.kamervragen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamervragen.flink.FlinkRest;
import nl.kamervragen.pipeline.PipelineMetrics;
import nl.kamervragen.table.Tables;

/**
 * Tells the user, while a run goes on, which stages are running: from the runner's metrics on the
 * DirectRunner, from Flink's REST API on Flink (embedded or on a cluster).
 */
final class RunProgress {

  /** A top-level step name inside a Flink task name, e.g. "... at Write tables/Group topics". */
  private static final Pattern STEP = Pattern.compile("at ([A-Z][A-Za-z ]+)/");

  private RunProgress() {}

  /** One line about the stages' counters, for runners whose metrics can be read while running. */
  static String fromCounters(Map<String, Long> counters, long files) {
    long tablesWritten =
        Tables.ALL.stream()
            .filter(t -> counters.containsKey(PipelineMetrics.ROWS_WRITTEN_PREFIX + t.name()))
            .count();
    return String.format(
        "kamervragen: progress: Read documents %d of %d file(s) (%d parsed, %d rejected); Remove duplicates %d kept; Write tables %d of %d",
        counters.getOrDefault(PipelineMetrics.FILES_READ, 0L),
        files,
        counters.getOrDefault(PipelineMetrics.DOCUMENTS_PARSED, 0L),
        counters.getOrDefault(PipelineMetrics.FILES_REJECTED, 0L),
        counters.getOrDefault(PipelineMetrics.DOCUMENTS_KEPT, 0L),
        tablesWritten,
        Tables.ALL.size());
  }

  /** The top-level steps named in one Flink task (vertex) name. */
  static Set<String> stepsOf(String vertexName) {
    Set<String> steps = new TreeSet<>();
    Matcher m = STEP.matcher(vertexName);
    while (m.find()) {
      steps.add(m.group(1).strip());
    }
    return steps;
  }

  /**
   * Polls a Flink REST API in the background and prints the stages of the running job whenever
   * they change. Never fails the run: an unreachable API just shows nothing.
   */
  static final class FlinkWatcher implements AutoCloseable {
    private final Thread thread;
    private volatile boolean stopped;

    FlinkWatcher(String restAddress, PrintStream out) {
      thread = new Thread(() -> watch(restAddress, out), "kamervragen-progress");
      thread.setDaemon(true);
      thread.start();
    }

    private void watch(String restAddress, PrintStream out) {
      FlinkRest rest = new FlinkRest(restAddress, Duration.ofSeconds(2));
      String last = "";
      while (!stopped) {
        try {
          Thread.sleep(2000);
          JsonNode jobs = rest.get("/jobs/overview").path("jobs");
          for (JsonNode job : jobs) {
            if (!job.path("state").asText().equals("RUNNING")) {
              continue;
            }
            JsonNode details = rest.get("/jobs/" + job.path("jid").asText());
            Set<String> running = new TreeSet<>();
            int finished = 0;
            int total = 0;
            for (JsonNode vertex : details.path("vertices")) {
              total++;
              String status = vertex.path("status").asText();
              if (status.equals("RUNNING")) {
                running.addAll(stepsOf(vertex.path("name").asText()));
              } else if (status.equals("FINISHED")) {
                finished++;
              }
            }
            String line = "kamervragen: progress: running " + (running.isEmpty() ? "(scheduling)" : String.join(", ", running))
                + " (" + finished + " of " + total + " Flink tasks finished)";
            if (!line.equals(last)) {
              out.println(line);
              last = line;
            }
          }
        } catch (InterruptedException e) {
          return;
        } catch (Exception unreachable) {
          // Progress is a courtesy: the run's own outcome is reported elsewhere.
        }
      }
    }

    @Override
    public void close() {
      stopped = true;
      thread.interrupt();
    }
  }
}
