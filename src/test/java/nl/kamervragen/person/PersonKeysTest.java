package nl.kamervragen.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.kamervragen.core.ParsedDocument;
import nl.kamervragen.core.TestParsedDocuments;
import nl.kamervragen.model.ParseResult;
import nl.kamervragen.parse.TestDocuments;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The join rule on the dev corpus's real names: its 45 documents as parsed, and surnames shown alone
 * as answer lines do show them ("Leers", "van Weel"), added where a test says so.
 */
class PersonKeysTest {

  private static NameCensus devCorpus;

  @BeforeAll
  static void censusOfTheDevCorpus() throws IOException, URISyntaxException {
    devCorpus = new NameCensus();
    Path folder = Path.of(PersonKeysTest.class.getResource("/dev-corpus").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        String resource = "dev-corpus/" + file.getFileName();
        // The headerless document (2022Z09118) is rejected by the parser: it names nobody.
        if (TestDocuments.parseText(TestDocuments.text(resource)) instanceof ParseResult.Parsed) {
          ParsedDocument.stats(TestParsedDocuments.ofResource(resource)).addNamesTo(devCorpus);
        }
      }
    }
  }

  /** The dev corpus's census with one more sighting. */
  private static PersonKeys withSighting(String name, String party, int year) {
    NameCensus census = new NameCensus();
    census.merge(devCorpus);
    census.add(name, Optional.ofNullable(party), year);
    return PersonKeys.resolve(census);
  }

  @Test
  void theDevCorpusAloneJoinsNoSurnameItsSurnamesHaveNoFullName() {
    PersonKeys keys = PersonKeys.resolve(devCorpus);
    // Leers (2012), Opstelten (2013), van der Ch. Wal-Zeggelink (2023) and van Weel (2025) are shown
    // only by surname: each is a person of its own.
    assertEquals(Map.of(), keys.joined());
    assertEquals("leers", keys.keyOf("Leers"));
    assertEquals("opstelten", keys.keyOf("Opstelten"));
    assertEquals("van-weel", keys.keyOf("van Weel"));
    assertTrue(devCorpus.names().containsKey("Leers"));
    assertTrue(devCorpus.names().containsKey("van Weel"));
  }

  @Test
  void oneFullNameWithAndWithoutPartyIsOnePerson() {
    PersonKeys keys = PersonKeys.resolve(devCorpus);
    // "Sadet Karabulut (SP)" and "Sadet Karabulut ," (no party) are the same name as shown.
    assertEquals(List.of("SP"), List.copyOf(devCorpus.names().get("Sadet Karabulut").parties()));
    assertEquals("sadet-karabulut", keys.keyOf("Sadet Karabulut"));
    // Lilianne Ploumen answers as minister (2015, 2017) and submits as member (2018-2020): one key.
    NameCensus.Seen ploumen = devCorpus.names().get("Lilianne Ploumen");
    assertEquals(2015, ploumen.firstYear());
    assertEquals(2020, ploumen.lastYear());
    assertEquals("lilianne-ploumen", keys.keyOf("Lilianne Ploumen"));
    // Three van Dijks, three people.
    assertEquals(3, Stream.of("Jan Jacob van Dijk", "Jasper van Dijk", "Emiel van Dijk").map(keys::keyOf).distinct().count());
  }

  @Test
  void aSurnameAloneJoinsTheOneFullNameWithThatSurnameInItsYears() {
    // Stef Blok (VVD) answers 2017-2021; "Blok" without a party in 2019 is him.
    assertEquals("stef-blok", withSighting("Blok", null, 2019).keyOf("Blok"));
    // ... and so is "Blok (VVD)": the parties agree.
    assertEquals("stef-blok", withSighting("Blok", "VVD", 2019).keyOf("Blok"));
    // Ploumen was PvdA as minister and as member.
    assertEquals("lilianne-ploumen", withSighting("Ploumen", "PvdA", 2018).keyOf("Ploumen"));
    // Of the van Dijks only Jasper (2017-2021) sat in 2018: Jan Jacob is seen in 2017 only, Emiel in 2020.
    assertEquals("jasper-van-dijk", withSighting("van Dijk", "SP", 2018).keyOf("van Dijk"));
    // Broekers-Knol: a double-barrelled surname joins as a whole.
    assertEquals("ankie-broekers-knol", withSighting("Broekers-Knol", null, 2020).keyOf("Broekers-Knol"));
  }

  @Test
  void otherwiseTheSurnameStaysApart() {
    // In 2020 Jasper van Dijk (SP) and Emiel van Dijk (PVV) both sat: "van Dijk" could be either.
    PersonKeys twoCandidates = withSighting("van Dijk", null, 2020);
    assertEquals("van-dijk", twoCandidates.keyOf("van Dijk"));
    assertFalse(twoCandidates.joins("van Dijk"));
    // A party that contradicts: Stef Blok is VVD.
    assertEquals("blok", withSighting("Blok", "PvdA", 2019).keyOf("Blok"));
    // Years that do not overlap: Bert Koenders answers 2014-2017.
    assertEquals("koenders", withSighting("Koenders", null, 2023).keyOf("Koenders"));
    // A surname that is part of a longer one is another surname: Yeşilgöz is not Yeşilgöz-Zegerius.
    assertEquals("yesilgoz", withSighting("Yeşilgöz", null, 2023).keyOf("Yeşilgöz"));
    // Full names are never joined to each other by surname: Jan Jacob and Jasper stay two.
    assertEquals("jan-jacob-van-dijk", withSighting("van Dijk", "SP", 2018).keyOf("Jan Jacob van Dijk"));
  }

  @Test
  void theKeysDoNotDependOnTheOrderTheNamesWereSeenIn() {
    NameCensus forward = new NameCensus();
    NameCensus backward = new NameCensus();
    List<Map.Entry<String, NameCensus.Seen>> names = List.copyOf(devCorpus.names().entrySet());
    for (int i = 0; i < names.size(); i++) {
      Map.Entry<String, NameCensus.Seen> f = names.get(i);
      Map.Entry<String, NameCensus.Seen> b = names.get(names.size() - 1 - i);
      forward.add(f.getKey(), f.getValue().parties(), f.getValue().firstYear(), f.getValue().lastYear());
      backward.add(b.getKey(), b.getValue().parties(), b.getValue().firstYear(), b.getValue().lastYear());
    }
    forward.add("Blok", Optional.empty(), 2019);
    backward.add("Blok", Optional.empty(), 2019);
    assertEquals(forward, backward);
    assertEquals(PersonKeys.resolve(forward), PersonKeys.resolve(backward));
    assertEquals(Map.of("Blok", "stef-blok"), PersonKeys.resolve(forward).joined());
  }
}
