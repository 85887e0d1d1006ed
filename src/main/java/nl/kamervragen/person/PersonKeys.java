package nl.kamervragen.person;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The person each name stands for, as a stable key: the slug of the person's full name
 * ({@code sadet-karabulut}), or of a surname alone that could not be joined to one ({@code leers}).
 *
 * <p>The rule ({@code docs/statistics.md}, "Person keys"): names with the same slug are one person, whatever
 * party they are shown with (members change party; the publisher shows today's). A surname shown
 * alone joins a full name only when the archive holds exactly one full name with that surname whose
 * years (first to last submission) overlap the surname's, and their parties do not contradict: one
 * of them is shown without a party, or they share one. Otherwise it stays a person of its own, which
 * may stand for several people (every "van Dijk" shown alone while two van Dijks sat).
 */
public final class PersonKeys implements Serializable {

  /**
   * The names whose key is not their own slug: surnames shown alone that joined a full name. Every
   * other name is its own slug, so a name's key is known where it is parsed, and only these few
   * rows change once the archive's names are known.
   */
  private final Map<String, String> joined;

  private PersonKeys(Map<String, String> joined) {
    this.joined = joined;
  }

  /** Keys as {@link #joined()} gave them: surname shown alone to the key of the full name it joins. */
  public static PersonKeys of(Map<String, String> joined) {
    return new PersonKeys(Map.copyOf(joined));
  }

  /** No joins: every name is its own slug. */
  public static PersonKeys none() {
    return new PersonKeys(Map.of());
  }

  /** The key of a name as shown. */
  public String keyOf(String name) {
    String key = joined.get(name);
    return key != null ? key : PersonName.slug(name);
  }

  /** Whether the key of the name is not its own slug. */
  public boolean joins(String name) {
    return joined.containsKey(name);
  }

  /** Surname shown alone to the key of the full name it joins, for a coder. */
  public Map<String, String> joined() {
    return Collections.unmodifiableMap(joined);
  }

  /** Applies the rule above to every name of the census. */
  public static PersonKeys resolve(NameCensus census) {
    Map<String, Group> full = new TreeMap<>();
    Map<String, Group> surnamesAlone = new TreeMap<>();
    census.names().forEach((name, seen) ->
        (PersonName.isFull(name) ? full : surnamesAlone).computeIfAbsent(PersonName.slug(name), slug -> new Group(slug)).add(name, seen));

    Map<String, List<Group>> fullBySurname = new HashMap<>();
    for (Group person : full.values()) {
      person.surnames.forEach(surname -> fullBySurname.computeIfAbsent(surname, s -> new ArrayList<>()).add(person));
    }
    Map<String, String> joined = new HashMap<>();
    for (Group surname : surnamesAlone.values()) {
      List<Group> overlapping = fullBySurname.getOrDefault(surname.slug, List.of()).stream().filter(surname::overlaps).toList();
      if (overlapping.size() == 1 && !surname.contradicts(overlapping.get(0))) {
        surname.names.forEach(name -> joined.put(name, overlapping.get(0).slug));
      }
    }
    return new PersonKeys(Map.copyOf(joined));
  }

  /** The names with one slug, and what the census saw of them together. */
  private static final class Group {
    final String slug;
    final SortedSet<String> names = new TreeSet<>();
    final SortedSet<String> surnames = new TreeSet<>();
    final SortedSet<String> parties = new TreeSet<>();
    int firstYear = Integer.MAX_VALUE;
    int lastYear = Integer.MIN_VALUE;

    Group(String slug) {
      this.slug = slug;
    }

    void add(String name, NameCensus.Seen seen) {
      names.add(name);
      surnames.add(PersonName.surnameSlug(name));
      parties.addAll(seen.parties());
      firstYear = Math.min(firstYear, seen.firstYear());
      lastYear = Math.max(lastYear, seen.lastYear());
    }

    boolean overlaps(Group other) {
      return firstYear <= other.lastYear && other.firstYear <= lastYear;
    }

    boolean contradicts(Group other) {
      return !parties.isEmpty() && !other.parties.isEmpty() && Collections.disjoint(parties, other.parties);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PersonKeys other && joined.equals(other.joined);
  }

  @Override
  public int hashCode() {
    return joined.hashCode();
  }
}
