package nl.kamervragen.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.kamervragen.model.Footnote;
import nl.kamervragen.model.Kamervraag;
import nl.kamervragen.model.ParseResult;
import nl.kamervragen.model.Person;
import nl.kamervragen.model.Position;
import nl.kamervragen.model.Question;
import org.junit.jupiter.api.Test;

class DocumentParserTest {

  private static final String SEED = TestDocuments.text("seed.txt");

  /** A small complete document with the features the seed lacks; {@code %s} slots vary it. */
  private static final String POSTPONED =
      String.join(
          "\n",
          "Kamervraag 2019Z04567",
          "",
          "Uitstel van een antwoord",
          "",
          "Ingediend 1 maart 2019",
          "Beantwoord 2 mei 2019 (na 62 dagen)",
          "Indieners Sadet Karabulut , van der Lee (GL), Jan Jansen (50PLUS/Klein)",
          "Beantwoord door Mark Rutte (minister-president , minister algemene zaken) (VVD), Ank Bijleveld (minister zonder portefeuille ) (CDA), van Weel",
          "Onderwerpen politie, brandweer en hulpdiensten ruimtevaart en sterren recht",
          "Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-2019Z04567.html",
          "Bron antwoord https://zoek.officielebekendmakingen.nl/ah-tk-20182019-2600.html",
          "1. NOS, 1 maart 2019, https://nos.nl/artikel/12345-een-heel-lang-artikel-over-iets…",
          "2. Zie www.rijksoverheid.nl voor meer.",
          "    • Vraag 1",
          "      Eerste regel van de vraag?1",
          "      Tweede regel van de vraag?",
          "",
          "      Het antwoord.",
          "",
          "      Tweede alinea van het antwoord.",
          "",
          "    • Vraag 3",
          "      Nog een vraag?",
          "",
          "      Zie antwoord vraag 1.",
          "",
          "    • Mededeling - 21 maart 2019",
          "      De vragen kunnen niet binnen de termijn worden beantwoord.",
          "",
          "",
          "Kamervraag document nummer: kv-tk-2019Z04567",
          "Volledige titel: Vragen van de leden Karabulut en Van der Lee over uitstel.",
          "Kamerantwoord document nummer: ah-tk-20182019-2600",
          "Volledige titel: Antwoord op vragen van de leden Karabulut en Van der Lee over uitstel.");

  @Test
  void seedDocumentGivesEveryField() {
    Kamervraag doc = TestDocuments.parsed(SEED);
    assertEquals("2011Z18417", doc.caseNumber());
    assertEquals(Optional.of("Het gebruik van sociale media door gemeenten"), doc.title());
    assertEquals(LocalDate.of(2011, 9, 23), doc.submitted());
    assertEquals(Optional.of(LocalDate.of(2011, 10, 14)), doc.answered());
    assertEquals(Optional.of(21), doc.statedDays());
    assertEquals(List.of(new Person("Arjan El Fassed", List.of(), Optional.of("GL"))), doc.submitters());
    assertEquals(
        List.of(
            new Person(
                "Piet Hein Donner",
                List.of(new Position("minister", Optional.of("binnenlandse zaken en koninkrijksrelaties"))),
                Optional.of("CDA"))),
        doc.answerers());
    assertEquals(
        List.of("bestuur", "cultuur en recreatie", "gemeenten", "media"),
        doc.topics().stream().map(t -> t.label()).toList());
    assertEquals(Optional.of("kv-tk-2011Z18417"), doc.questionId());
    assertEquals(Optional.of("ah-tk-20112012-312"), doc.answerId());
    assertEquals(Optional.of("2011-2012"), doc.parliamentaryYear());
    assertTrue(doc.questionFullTitle().orElseThrow().startsWith("Vragen van het lid El Fassed (Groenlinks)"));
    assertTrue(doc.answerFullTitle().isPresent());
    assertEquals(5, doc.questions().size());
    assertEquals(
        "Kent u het onderzoek van David Kok naar het gebruik van sociale media door gemeenten in Nederland?1",
        doc.questions().get(0).text());
    assertEquals(Optional.of("Ja, dat is mij bekend."), doc.questions().get(0).answer());
    assertTrue(doc.questions().stream().allMatch(q -> q.answer().isPresent()));
    assertEquals(2, doc.footnotes().size());
    assertEquals(Optional.of("www.david-kok.nl"), doc.footnotes().get(1).domain());
    assertTrue(doc.footnotes().get(0).text().contains("22 september 2011"), "no-break space became a space");
    assertFalse(doc.truncated());
    assertEquals(List.of(), doc.warnings());
  }

