package nl.kamervragen.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.kamervragen.person.NameCensus;
import nl.kamervragen.person.PersonKeys;
import org.junit.jupiter.api.Test;

/** One row per person: names, parties, roles, dates and sets, from the sets' keyed members. */
class PersonStatisticsTest {

  private static StatsDocument set(LocalDate submitted, List<StatsDocument.Member> submitters, List<StatsDocument.Member> answerers) {
    return new StatsDocument(submitted, !answerers.isEmpty(), Optional.empty(), Optional.empty(), false, 1, submitters, answerers, List.of(),
        List.of(), 0, false, 0, Optional.empty(), submitted.plusDays(21), List.of(), List.of());
  }

  private static StatsDocument.Member m(String name, String party) {
    return new StatsDocument.Member(name, Optional.ofNullable(party));
  }

  private static List<StatsDocument> keyedSets() {
    List<StatsDocument> sets = List.of(
        set(LocalDate.of(2019, 3, 1), List.of(m("Lilianne Ploumen", "PvdA")), List.of(m("Stef Blok", "VVD"))),
        set(LocalDate.of(2019, 5, 2), List.of(m("Bram van Ojik", "GL")), List.of(m("Blok", null))),
        set(LocalDate.of(2015, 1, 9), List.of(m("Joël Voordewind", "CU")), List.of(m("Lilianne Ploumen", "PvdA"))),
        set(LocalDate.of(2016, 1, 9), List.of(m("Joel Voordewind", "CU"), m("Joël Voordewind", "CU")), List.of()));
    NameCensus names = new NameCensus();
    sets.forEach(s -> s.addNamesTo(names));
    PersonKeys keys = PersonKeys.resolve(names);
    return sets.stream().map(s -> s.withPersonKeys(keys)).toList();
  }

  @Test
  void everyPersonOnceUnderTheNameTheyGoBy() {
    PersonStatistics persons = new PersonStatistics();
    keyedSets().forEach(persons::add);
    Map<String, PersonStatistics.PersonRow> byKey = persons.rows().stream()
        .collect(java.util.stream.Collectors.toMap(PersonStatistics.PersonRow::personKey, r -> r));
    assertEquals(List.of("bram-van-ojik", "joel-voordewind", "lilianne-ploumen", "stef-blok"),
        byKey.keySet().stream().sorted().toList());
    assertEquals(new PersonStatistics.PersonRow("stef-blok", "Stef Blok", List.of("Blok", "Stef Blok"), false, List.of("VVD"),
        LocalDate.of(2019, 3, 1), LocalDate.of(2019, 5, 2), 2, 0, 2), byKey.get("stef-blok"));
    assertEquals(new PersonStatistics.PersonRow("lilianne-ploumen", "Lilianne Ploumen", List.of("Lilianne Ploumen"), false,
        List.of("PvdA"), LocalDate.of(2015, 1, 9), LocalDate.of(2019, 3, 1), 2, 1, 1), byKey.get("lilianne-ploumen"));
    // Two spellings of one name in one set: the set counts once; the spelling in most sets is the name.
    PersonStatistics.PersonRow voordewind = byKey.get("joel-voordewind");
    assertEquals(2, voordewind.questionSets());
    assertEquals("Joël Voordewind", voordewind.name());
    assertEquals(List.of("Joel Voordewind", "Joël Voordewind"), voordewind.names());
    assertEquals("Stef Blok", persons.nameOf("stef-blok"));
  }

  @Test
  void mergedPartsEqualOneRun() {
    List<StatsDocument> sets = keyedSets();
    PersonStatistics one = new PersonStatistics();
    PersonStatistics left = new PersonStatistics();
    PersonStatistics right = new PersonStatistics();
    for (int i = 0; i < sets.size(); i++) {
      one.add(sets.get(i));
      (i % 2 == 0 ? left : right).add(sets.get(i));
    }
    right.merge(left);
    assertEquals(one, right);
    Comparator<PersonStatistics.PersonRow> byKey = Comparator.comparing(PersonStatistics.PersonRow::personKey);
    assertEquals(one.rows().stream().sorted(byKey).toList(), right.rows().stream().sorted(byKey).toList());
  }
}
