package nl.kamervragen.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Slugs, full names and surnames, on names the dev corpus shows. */
class PersonNameTest {

  @Test
  void slugsIgnoreCaseAccentsAndSpacing() {
    assertEquals("dilan-yesilgoz-zegerius", PersonName.slug("Dilan Yeşilgöz-Zegerius"));
    assertEquals("joel-voordewind", PersonName.slug("Joël Voordewind"));
    assertEquals(PersonName.slug("Joël Voordewind"), PersonName.slug(" Joel  Voordewind "));
    assertEquals("van-der-ch-wal-zeggelink", PersonName.slug("van der Ch. Wal-Zeggelink"));
    assertEquals("soren-weiss", PersonName.slug("Søren Weiß"));
    assertEquals(PersonName.slug("Ив Ан"), PersonName.slug("Ив Ан"), "a name without Latin letters keeps a stable key");
    assertTrue(PersonName.slug("Ив Ан").startsWith("name-"));
  }

  @Test
  void aFullNameHasAForenameBeforeItsSurname() {
    assertTrue(PersonName.isFull("Sadet Karabulut"));
    assertTrue(PersonName.isFull("Jan Jacob van Dijk"));
    assertTrue(PersonName.isFull("Ankie Broekers-Knol"));
    assertFalse(PersonName.isFull("Leers"));
    assertFalse(PersonName.isFull("Opstelten"));
    assertFalse(PersonName.isFull("van Weel"));
    assertFalse(PersonName.isFull("Van Weel"), "a particle capitalised at the start is still no forename");
    assertFalse(PersonName.isFull("van der Ch. Wal-Zeggelink"));
  }

  @Test
  void theSurnameStartsAtTheFirstParticleAfterTheForenameOrIsTheLastWord() {
    assertEquals("van-dijk", PersonName.surnameSlug("Jan Jacob van Dijk"));
    assertEquals("van-der-staaij", PersonName.surnameSlug("Kees van der Staaij"));
    assertEquals("ten-broeke", PersonName.surnameSlug("Han ten Broeke"));
    assertEquals("karabulut", PersonName.surnameSlug("Sadet Karabulut"));
    assertEquals("broekers-knol", PersonName.surnameSlug("Ankie Broekers-Knol"));
    assertEquals("van-weel", PersonName.surnameSlug("van Weel"));
    assertEquals(PersonName.surnameSlug("Van Weel"), PersonName.surnameSlug("van Weel"));
  }
}
