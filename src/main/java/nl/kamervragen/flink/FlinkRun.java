package nl.kamervragen.flink;

import java.io.IOException;
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

  /** Whether the job runs on a cluster of its own, which would go on running without this process. */
  public static boolean onCluster(FlinkPipelineOptions flink) {
    return !flink.getFlinkMaster().startsWith("[");
  }
}
