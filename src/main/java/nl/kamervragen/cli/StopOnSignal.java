package nl.kamervragen.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.kamervragen.flink.FlinkRest;
import org.apache.beam.sdk.PipelineResult;

/**
 * While the job runs: when the process is stopped (SIGINT, SIGTERM), cancels the job, on the
 * DirectRunner through its result and on Flink through the cluster's REST API (a cluster job would
 * otherwise run on without its client), and removes the run's staging folder.
 */
final class StopOnSignal implements AutoCloseable {

  /** What to do once the job is cancelled: remove the staging folder. */
  @FunctionalInterface
  interface CleanUp {
    void run() throws Exception;
  }

  private static final Duration CANCEL_WAIT = Duration.ofSeconds(15);

  private final Thread hook;
  private volatile PipelineResult result;

  /**
   * @param flinkRest the REST address of the Flink cluster the job runs on; null when not on Flink
   * @param jobName the job's name on the cluster
   */
  StopOnSignal(PrintStream err, String flinkRest, String jobName, CleanUp cleanUp) {
    hook = new Thread(() -> stop(err, flinkRest, jobName, cleanUp), "kamervragen-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** The running job's result, once the runner gives one before the job ends. */
  void running(PipelineResult running) {
    this.result = running;
  }

  private void stop(PrintStream err, String flinkRest, String jobName, CleanUp cleanUp) {
    err.println("kamervragen: stopped by a signal: cancelling the job; nothing is published");
    PipelineResult running = result;
    if (running != null) {
      try {
        running.cancel();
        running.waitUntilFinish(org.joda.time.Duration.millis(CANCEL_WAIT.toMillis()));
      } catch (Exception alreadyEnded) {
        // Nothing left to cancel.
      }
    }
    if (flinkRest != null) {
      cancelOnCluster(err, new FlinkRest(flinkRest, Duration.ofSeconds(2)), jobName);
    }
    try {
      cleanUp.run();
    } catch (Exception e) {
      err.println("kamervragen: could not remove the staging folder (" + e.getMessage() + "); the next run removes it");
    }
  }

  private static void cancelOnCluster(PrintStream err, FlinkRest rest, String jobName) {
    try {
      List<String> jobs = rest.activeJobsNamed(jobName);
      for (String job : jobs) {
        rest.cancel(job);
      }
      Instant deadline = Instant.now().plus(CANCEL_WAIT);
      while (!jobs.isEmpty() && Instant.now().isBefore(deadline) && !rest.activeJobsNamed(jobName).isEmpty()) {
        Thread.sleep(200);
      }
      if (!jobs.isEmpty()) {
        err.println("kamervragen: cancelled Flink job " + String.join(", ", jobs));
      }
    } catch (Exception unreachable) {
      err.println("kamervragen: could not cancel the Flink job " + jobName + " (" + unreachable.getMessage() + ")");
    }
  }

  /** The job ended: a signal from now on needs no cancelling. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or has run.
    }
  }
}
