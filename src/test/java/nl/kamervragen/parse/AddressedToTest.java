package nl.kamervragen.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AddressedToTest {

  @Test
  void addresseesSitBetweenTheMembersAndTheSubject() {
    assertEquals(
        Optional.of("minister van Binnenlandse Zaken en Koninkrijksrelaties"),
        AddressedTo.of("Vragen van het lid El Fassed (Groenlinks) aan de minister van Binnenlandse Zaken en Koninkrijksrelaties over het gebruik van sociale media door gemeenten (ingezonden 23 september 2011)."));
    assertEquals(
        Optional.of("minister van Financiën en de staatssecretaris van Economische Zaken"),
        AddressedTo.of("Vragen van de leden Omtzigt (CDA) en Van Weyenberg (D66) aan de minister van Financiën en de staatssecretaris van Economische Zaken inzake belastingen (ingezonden 1 mei 2015)."));
    assertEquals(
        Optional.of("minister-president"),
        AddressedTo.of("Vragen van het lid Wilders (PVV) aan de minister-president (ingezonden 1 mei 2015)."));
  }

  @Test
  void aTitleThatNamesNoAddresseesGivesNone() {
    assertEquals(Optional.empty(), AddressedTo.of("Rituele slacht en het Offerfeest"));
  }
}
