package nl.kamervragen.pipeline;

import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MetadataCoderV2;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Lists the files of a pattern and spreads them over a fixed number of buckets for reading.
 *
 * <p>Beam's {@code FileIO.match()} reshuffles with one random key per file. The DirectRunner runs
 * every later step once per key, which made 20,000 files take over ten minutes; a fixed number of
 * buckets keeps the parallelism other runners need without that cost.
 */
public final class MatchFiles extends PTransform<PBegin, PCollection<MatchResult.Metadata>> {

  static final int BUCKETS = 64;

  private final String pattern;

  MatchFiles(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public PCollection<MatchResult.Metadata> expand(PBegin input) {
    return input
        .apply("Pattern", Create.of(pattern))
        .apply("List files", ParDo.of(new ListFilesFn()))
        .setCoder(MetadataCoderV2.of())
        .apply("Spread files", Reshuffle.<MatchResult.Metadata>viaRandomKey().withNumBuckets(BUCKETS));
  }

  /** The files (not folders) a pattern matches now; empty when it matches nothing. */
  public static List<MatchResult.Metadata> list(String pattern) throws IOException {
    MatchResult match = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW);
    if (match.status() != MatchResult.Status.OK) {
      return List.of();
    }
    return match.metadata().stream().filter(file -> !file.resourceId().isDirectory()).toList();
  }

  static final class ListFilesFn extends DoFn<String, MatchResult.Metadata> {
    @ProcessElement
    public void process(@Element String pattern, OutputReceiver<MatchResult.Metadata> out) throws IOException {
      list(pattern).forEach(out::output);
    }
  }
}
