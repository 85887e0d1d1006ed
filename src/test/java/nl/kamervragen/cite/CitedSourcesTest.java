package nl.kamervragen.cite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CitedSourcesTest {

  private final CitedSources sources = CitedSources.standard();

  @Test
  void siteDropsAVariantLabelOnlyWhenANameRemains() {
    assertEquals("nos.nl", CitedSources.siteOf("www.nos.nl"));
    assertEquals("nos.nl", CitedSources.siteOf("m.nos.nl"));
    assertEquals("nos.nl", CitedSources.siteOf("WWW2.NOS.NL"));
    assertEquals("nos.nl", CitedSources.siteOf("nos.nl"));
    assertEquals("m.nl", CitedSources.siteOf("m.nl"));
    assertEquals("www.nl", CitedSources.siteOf("www.nl"));
    assertEquals("wwwx.nos.nl", CitedSources.siteOf("wwwx.nos.nl"), "a label is dropped whole, not by prefix");
    assertEquals("mobiel.nos.nl", CitedSources.siteOf("mobiel.nos.nl"));
    assertEquals("nieuws.rtl.nl", CitedSources.siteOf("www.nieuws.rtl.nl"));
  }

  @Test
  void outletBeforeTheDate() {
    assertEquals(Optional.of("NOS"), sources.outletOf("NOS, 22 februari 2023, «Israëlische inval op Westoever escaleert: elf…"));
    assertEquals(Optional.of("Binnenlands Bestuur"), sources.outletOf("«Gemeenten nog onwennig met social media», Binnenlands Bestuur, 22 september 2011;"));
    assertEquals(Optional.of("COC"), sources.outletOf("Grote vervolging in Tsjetsjenië, COC, 13 april 2017 https://www.coc.n…"));
    assertEquals(Optional.of("Dagblad van het Noorden"), sources.outletOf("Dagblad van het Noorden, 14\u00A0september\u00A02021, «Ambulances Noorden komen vaker te laat»."));
    assertEquals(Optional.of("The Times of Israel"), sources.outletOf("Times of Israel, 26 februari 2023, «Palestinian killed as settler…"));
  }

  @Test
  void knownOutletsGetOneSpelling() {
    assertEquals(Optional.of("NRC"), sources.outletOf("NRC Handelsblad, 3 maart 2015, «Titel»"));
    assertEquals(Optional.of("NRC"), sources.outletOf("nrc.next, 3 maart 2015"));
    assertEquals(Optional.of("de Volkskrant"), sources.outletOf("«Titel», Volkskrant, 1 mei 2020"));
  }

  @Test
  void undatedFootnoteNamesAKnownOutletAtEitherEnd() {
    assertEquals(Optional.of("NOS"), sources.outletOf("NOS: «Titel van het bericht»"));
    assertEquals(Optional.of("Trouw"), sources.outletOf("«Titel van het bericht», Trouw"));
    assertEquals(Optional.empty(), sources.outletOf("LHTB: lesbisch, homoseksueel, transgender en biseksueel"));
  }

  @Test
  void whatIsNotAnOutletIsNotReported() {
    assertEquals(Optional.empty(), sources.outletOf("Kamerstuk 19 637, nr. 2912"));
    assertEquals(Optional.empty(), sources.outletOf("«Een titel die tot de datum loopt» 3 maart 2015"));
    assertEquals(Optional.empty(), sources.outletOf("Een zin die veel te lang is om de naam van een krant of een omroep te zijn, 3 maart 2015"));
    assertEquals(Optional.empty(), sources.outletOf("2. 3 maart 2015"));
  }

  @Test
  void outletListFormat() {
    CitedSources custom = CitedSources.fromLines(java.util.List.of("# comment", "Het Blad | Blad | blad.nl", ""));
    assertEquals(Optional.of("Het Blad"), custom.outletOf("blad.nl, 1 januari 2020"));
  }
}
