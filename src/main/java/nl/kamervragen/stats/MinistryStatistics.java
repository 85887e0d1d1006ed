package nl.kamervragen.stats;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every ministry name the answerers show, as shown: its family, whether the family mapping knows
 * it, the first and last submission date of its question sets, and how many sets it answered.
 * Mergeable like the other statistics; memory grows with the number of names.
 */
public final class MinistryStatistics implements Serializable {

  private final Map<String, Seen> byName = new HashMap<>();

  /** One row of the {@code ministries} table. */
  public record MinistryRow(String name, String family, boolean known, LocalDate firstSubmitted, LocalDate lastSubmitted, long questionSets) {}

  private static final class Seen implements Serializable {
    final String family;
    final boolean known;
    LocalDate first;
    LocalDate last;
    long sets;

    Seen(String family, boolean known, LocalDate first, LocalDate last, long sets) {
      this.family = family;
      this.known = known;
      this.first = first;
      this.last = last;
      this.sets = sets;
    }

    void merge(LocalDate otherFirst, LocalDate otherLast, long otherSets) {
      first = otherFirst.isBefore(first) ? otherFirst : first;
      last = otherLast.isAfter(last) ? otherLast : last;
      sets += otherSets;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Seen other && family.equals(other.family) && known == other.known && first.equals(other.first)
          && last.equals(other.last) && sets == other.sets;
    }

    @Override
    public int hashCode() {
      return Objects.hash(family, first, sets);
    }
  }

  public void add(StatsDocument doc) {
    for (StatsDocument.Ministry m : Distinct.of(doc.ministries())) {
      add(m.name(), m.family(), m.known(), doc.submitted(), doc.submitted(), 1);
    }
  }

  private void add(String name, String family, boolean known, LocalDate first, LocalDate last, long sets) {
    Seen seen = byName.get(name);
    if (seen == null) {
      byName.put(name, new Seen(family, known, first, last, sets));
    } else {
      seen.merge(first, last, sets);
    }
  }

  public void merge(MinistryStatistics other) {
    other.byName.forEach((name, s) -> add(name, s.family, s.known, s.first, s.last, s.sets));
  }

  public List<MinistryRow> rows() {
    List<MinistryRow> rows = new ArrayList<>();
    byName.forEach((name, s) -> rows.add(new MinistryRow(name, s.family, s.known, s.first, s.last, s.sets)));
    return rows;
  }

  /** Ministry names the family mapping does not know: each is a family of its own. */
  public long unknownNames() {
    return byName.values().stream().filter(s -> !s.known).count();
  }

  /** Writes every name, for {@link StatsEncoding}. */
  public void writeTo(StatsEncoding.Writer out) throws IOException {
    out.number(byName.size());
    for (Map.Entry<String, Seen> e : byName.entrySet()) {
      Seen s = e.getValue();
      out.string(e.getKey());
      out.string(s.family);
      out.number(s.known ? 1 : 0);
      out.number(s.first.toEpochDay());
      out.number(s.last.toEpochDay());
      out.number(s.sets);
    }
  }

  /** Reads what {@link #writeTo} wrote. */
  public static MinistryStatistics readFrom(StatsEncoding.Reader in) throws IOException {
    MinistryStatistics stats = new MinistryStatistics();
    for (int n = in.count(); n > 0; n--) {
      String name = in.string();
      // Arguments are evaluated left to right: the order writeTo wrote them in.
      stats.byName.put(name, new Seen(in.string(), in.number() == 1, LocalDate.ofEpochDay(in.number()),
          LocalDate.ofEpochDay(in.number()), in.number()));
    }
    return stats;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MinistryStatistics other && byName.equals(other.byName);
  }

  @Override
  public int hashCode() {
    return byName.size();
  }
}
