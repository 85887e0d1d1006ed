package nl.kamervragen.pipeline;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import nl.kamervragen.ministry.MinistryFamilies;

/**
 * The validated settings of one pipeline run. Transforms take the parts they need from it, never
 * the options object.
 *
 * @param listingFile the run's listing of its input ({@link nl.kamervragen.input.ListingFile}): the
 *     pipeline reads what it lists, nothing else
 * @param staging the folder the tables are written to, and the token that proves the run owns it
 * @param referenceDate the date "open" and "overdue" are measured against
 * @param maxFileBytes files larger than this are rejected without being read whole
 * @param ministryFamilies the mapping that gives each ministry its family
 * @param previousRun the published run in the output folder to compare with; null for a first run
 */
public record RunConfig(String listingFile, Staging staging, LocalDate referenceDate, long maxFileBytes,
    MinistryFamilies ministryFamilies, PreviousRun previousRun) implements Serializable {

  /**
   * A published run to compare with.
   *
   * @param documents its {@code documents.parquet}
   * @param runId its run id, from its {@code manifest.json}
   */
  public record PreviousRun(String documents, String runId) implements Serializable {
    public PreviousRun {
      Objects.requireNonNull(documents, "documents");
      Objects.requireNonNull(runId, "runId");
    }
  }

  public RunConfig {
    Objects.requireNonNull(listingFile, "listingFile");
    Objects.requireNonNull(staging, "staging");
    Objects.requireNonNull(referenceDate, "referenceDate");
    Objects.requireNonNull(ministryFamilies, "ministryFamilies");
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("maxFileBytes must be positive, got " + maxFileBytes);
    }
  }
}
