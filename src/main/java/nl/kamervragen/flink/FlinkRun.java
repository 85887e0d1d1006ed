package nl.kamervragen.flink;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.flink.FlinkPipelineOptions;

/** How a run on Flink is set up and watched: embedded (in this process) or on a cluster. */
public final class FlinkRun {

  private static final String AUTO = "[auto]";
  private static final String LOCAL = "[local]";

  private FlinkRun() {}

  /**
   * Gives embedded Flink (the default {@code [auto]} master) a REST API on a known loopback port, so
   * that the run can show its progress; a cluster master is left as given.
   */
  public static void prepare(FlinkPipelineOptions flink) throws IOException {
    if (AUTO.equals(flink.getFlinkMaster()) && flink.getFlinkConfDir() == null) {
      flink.setFlinkConfDir(EmbeddedFlink.configDir().toString());
      flink.setFlinkMaster(LOCAL);
    }
  }

  /** The {@code host:port} of the REST API of the Flink the job runs on, embedded or not; null when unknown. */
  public static String restAddress(FlinkPipelineOptions flink) {
    String master = flink.getFlinkMaster();
    String rest = LOCAL.equals(master) ? EmbeddedFlink.restAddress(flink.getFlinkConfDir()) : master.replaceFirst("^https?://", "");
    return rest == null || rest.startsWith("[") ? null : rest;
  }

  /**
   * Fails, with the reason in words, unless the cluster's REST API answers within the timeout:
   * Flink's own client would retry for a minute and print every attempt.
   */
  public static void checkReachable(FlinkPipelineOptions flink, Duration timeout) throws IOException {
    String address = restAddress(flink);
    FlinkRest rest = new FlinkRest(address, Duration.ofSeconds(3));
    Instant deadline = Instant.now().plus(timeout);
    String reason;
    while (true) {
      try {
        rest.get("/config");
        return;
      } catch (IOException e) {
        reason = reason(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        reason = "interrupted";
        break;
      }
      if (Instant.now().plus(Duration.ofSeconds(1)).isAfter(deadline)) {
        break;
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IOException("cannot reach the Flink cluster at " + address + " (" + reason + "); is it running? 'bin/flink-cluster status' tells");
  }

  private static String reason(IOException e) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable cause = e; cause != null && !chain.contains(cause); cause = cause.getCause()) {
      chain.add(cause);
    }
    if (chain.stream().anyMatch(c -> c instanceof java.nio.channels.UnresolvedAddressException || c instanceof java.net.UnknownHostException)) {
      return "unknown host";
    }
    if (chain.stream().anyMatch(c -> c instanceof java.net.http.HttpTimeoutException)) {
      return "no answer within the timeout";
    }
    if (chain.stream().anyMatch(c -> c instanceof java.net.ConnectException)) {
      return "connection refused";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Whether the job runs on a cluster of its own, which would go on running without this process. */
  public static boolean onCluster(FlinkPipelineOptions flink) {
    return !flink.getFlinkMaster().startsWith("[");
  }
}
