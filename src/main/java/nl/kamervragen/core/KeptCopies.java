package nl.kamervragen.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.values.Row;

/** Which copy of each case number is kept, for the parsed documents of one case-number bucket. */
public final class KeptCopies {

  private KeptCopies() {}

  /** The copies of one bucket that are kept, and the decisions about the others. */
  public record Resolved(List<Row> kept, List<DuplicateResolver.Decision> decisions) {}

  /** Keeps one copy of each case number of a bucket, by {@link DuplicateResolver}'s rule; kept copies in case-number order. */
  public static Resolved resolve(Iterable<Row> bucket) {
    Map<String, List<Row>> byId = new TreeMap<>();
    bucket.forEach(b -> byId.computeIfAbsent(ParsedDocument.id(b), id -> new ArrayList<>()).add(b));
    List<Row> kept = new ArrayList<>();
    List<DuplicateResolver.Decision> decisions = new ArrayList<>();
    for (List<Row> copies : byId.values()) {
      if (copies.size() == 1) {
        kept.add(copies.get(0));
        continue;
      }
      List<Candidate> candidates = copies.stream().map(ParsedDocument::candidate).toList();
      List<DuplicateResolver.Decision> decided = DuplicateResolver.resolve(candidates);
      Set<String> setAside = new HashSet<>();
      decided.forEach(d -> setAside.add(d.duplicateFile()));
      copies.stream().filter(c -> !setAside.contains(ParsedDocument.sourceFile(c))).forEach(kept::add);
      decisions.addAll(decided);
    }
    kept.sort(Comparator.comparing(ParsedDocument::id));
    return new Resolved(kept, decisions);
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
