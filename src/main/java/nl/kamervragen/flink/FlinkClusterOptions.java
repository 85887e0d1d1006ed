package nl.kamervragen.flink;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options of {@code bin/flink-cluster}. */
public interface FlinkClusterOptions extends PipelineOptions {

  @Description("Folder with flink-conf.yaml.")
  @Default.String("conf")
  String getConfigDir();

  void setConfigDir(String value);

  @Description("Folder for the cluster's logs, temporary files and process ids.")
  @Default.String(".flink-cluster")
  String getWorkDir();

  void setWorkDir(String value);

  @Description("The runnable jar of kamervragen, used as the cluster's classpath.")
  @Default.String("target/kamervragen.jar")
  String getJar();

  void setJar(String value);

  @Description("Port of the REST API: submit jobs with --flinkMaster=127.0.0.1:<restPort>.")
  @Default.Integer(8081)
  int getRestPort();

  void setRestPort(int value);

  @Description("Port of the JobManager's RPC endpoint.")
  @Default.Integer(6123)
  int getRpcPort();

  void setRpcPort(int value);

  @Description("Port of the blob server, which receives job jars.")
  @Default.Integer(6124)
  int getBlobPort();

  void setBlobPort(int value);

  @Description("Number of TaskManager processes to start (each has the slots set in flink-conf.yaml).")
  @Default.Integer(1)
  int getTaskManagers();

  void setTaskManagers(int value);

  @Description("Seconds to wait for the TaskManagers to register.")
  @Default.Integer(120)
  int getStartTimeoutSeconds();

  void setStartTimeoutSeconds(int value);
}
