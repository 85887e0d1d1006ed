package nl.kamervragen.cli;

import java.io.PrintStream;
import nl.kamervragen.generate.GenerateOptions;
import nl.kamervragen.options.CommandLine;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** What {@code kamervragen --help} and each subcommand's {@code --help} print. */
final class Usage {

  /** The line under a usage error. */
  static final String HINT = "run 'kamervragen --help' for the commands and options";

  private Usage() {}

  static String main() {
    return """
        kamervragen: who asks the Dutch government what, and how late does it answer?
        Reads an archive of Kamervraag documents and publishes tables (CSV and Parquet) and report.html.

        usage:
          kamervragen [--option=value ...]                      run the job (on seeds/ by default)
          kamervragen run JOB.properties [--option=value ...]   run a job definition (pipelines/*.properties);
                                                                options given here win over the file's
          kamervragen generate [--documents=N ...]              write a synthetic archive (generate --help)
          bin/flink-cluster start|stop|status|clean             a local Flink cluster (bin/flink-cluster --help)
          kamervragen help | --help                             this text
          kamervragen --help=beam                               every Beam and runner option as well

        options:
        """
        + CommandLine.describe(KamervragenOptions.class)
        + """
          --runner=DirectRunner|FlinkRunner   (default: DirectRunner)
              The runner: Beam's DirectRunner in this process, or Apache Flink (embedded, or a cluster).
          --flinkMaster=[auto]|HOST:PORT   (default: [auto])
              With FlinkRunner: [auto] runs Flink embedded in this process; HOST:PORT submits to that
              cluster's REST API.
          --parallelism=N   (default: Flink's)
              With FlinkRunner: parallel tasks per step.
          --endpoint=URL   (default: AWS)
              With s3:// input or output: an S3-compatible server (MinIO, Ceph, ...), addressed by path.
          --awsRegion=REGION   (default: the AWS default chain)
              With s3:// input or output: the region, e.g. us-east-1.
          --awsCredentialsProvider=JSON   (default: the AWS default chain: AWS_ACCESS_KEY_ID, profiles)
              With s3:// input or output, e.g. {"@type": "StaticCredentialsProvider", "accessKeyId": "...",
              "secretAccessKey": "..."}; a cluster's TaskManagers get it with the job.

        exit codes:
          0  the run succeeded and its tables are published
          1  the run failed and published nothing; the previously published tables are untouched
          2  usage error: an unknown or invalid option; nothing was run

        More: README.md (options, the input policy, the output folder, nightly runs) and docs/.
        """;
  }

  static String generate() {
    return """
        kamervragen generate: writes a SYNTHETIC archive in the real document format (made-up documents, for
        benchmarks and scale tests); the same seed and count give the same files, byte for byte.

        usage: kamervragen generate [--option=value ...]

        options:
        """
        + CommandLine.describe(GenerateOptions.class)
        + """

        exit codes: 0 written, 1 failed, 2 usage error (nothing written)
        """;
  }

  static String run() {
    return """
        kamervragen run: runs a job definition, a properties file of options (one option=value per line),
        such as pipelines/local.properties, nightly.properties, archive.properties or cluster.properties.

        usage: kamervragen run JOB.properties [--option=value ...]

        Options given after the file win over the file's. Every option of 'kamervragen --help' may appear
        in either place.
        """;
  }

  /** Beam's own help, for this job's options and both runners' ({@code --help=beam}). */
  static void beam(PrintStream out) {
    PipelineOptionsFactory.printHelp(out, KamervragenOptions.class);
    PipelineOptionsFactory.printHelp(out, DirectOptions.class);
    PipelineOptionsFactory.printHelp(out, FlinkPipelineOptions.class);
  }
}
