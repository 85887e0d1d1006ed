package nl.kamervragen.stats;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.kamervragen.person.PersonName;

/**
 * Every person of the kept question sets, by person key: the names and parties shown, the roles,
 * the first and last submission date and the sets. Mergeable like the other statistics; memory
 * grows with the number of people.
 */
public final class PersonStatistics implements Serializable {

  private final Map<String, Seen> byKey = new HashMap<>();

  /**
   * One row of the {@code persons} table.
   *
   * @param name the name it goes by: of the full names shown, the one in most sets (then the first
   *     alphabetically); a surname alone when no full name was shown
   */
  public record PersonRow(String personKey, String name, List<String> names, boolean surnameOnly, List<String> parties,
      LocalDate firstSubmitted, LocalDate lastSubmitted, long questionSets, long setsAsSubmitter, long setsAsAnswerer) {}

  private static final class Seen implements Serializable {
    final Map<String, Long> setsByName = new TreeMap<>();
    final Set<String> parties = new TreeSet<>();
    LocalDate first;
    LocalDate last;
    long sets;
    long submitted;
    long answered;

    Seen(LocalDate first, LocalDate last) {
      this.first = first;
      this.last = last;
    }

    void merge(Seen other) {
      other.setsByName.forEach((name, n) -> setsByName.merge(name, n, Long::sum));
      parties.addAll(other.parties);
      first = other.first.isBefore(first) ? other.first : first;
      last = other.last.isAfter(last) ? other.last : last;
      sets += other.sets;
      submitted += other.submitted;
      answered += other.answered;
    }

    String name() {
      Comparator<Map.Entry<String, Long>> preferred = Comparator
          .comparing((Map.Entry<String, Long> e) -> !PersonName.isFull(e.getKey()))
          .thenComparing(Map.Entry::getValue, Comparator.reverseOrder())
          .thenComparing(Map.Entry::getKey);
      return setsByName.entrySet().stream().min(preferred).orElseThrow().getKey();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Seen other && setsByName.equals(other.setsByName) && parties.equals(other.parties) && first.equals(other.first)
          && last.equals(other.last) && sets == other.sets && submitted == other.submitted && answered == other.answered;
    }

    @Override
    public int hashCode() {
      return Objects.hash(setsByName, first, sets);
    }
  }

  public void add(StatsDocument doc) {
    LocalDate submitted = doc.submitted();
    List<String> submitters = Distinct.of(doc.submitters(), StatsDocument.Member::personKey);
    List<String> answerers = Distinct.of(doc.answerers(), StatsDocument.Member::personKey);
    List<StatsDocument.Member> shown = new ArrayList<>(doc.submitters());
    shown.addAll(doc.answerers());
    for (StatsDocument.Member m : shown) {
      if (m.party().isPresent()) {
        seen(m.personKey(), submitted).parties.add(m.party().get());
      }
    }
    // Each person once per set, and each name they are shown by in it once.
    for (String key : Distinct.of(shown, StatsDocument.Member::personKey)) {
      Seen seen = seen(key, submitted);
      seen.sets++;
      seen.submitted += submitters.contains(key) ? 1 : 0;
      seen.answered += answerers.contains(key) ? 1 : 0;
      List<String> names = new ArrayList<>(2);
      for (StatsDocument.Member m : shown) {
        if (m.personKey().equals(key) && !names.contains(m.name())) {
          names.add(m.name());
        }
      }
      names.forEach(name -> seen.setsByName.merge(name, 1L, Long::sum));
    }
  }

  private Seen seen(String key, LocalDate submitted) {
    Seen seen = byKey.computeIfAbsent(key, k -> new Seen(submitted, submitted));
    seen.first = submitted.isBefore(seen.first) ? submitted : seen.first;
    seen.last = submitted.isAfter(seen.last) ? submitted : seen.last;
    return seen;
  }

  public void merge(PersonStatistics other) {
    other.byKey.forEach((key, seen) -> {
      Seen mine = byKey.get(key);
      if (mine == null) {
        mine = new Seen(seen.first, seen.last);
        byKey.put(key, mine);
      }
      mine.merge(seen);
    });
  }

  /** The name a person goes by ({@link PersonRow#name}); the key itself for a person not seen. */
  public String nameOf(String personKey) {
    Seen seen = byKey.get(personKey);
    return seen == null ? personKey : seen.name();
  }

  public List<PersonRow> rows() {
    List<PersonRow> rows = new ArrayList<>();
    byKey.forEach((key, s) -> rows.add(new PersonRow(key, s.name(), List.copyOf(s.setsByName.keySet()),
        s.setsByName.keySet().stream().noneMatch(PersonName::isFull), List.copyOf(s.parties), s.first, s.last, s.sets, s.submitted,
        s.answered)));
    return rows;
  }

  /** Writes every person, for {@link StatsEncoding}. */
  public void writeTo(StatsEncoding.Writer out) throws IOException {
    out.number(byKey.size());
    for (Map.Entry<String, Seen> e : byKey.entrySet()) {
      Seen s = e.getValue();
      out.string(e.getKey());
      out.number(s.setsByName.size());
      for (Map.Entry<String, Long> name : s.setsByName.entrySet()) {
        out.string(name.getKey());
        out.number(name.getValue());
      }
      out.number(s.parties.size());
      for (String party : s.parties) {
        out.string(party);
      }
      out.number(s.first.toEpochDay());
      out.number(s.last.toEpochDay());
      out.number(s.sets);
      out.number(s.submitted);
      out.number(s.answered);
    }
  }

  /** Reads what {@link #writeTo} wrote. */
  public static PersonStatistics readFrom(StatsEncoding.Reader in) throws IOException {
    PersonStatistics stats = new PersonStatistics();
    for (int n = in.count(); n > 0; n--) {
      String key = in.string();
      Map<String, Long> setsByName = new TreeMap<>();
      for (int names = in.count(); names > 0; names--) {
        setsByName.put(in.string(), in.number());
      }
      Set<String> parties = new TreeSet<>();
      for (int p = in.count(); p > 0; p--) {
        parties.add(in.string());
      }
      Seen seen = new Seen(LocalDate.ofEpochDay(in.number()), LocalDate.ofEpochDay(in.number()));
      seen.setsByName.putAll(setsByName);
      seen.parties.addAll(parties);
      seen.sets = in.number();
      seen.submitted = in.number();
      seen.answered = in.number();
      stats.byKey.put(key, seen);
    }
    return stats;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PersonStatistics other && byKey.equals(other.byKey);
  }

  @Override
  public int hashCode() {
    return byKey.size();
  }
}
