package nl.kamervragen.person;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every name the question sets show, as shown, with the parties it was shown with and the first
 * and last year of submission: what {@link PersonKeys#resolve} needs to join the names of one
 * person. Mergeable; its size grows with the number of distinct names, not of documents.
 */
public final class NameCensus implements Serializable {

  /** What the census knows of one name as shown. */
  public static final class Seen implements Serializable {
    private final SortedSet<String> parties = new TreeSet<>();
    private int firstYear;
    private int lastYear;

    Seen(int firstYear, int lastYear) {
      this.firstYear = firstYear;
      this.lastYear = lastYear;
    }

    public SortedSet<String> parties() {
      return Collections.unmodifiableSortedSet(parties);
    }

    public int firstYear() {
      return firstYear;
    }

    public int lastYear() {
      return lastYear;
    }

    void merge(Seen other) {
      parties.addAll(other.parties);
      firstYear = Math.min(firstYear, other.firstYear);
      lastYear = Math.max(lastYear, other.lastYear);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Seen other && parties.equals(other.parties) && firstYear == other.firstYear && lastYear == other.lastYear;
    }

    @Override
    public int hashCode() {
      return Objects.hash(parties, firstYear, lastYear);
    }
  }

  private final TreeMap<String, Seen> byName = new TreeMap<>();

  /** Records a name shown in a set submitted in {@code year}, with its party when the set shows one. */
  public void add(String name, Optional<String> party, int year) {
    Seen seen = byName.computeIfAbsent(name, n -> new Seen(year, year));
    seen.firstYear = Math.min(seen.firstYear, year);
    seen.lastYear = Math.max(seen.lastYear, year);
    party.ifPresent(seen.parties::add);
  }

  /** Records a name with everything already known of it (for reading a census back). */
  public void add(String name, Iterable<String> parties, int firstYear, int lastYear) {
    Seen seen = new Seen(firstYear, lastYear);
    parties.forEach(seen.parties::add);
    byName.merge(name, seen, (a, b) -> {
      a.merge(b);
      return a;
    });
  }

  public void merge(NameCensus other) {
    other.byName.forEach((name, seen) -> add(name, seen.parties, seen.firstYear, seen.lastYear));
  }

  /** Every name, in name order. */
  public Map<String, Seen> names() {
    return Collections.unmodifiableSortedMap(byName);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NameCensus other && byName.equals(other.byName);
  }

  @Override
  public int hashCode() {
    return byName.hashCode();
  }
}
