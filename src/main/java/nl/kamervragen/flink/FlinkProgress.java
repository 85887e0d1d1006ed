package nl.kamervragen.flink;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tells the user, while a job runs on Flink (embedded or on a cluster), which of its stages are running. */
public final class FlinkProgress {

  /** A top-level step name inside a Flink task name, e.g. "... at Write tables/Group topics". */
  private static final Pattern STEP = Pattern.compile("at ([A-Z][A-Za-z ]+)/");

  private FlinkProgress() {}

  /** The top-level steps named in one Flink task (vertex) name. */
  public static Set<String> stepsOf(String vertexName) {
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
  public static final class FlinkWatcher implements AutoCloseable {
    private final Thread thread;
    private volatile boolean stopped;

    public FlinkWatcher(String restAddress, PrintStream out) {
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
