package nl.kamervragen.core;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.values.Row;

/**
 * What changed in the archive since the previous published run: each question set's facts in both
 * runs, compared by case number. One change per set, the first that applies: {@code new} and
 * {@code removed} for a set in one run only; else {@code answered} (open before, answered now),
 * {@code newly_overdue} (not overdue before, overdue now), {@code postponed} (more postponement
 * notices), {@code changed} (other content: another file hash).
 */
public final class RunChanges {

  public static final String NEW = "new";
  public static final String ANSWERED = "answered";
  public static final String NEWLY_OVERDUE = "newly_overdue";
  public static final String POSTPONED = "postponed";
  public static final String CHANGED = "changed";
  public static final String REMOVED = "removed";

  /** Every kind of change, in the order the rule tries them. */
  public static final List<String> KINDS = List.of(NEW, ANSWERED, NEWLY_OVERDUE, POSTPONED, CHANGED, REMOVED);

  private RunChanges() {}

  /**
   * What a run was compared with, counted once for the report and the run's last line.
   *
   * @param previousRunId the run compared with; null for a first run
   * @param counts sets per kind of change, in the order of {@link #KINDS}
   */
  public record Comparison(String previousRunId, Map<String, Long> counts) {
    /** A first run: nothing to compare with. */
    public static final Comparison FIRST_RUN = new Comparison(null, countByKind(List.of()));
  }

  /** How many sets each kind of change counts, every kind listed, in the order of {@link #KINDS}. */
  public static Map<String, Long> countByKind(Iterable<String> changes) {
    Map<String, Long> counts = new LinkedHashMap<>();
    KINDS.forEach(kind -> counts.put(kind, 0L));
    changes.forEach(change -> counts.merge(change, 1L, Long::sum));
    return counts;
  }

  /**
   * What a comparison needs of one question set in one run.
   *
   * @param status answered or open
   * @param contentSha256 the hash of its file's bytes; null when the previous run did not record it
   */
  public record Facts(String id, String status, boolean overdue, int postponements, String contentSha256) implements Serializable {
    public Facts {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(status, "status");
    }

    /** The facts of a copy of this run, from what choosing among copies knows of it and the rest of its {@code documents} row. */
    public static Facts of(Candidate copy, boolean overdue, int postponements) {
      String status = copy.answered() ? ParsedDocument.STATUS_ANSWERED : ParsedDocument.STATUS_OPEN;
      return new Facts(copy.id(), status, overdue, postponements, copy.contentSha256());
    }

    /** The facts of a {@code documents} row (of this run, or read back from a previous run's table). */
    public static Facts of(Row document) {
      return new Facts(document.getString("id"), document.getString("status"), Boolean.TRUE.equals(document.getBoolean("overdue")),
          document.getInt32("postponements"), document.getString("content_sha256"));
    }
  }

  /** The group a set is compared in: its case-number bucket, as the documents table is staged. */
  public static String bucketOf(String id) {
    return Tables.DOCUMENTS.bucketOfKey(id);
  }

  /** The change of one set, if any; either side may be missing (a new or a removed set). */
  public static Optional<String> change(Facts previous, Facts current) {
    if (previous == null && current == null) {
      throw new IllegalArgumentException("a set must be in at least one run");
    }
    if (previous == null) {
      return Optional.of(NEW);
    }
    if (current == null) {
      return Optional.of(REMOVED);
    }
    if (previous.status().equals(ParsedDocument.STATUS_OPEN) && current.status().equals(ParsedDocument.STATUS_ANSWERED)) {
      return Optional.of(ANSWERED);
    }
    if (!previous.overdue() && current.overdue()) {
      return Optional.of(NEWLY_OVERDUE);
    }
    if (current.postponements() > previous.postponements()) {
      return Optional.of(POSTPONED);
    }
    if (previous.contentSha256() != null && !previous.contentSha256().equals(current.contentSha256())) {
      return Optional.of(CHANGED);
    }
    return Optional.empty();
  }

  /** The {@code changes} rows of one group of sets (a case-number bucket), in no particular order. */
  public static List<Row> rows(Collection<Facts> previous, Collection<Facts> current, String previousRunId) {
    Map<String, Facts[]> byId = new LinkedHashMap<>();
    previous.forEach(f -> byId.computeIfAbsent(f.id(), id -> new Facts[2])[0] = f);
    current.forEach(f -> byId.computeIfAbsent(f.id(), id -> new Facts[2])[1] = f);
    List<Row> rows = new ArrayList<>();
    byId.forEach((id, pair) -> change(pair[0], pair[1]).ifPresent(change -> rows.add(Tables.CHANGES.rowOf(
        "id", id, "change", change,
        "previous_status", pair[0] == null ? null : pair[0].status(),
        "status", pair[1] == null ? null : pair[1].status(),
        "previous_run_id", previousRunId))));
    return rows;
  }
}
