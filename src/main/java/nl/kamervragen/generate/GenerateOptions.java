package nl.kamervragen.generate;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options of {@code bin/kamervragen generate}. */
public interface GenerateOptions extends PipelineOptions {

  @Description("Number of synthetic documents to write.")
  @Default.Integer(1000)
  int getDocuments();

  void setDocuments(int value);

  @Description("Seed: the same seed and count give the same files, byte for byte.")
  @Default.Long(1)
  long getSeed();

  void setSeed(long value);

  @Description("Folder to write the archive into, one sub-folder per year.")
  @Default.String("output/synthetic")
  String getOut();

  void setOut(String value);

  @Description("Write into an --out folder that already holds files, replacing those with the same names. "
      + "Off: a folder that is not empty is refused, so that an archive is never overwritten by mistake.")
  @Default.Boolean(false)
  boolean getOverwrite();

  void setOverwrite(boolean value);

  @Description("Write each document gzipped (.txt.gz).")
  @Default.Boolean(false)
  boolean getGzip();

  void setGzip(boolean value);
}