  @Test
  void crlfByteOrderMarkAndTrailingSpacesParseTheSame() {
    Kamervraag plain = TestDocuments.parsed(SEED);
    String hostile = "\uFEFF" + SEED.replace("\n", "  \r\n");
    assertEquals(plain, TestDocuments.parsed(hostile));
    assertEquals(plain, TestDocuments.parsed(SEED.replace("\n", "\r")));
  }

  @Test
  void postponementsFourSpaceIndentsAndOddPersons() {
    Kamervraag doc = TestDocuments.parsed(POSTPONED);
    assertEquals(
        List.of(
            new Person("Sadet Karabulut", List.of(), Optional.empty()),
            new Person("van der Lee", List.of(), Optional.of("GL")),
            new Person("Jan Jansen", List.of(), Optional.of("50PLUS/Klein"))),
        doc.submitters());
    assertEquals(
        List.of(
            new Person(
                "Mark Rutte",
                List.of(
                    new Position("minister-president", Optional.empty()),
                    new Position("minister", Optional.of("algemene zaken"))),
                Optional.of("VVD")),
            new Person("Ank Bijleveld", List.of(new Position("minister zonder portefeuille", Optional.empty())), Optional.of("CDA")),
            new Person("van Weel", List.of(), Optional.empty())),
        doc.answerers());
    assertEquals(
        List.of(
            new Question(1, "Eerste regel van de vraag?1\nTweede regel van de vraag?", Optional.of("Het antwoord.\n\nTweede alinea van het antwoord."), Optional.empty()),
            new Question(3, "Nog een vraag?", Optional.of("Zie antwoord vraag 1."), Optional.of(1))),
        doc.questions());
    assertEquals(1, doc.postponements().size());
    assertEquals(Optional.of(LocalDate.of(2019, 3, 21)), doc.postponements().get(0).date());
    assertEquals("De vragen kunnen niet binnen de termijn worden beantwoord.", doc.postponements().get(0).text());
    assertEquals(
        List.of(
            new Footnote(1, "NOS, 1 maart 2019, https://nos.nl/artikel/12345-een-heel-lang-artikel-over-iets…",
                Optional.of("https://nos.nl/artikel/12345-een-heel-lang-artikel-over-iets…"), Optional.of("nos.nl")),
            new Footnote(2, "Zie www.rijksoverheid.nl voor meer.", Optional.empty(), Optional.of("www.rijksoverheid.nl"))),
        doc.footnotes());
    assertFalse(doc.truncated());
  }

  @Test
  void unknownTopicWordsAreKeptAndReported() {
    Kamervraag doc = TestDocuments.parsed(POSTPONED);
    assertEquals(
        List.of("politie, brandweer en hulpdiensten", "ruimtevaart en sterren", "recht"),
        doc.topics().stream().map(t -> t.label()).toList());
    assertEquals(List.of(true, false, true), doc.topics().stream().map(t -> t.known()).toList());
    assertTrue(doc.warnings().contains("unknown topic 'ruimtevaart en sterren'"), doc.warnings()::toString);
  }

  @Test
  void statedDayCountThatDisagreesIsAWarning() {
    Kamervraag doc = TestDocuments.parsed(POSTPONED);
    assertEquals(Optional.of(62), doc.statedDays());
    assertTrue(doc.warnings().stream().noneMatch(w -> w.contains("day count")), doc.warnings()::toString);
    Kamervraag wrong = TestDocuments.parsed(POSTPONED.replace("(na 62 dagen)", "(na 61 dagen)"));
    assertTrue(wrong.warnings().contains("publisher's day count 61 disagrees with the dates (62 days)"), wrong.warnings()::toString);
  }

  @Test
  void textAfterTheFooterIsAWarningNotPartOfTheFullTitle() {
    Kamervraag clean = TestDocuments.parsed(SEED);
    assertTrue(clean.warnings().isEmpty(), clean.warnings()::toString);
    String appended = SEED.stripTrailing() + "\n\n \u2022 Vraag 99\n  Is dit nog een vraag?\n";
    Kamervraag doc = TestDocuments.parsed(appended);
    int lines = (int) SEED.stripTrailing().lines().count();
    assertEquals(List.of(
        "line " + (lines + 2) + ": unexpected text after the footer ignored: '\u2022 Vraag 99'",
        "line " + (lines + 3) + ": unexpected text after the footer ignored: 'Is dit nog een vraag?'"), doc.warnings());
    assertEquals(clean.answerFullTitle(), doc.answerFullTitle(), "the full title keeps only its own text");
    assertEquals(clean.questions(), doc.questions());
  }

