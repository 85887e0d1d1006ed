package nl.kamervragen.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.kamervragen.model.Person;
import nl.kamervragen.model.Position;
import nl.kamervragen.model.Topic;
import org.junit.jupiter.api.Test;

/** Dates, person lists, topic splitting and byte decoding. */
class SmallParsersTest {

  @Test
  void dutchDatesAreStrict() {
    assertEquals(LocalDate.of(2011, 9, 23), DutchDates.parse("23 september 2011"));
    assertEquals(LocalDate.of(2020, 2, 29), DutchDates.parse("29\u00A0februari  2020"));
    assertEquals(LocalDate.of(2019, 3, 1), DutchDates.parse(" 1 maart 2019 "));
    assertThrows(IllegalArgumentException.class, () -> DutchDates.parse("29 februari 2019"));
    assertThrows(IllegalArgumentException.class, () -> DutchDates.parse("31 april 2019"));
    assertThrows(IllegalArgumentException.class, () -> DutchDates.parse("1 march 2019"));
    assertThrows(IllegalArgumentException.class, () -> DutchDates.parse("01-03-2019"));
    IllegalArgumentException outOfRange = assertThrows(IllegalArgumentException.class, () -> DutchDates.parse("1 maart 2190"));
    assertTrue(outOfRange.getMessage().contains("outside 1815-2100"), outOfRange.getMessage());
  }

  @Test
  void personListsSplitOnCommasOutsideParenthesesAndRolesOnPositionWords() {
    List<String> warnings = new ArrayList<>();
    List<Person> persons =
        new PersonListParser()
            .parse(
                "Marja van Bijsterveldt (minister onderwijs, cultuur en wetenschap) (CDA), "
                    + "Stef Blok (minister zonder portefeuille binnenlandse zaken en koninkrijksrelaties, minister justitie en veiligheid) (VVD), "
                    + "Hugo de Jonge (viceminister-president , minister ) (CDA), Leers, "
                    + "Tom van der Lee (Groep Eerdmans-van Schijndel)",
                warnings::add);
    assertEquals(
        List.of(
            new Person("Marja van Bijsterveldt", List.of(new Position("minister", Optional.of("onderwijs, cultuur en wetenschap"))), Optional.of("CDA")),
            new Person(
                "Stef Blok",
                List.of(
                    new Position("minister zonder portefeuille", Optional.of("binnenlandse zaken en koninkrijksrelaties")),
                    new Position("minister", Optional.of("justitie en veiligheid"))),
                Optional.of("VVD")),
            new Person(
                "Hugo de Jonge",
                List.of(new Position("viceminister-president", Optional.empty()), new Position("minister", Optional.empty())),
                Optional.of("CDA")),
            new Person("Leers", List.of(), Optional.empty()),
            new Person("Tom van der Lee", List.of(), Optional.of("Groep Eerdmans-van Schijndel"))),
        persons);
    assertEquals(List.of(), warnings);
  }

  @Test
  void oddPersonListsAreReadWithWarnings() {
    List<String> warnings = new ArrayList<>();
    List<Person> persons = new PersonListParser().parse("(VVD), Jan (SP) (PvdA), Piet (SP", warnings::add);
    assertEquals(3, persons.size());
    assertEquals(Optional.of("PvdA"), persons.get(1).party());
    assertEquals("Piet (SP", persons.get(2).name());
    assertEquals(3, warnings.size(), warnings::toString);
    assertEquals(List.of(), new PersonListParser().parse("", warnings::add));
  }

  @Test
  void topicsMatchTheLongestLabelFirst() {
    TopicSplitter splitter = new TopicSplitter(TopicVocabulary.standard());
    List<Topic> topics = splitter.split("openbare orde en veiligheid politie, brandweer en hulpdiensten recht staatsrecht");
    assertEquals(
        List.of("openbare orde en veiligheid", "politie, brandweer en hulpdiensten", "recht", "staatsrecht"),
        topics.stream().map(Topic::label).toList());
    assertTrue(topics.stream().allMatch(Topic::known));
    assertEquals(Optional.of("openbare orde en veiligheid"), topics.get(1).theme());
  }

  @Test
  void unknownWordsBecomeOneUnknownTopicPerRun() {
    TopicVocabulary vocabulary = TopicVocabulary.fromLines(List.of("# test", "* bestuur", "  gemeenten", "  organisatie en beleid", "  organisatie"));
    List<Topic> topics = new TopicSplitter(vocabulary).split("bestuur zwarte piet gemeenten organisatie en beleid vrede");
    assertEquals(
        List.of(
            new Topic("bestuur", true, Optional.of("bestuur")),
            new Topic("zwarte piet", false, Optional.empty()),
            new Topic("gemeenten", true, Optional.of("bestuur")),
            new Topic("organisatie en beleid", true, Optional.of("bestuur")),
            new Topic("vrede", false, Optional.empty())),
        topics);
    assertEquals(List.of(), new TopicSplitter(vocabulary).split("  "));
  }

  @Test
  void topicWordsAreWhatARegexSplitOnWhiteSpaceGives() {
    // \u2003 (em space) is white space to Java but not to the regex class: it stays inside a word.
    for (String value : List.of("recht", "recht staatsrecht", "a  b\tc\n d", "a\u2003b c", "zorg\r\nen  welzijn", "x\u000By\fz")) {
      assertEquals(List.of(value.split("\\s+")), List.of(TopicSplitter.words(value)), value);
    }
  }

  @Test
  void standardVocabularyHoldsBothTaxonomies() {
    TopicVocabulary vocabulary = TopicVocabulary.standard();
    assertTrue(vocabulary.contains("landbouw, visserij, voedselkwaliteit"), "TOOI label");
    assertTrue(vocabulary.contains("de nederlandse antillen en aruba"), "OWMS label");
    assertTrue(vocabulary.size() > 140, "labels: " + vocabulary.size());
  }
}
