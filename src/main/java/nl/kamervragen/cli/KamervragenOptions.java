package nl.kamervragen.cli;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Command-line options of kamervragen, on top of Beam's own (such as {@code --runner}). */
public interface KamervragenOptions extends PipelineOptions {

  @Description(
      "Kamervraag documents to read: a file, a folder (read recursively) or a glob such as "
          + "'archive/**/*.txt', or the objects under s3://bucket/prefix (or a glob after it; see "
          + "--endpoint, --awsRegion, --awsCredentialsProvider). Files ending in .gz are decompressed.")
  @Default.String("seeds")
  @Validation.Required
  String getInput();

  void setInput(String value);

  @Description(
      "Follow symbolic links under the input folder that lead to files inside it (each file is still read once). "
          + "Off: every link is listed and rejected unread. A link that leads outside the input folder is never followed.")
  @Default.Boolean(false)
  boolean getFollowLinks();

  void setFollowLinks(boolean value);

  @Description(
      "Folder the tables are published to, as <table>.csv and <table>.parquet, all at once when the run succeeds: "
          + "a local folder (on a cluster: one every TaskManager sees at the same path), or s3://bucket/prefix, "
          + "where each run gets runs/<run id>/ and current.json names the published one.")
  @Default.String("output/tables")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description(
      "Date, as YYYY-MM-DD, against which open questions are counted as open and overdue. "
          + "Empty means today (in UTC). Pin it to make reruns give identical tables.")
  @Default.String("")
  String getReferenceDate();

  void setReferenceDate(String value);

  @Description("Files larger than this many bytes (after decompression) are rejected without being read whole.")
  @Default.Long(4L * 1024 * 1024)
  long getMaxFileBytes();

  void setMaxFileBytes(long value);

  @Description(
      "A file mapping ministry names to families (lines 'family | name | name'), instead of the mapping shipped "
          + "with kamervragen (docs/statistics.md, \"Ministry families\"). Empty means the shipped one.")
  @Default.String("")
  String getMinistryFamilies();

  void setMinistryFamilies(String value);

  @Description(
      "Largest share (0-1) of input files that may be rejected; above it the run fails and publishes nothing.")
  @Default.Double(0.05)
  double getMaxRejectedShare();

  void setMaxRejectedShare(double value);

  @Description(
      "Optional symbolic link to point at the output folder once it is published, replaced in one step: "
          + "dashboards read the link while dated runs go to dated folders.")
  @Default.String("")
  String getPublishLink();

  void setPublishLink(String value);

  @Description(
      "With --output on object storage: how many published runs to keep under runs/ (the current one included); "
          + "older ones are deleted once current.json names the new run.")
  @Default.Integer(7)
  int getKeepRuns();

  void setKeepRuns(int value);

  @Description(
      "Keep the staging folder of a run that is not published (for debugging). Off: a failed run removes it, "
          + "so that it cannot fill the disk.")
  @Default.Boolean(false)
  boolean getKeepFailedStaging();

  void setKeepFailedStaging(boolean value);

  @Description(
      "Optional line shown under the title of report.html, e.g. 'Synthetische gegevens' or the name of the archive.")
  @Default.String("")
  String getReportNote();

  void setReportNote(String value);
}