  @Test
  void answerBeforeQuestionIsKeptWithAWarning() {
    Kamervraag doc =
        TestDocuments.parsed(SEED.replace("Beantwoord 14 oktober 2011 (na 21 dagen)", "Beantwoord 20 september 2011 (na -3 dagen)"));
    assertEquals(Optional.of(-3), doc.statedDays());
    assertTrue(doc.warnings().contains("answer dated 2011-09-20 is before the question's date 2011-09-23"), doc.warnings()::toString);
  }

  @Test
  void unansweredDocumentKeepsEveryParagraphInTheQuestion() {
    String open =
        String.join(
            "\n",
            "Kamervraag 2020Z14341",
            "",
            "Titel",
            "",
            "Ingediend 27 juli 2020",
            "Indiener Farid Azarkan (DENK)",
            "Onderwerpen dieren",
            "Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-2020Z14341.html",
            " • Vraag 1",
            "  Eerste deel.",
            "",
            "  Tweede deel?",
            " • Vraag 2",
            "  Nog een?",
            "",
            "Kamervraag document nummer: kv-tk-2020Z14341",
            "Volledige titel: Titel");
    Kamervraag doc = TestDocuments.parsed(open);
    assertFalse(doc.isAnswered());
    assertEquals(List.of(), doc.answerers());
    assertEquals(Optional.empty(), doc.answerUrl());
    assertEquals("Eerste deel.\n\nTweede deel?", doc.questions().get(0).text());
    assertTrue(doc.questions().stream().allMatch(q -> q.answer().isEmpty()));
    assertFalse(doc.truncated());
    assertEquals(List.of(), doc.warnings());
  }

  @Test
  void emptySubmitterAndTopicValuesAreAllowed() {
    Kamervraag doc = TestDocuments.parsed(SEED.replace("Indiener Arjan El Fassed (GL)", "Indiener").replace("Onderwerpen bestuur cultuur en recreatie gemeenten media", "Onderwerpen "));
    assertEquals(List.of(), doc.submitters());
    assertEquals(List.of(), doc.topics());
  }

  @Test
  void documentCutOffMidAnswerIsMarkedTruncated() {
    String cut = SEED.substring(0, SEED.indexOf("Dit blijkt uit") + 20);
    Kamervraag doc = TestDocuments.parsed(cut);
    assertTrue(doc.truncated());
    assertEquals(2, doc.questions().size());
    assertEquals(Optional.of("Dit blijkt uit het o"), doc.questions().get(1).answer());
    assertEquals(Optional.of("ah-tk-20112012-312"), doc.answerId(), "answer id taken from its URL");
  }

  @Test
  void failuresNameTheLineAndWhatWasExpected() {
    assertFailure("", 0, "the file is empty");
    assertFailure("Hallo wereld\n", 1, "expected 'Kamervraag <case number>' (like 'Kamervraag 2011Z18417'), found 'Hallo wereld'");
    assertFailure(SEED.replace("Kamervraag 2011Z18417", "Kamervraag 2011X18417"), 1, "malformed case number '2011X18417'");
    assertFailure(SEED.replace("Ingediend 23 september 2011", "Ingediend 31 februari 2019"), 5, "'Ingediend': '31 februari 2019' is not a valid date");
    assertFailure(SEED.replace("Ingediend 23 september 2011", "Ingediend 23 septober 2011"), 5, "'Ingediend': '23 septober 2011' is not a valid date");
    assertFailure(SEED.replace("Ingediend 23 september 2011", "Ingediend 23 september 1011"), 5, "year 1011");
    assertFailure(SEED.replace("Beantwoord 14 oktober 2011", "Beantwoord 14 oktober 20111"), 6, "'Beantwoord'");
    assertFailure(SEED.replace("Ingediend 23 september 2011\n", ""), 11, "expected 'Ingediend <date>' in the header, found '1. «Gemeenten");
    assertFailure("Kamervraag 2011Z18417\n\nTitel\n\nIngediend 23 sep", 5, "'Ingediend'");
    assertFailure("Kamervraag 2011Z18417\n\nTitel\n", 4, "expected 'Ingediend <date>' in the header, found the end of the file");
  }

  private static void assertFailure(String text, int line, String reasonStart) {
    ParseResult result = TestDocuments.parseText(text);
    ParseResult.Failed failed = assertInstanceOf(ParseResult.Failed.class, result, () -> "expected a failure, got " + result);
    assertTrue(failed.reason().contains(reasonStart), () -> "reason was: " + failed.reason());
    assertEquals(line, failed.line(), () -> "line of: " + failed.describe());
  }
}
