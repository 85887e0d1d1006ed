package nl.kamervragen.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import nl.kamervragen.input.InputSelection;
import nl.kamervragen.ministry.MinistryFamilies;
import nl.kamervragen.storage.StoredFolder;

/**
 * The validated settings of one run, made once from the command-line options.
 *
 * @param input which entries of which folder are read
 * @param output the folder the tables are published to (absolute), local or on object storage
 * @param referenceDate the date "open" and "overdue" are measured against
 * @param maxFileBytes files larger than this are rejected without being read whole
 * @param ministryFamilies the mapping that gives each ministry its family
 * @param maxRejectedShare the largest share of rejected entries a published run may have
 * @param keepFailedStaging whether a run that is not published keeps its staging folder
 * @param publishLink a link to point at the output once published; null for none
 * @param keepRuns how many published runs an output on object storage keeps
 * @param reportNote a line under the report's title; empty for none
 */
record JobConfig(
    InputSelection input,
    StoredFolder output,
    LocalDate referenceDate,
    long maxFileBytes,
    MinistryFamilies ministryFamilies,
    double maxRejectedShare,
    boolean keepFailedStaging,
    Path publishLink,
    int keepRuns,
    String reportNote) {

  /** Whether the run reads or writes object storage ({@code s3://}). */
  boolean usesBuckets() {
    return input.isObjectStore() || !output.isLocal();
  }
}
