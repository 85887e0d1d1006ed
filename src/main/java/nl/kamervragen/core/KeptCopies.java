package nl.kamervragen.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.values.Row;

/** Which copy of each case number is kept, for the parsed documents of one case-number bucket. */
public final class KeptCopies {

  private KeptCopies() {}

  /** The copies of one bucket that are kept, and the decisions about the others. */
  public record Resolved<T>(List<T> kept, List<DuplicateResolver.Decision> decisions) {}

  /** Keeps one copy of each case number of a bucket of parsed documents; kept copies in case-number order. */
  public static Resolved<Row> resolve(Iterable<Row> bucket) {
    return resolve(bucket, ParsedDocument::candidate);
  }

  /**
   * Keeps one copy of each case number of a bucket, by {@link DuplicateResolver}'s rule; kept copies
   * in case-number order.
   *
   * @param candidateOf what deciding between copies needs to know of each
   */
  public static <T> Resolved<T> resolve(Iterable<T> bucket, Function<T, Candidate> candidateOf) {
    Map<String, List<T>> byId = new TreeMap<>();
    bucket.forEach(copy -> byId.computeIfAbsent(candidateOf.apply(copy).id(), id -> new ArrayList<>()).add(copy));
    List<T> kept = new ArrayList<>();
    List<DuplicateResolver.Decision> decisions = new ArrayList<>();
    for (List<T> copies : byId.values()) {
      if (copies.size() == 1) {
        kept.add(copies.get(0));
        continue;
      }
      List<DuplicateResolver.Decision> decided = DuplicateResolver.resolve(copies.stream().map(candidateOf).toList());
      Set<String> setAside = new HashSet<>();
      decided.forEach(d -> setAside.add(d.duplicateFile()));
      copies.stream().filter(copy -> !setAside.contains(candidateOf.apply(copy).sourceFile())).forEach(kept::add);
      decisions.addAll(decided);
    }
    // byId is in case-number order, and one copy is kept of each.
    return new Resolved<>(kept, decisions);
  }

  /** The {@code duplicates} row of a decision. */
  public static Row duplicateRow(DuplicateResolver.Decision d) {
    return Tables.DUPLICATES
        .row()
        .withFieldValue("id", d.id())
        .withFieldValue("kept_file", d.keptFile())
        .withFieldValue("duplicate_file", d.duplicateFile())
        .withFieldValue("reason", d.reason())
        .withFieldValue("conflict", d.conflict())
        .build();
  }
}
