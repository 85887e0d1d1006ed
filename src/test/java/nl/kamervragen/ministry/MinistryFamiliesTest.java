package nl.kamervragen.ministry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.kamervragen.model.Kamervraag;
import nl.kamervragen.parse.TestDocuments;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class MinistryFamiliesTest {

  private static final MinistryFamilies STANDARD = MinistryFamilies.standard();

  @Test
  void aDepartmentKeepsItsFamilyThroughItsRenamings() {
    for (String name : List.of("justitie", "veiligheid en justitie", "justitie en veiligheid")) {
      assertEquals(Optional.of("justitie"), STANDARD.familyOf(name), name);
    }
    for (String name : List.of("verkeer en waterstaat", "infrastructuur en milieu", "infrastructuur en waterstaat")) {
      assertEquals(Optional.of("infrastructuur"), STANDARD.familyOf(name), name);
    }
    for (String name : List.of("economische zaken", "economische zaken, landbouw en innovatie", "economische zaken en klimaat")) {
      assertEquals(Optional.of("economische zaken"), STANDARD.familyOf(name), name);
    }
  }

  @Test
  void splitOffDepartmentsStartOrResumeTheirOwnFamily() {
    assertEquals(Optional.of("landbouw"), STANDARD.familyOf("landbouw, natuur en voedselkwaliteit"), "2008-2010 and again from 2017");
    assertEquals(Optional.of("landbouw"), STANDARD.familyOf("landbouw, visserij, voedselzekerheid en natuur"), "2024");
    assertEquals(Optional.of("klimaat"), STANDARD.familyOf("klimaat en groene groei"), "2024, from EZK");
    assertEquals(Optional.of("asiel en migratie"), STANDARD.familyOf("asiel en migratie"), "2024, from JenV");
    assertEquals(Optional.of("volkshuisvesting"), STANDARD.familyOf("volkshuisvesting en ruimtelijke ordening"), "2024, VROM's line");
    assertEquals(Optional.of("volkshuisvesting"), STANDARD.familyOf("volkshuisvesting, ruimtelijke ordening en milieubeheer"));
  }

  @Test
  void namesMatchWhateverTheirCaseAndSpacingAndUnknownNamesAreTheirOwnFamily() {
    assertEquals(Optional.of("justitie"), STANDARD.familyOf("  Justitie   en Veiligheid "));
    assertEquals(Optional.empty(), STANDARD.familyOf("ministerie van oorlog"));
    assertEquals("ministerie van oorlog", STANDARD.familyOrSelf("ministerie van oorlog"));
  }

  @Test
  void everyMinistryOfTheDevCorpusIsKnown() throws IOException {
    Set<String> ministries = new TreeSet<>();
    try (Reader expected = Files.newBufferedReader(Path.of("src/test/resources/dev-corpus/expected.csv"))) {
      for (CSVRecord document : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(expected)) {
        if (!document.get("layout").equals("headerless")) {
          Kamervraag doc = TestDocuments.parsedResource("dev-corpus/" + document.get("id") + ".txt");
          doc.answerers().forEach(p -> p.positions().forEach(pos -> pos.ministry().ifPresent(ministries::add)));
        }
      }
    }
    assertTrue(ministries.size() >= 6, ministries.toString());
    ministries.forEach(m -> assertTrue(STANDARD.familyOf(m).isPresent(), m));
  }

  @Test
  void anOwnMappingIsReadAndItsMistakesAreNamedByLine() {
    MinistryFamilies own = MinistryFamilies.fromLines(List.of("# mine", "", "recht | justitie en veiligheid | veiligheid en justitie"), "mine.txt");
    assertEquals(Optional.of("recht"), own.familyOf("veiligheid en justitie"));
    assertEquals(Optional.empty(), own.familyOf("defensie"));
    IllegalArgumentException noName = assertThrows(IllegalArgumentException.class,
        () -> MinistryFamilies.fromLines(List.of("recht"), "mine.txt"));
    assertEquals("mine.txt line 1: expected 'family | name | ...', got 'recht'", noName.getMessage());
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> MinistryFamilies.fromLines(List.of("a | defensie", "b | Defensie"), "mine.txt"));
    assertEquals("mine.txt line 2: 'defensie' is in family 'a' and in 'b'", twice.getMessage());
    assertThrows(IllegalArgumentException.class, () -> MinistryFamilies.fromLines(List.of("# nothing"), "mine.txt"));
  }
}
