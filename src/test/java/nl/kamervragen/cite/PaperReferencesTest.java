package nl.kamervragen.cite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nl.kamervragen.cite.PaperReference.Kind;
import org.junit.jupiter.api.Test;

class PaperReferencesTest {

  private static List<String> found(String text) {
    return PaperReferences.find(text, "2024Z00001").stream().map(r -> r.kind().label() + " " + r.reference()).toList();
  }

  @Test
  void kamerstukkenInEveryWritingBecomeOneReference() {
    assertEquals(List.of("kamerstuk 21501-32, nr. 1703"), found("zie Kamerstuk 21 501-32, nr. 1703."));
    assertEquals(List.of("kamerstuk 21501-32, nr. 1703"), found("(Kamerstukken II 2019/20, 21501-32, nr. 1703)"));
    assertEquals(List.of("kamerstuk 29628, nr. 423"), found("heb aangegeven (Kamerstuk 29\u00A0628, nr. 423), heeft"));
    assertEquals(List.of("kamerstuk 35300-VI, nr. 5"), found("Kamerstuk 35 300 VI, nr. 5"));
    assertEquals(List.of("kamerstuk 21501-02, nr. 2603"), found("1. Kamerstuk 21 501-02, nr. 2603: «Tegelijkertijd denk ik"));
  }

  @Test
  void severalNumbersGiveOneReferenceEach() {
    assertEquals(
        List.of("kamerstuk 33963, nr. 5", "kamerstuk 33963, nr. 7"),
        found("de initiatiefnota van het lid Van Laar (Kamerstuk 33 963 nrs. 5 en 7)."));
  }

  @Test
  void answersToWrittenQuestionsAreNamedByParliamentaryYearAndNumber() {
    assertEquals(List.of("aanhangsel 2024-2025, nr. 1028"), found("Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1028"));
    assertEquals(List.of("aanhangsel 2019-2020, nr. 1234"), found("Aanhangsel Handelingen II 2019/20, nr. 1234"));
    assertEquals(List.of(), found("Aanhangsel Handelingen II 2019/23, nr. 1234"), "not a parliamentary year");
  }

  @Test
  void caseNumbersOtherThanTheDocumentsOwn() {
    assertEquals(List.of("case_number 2023Z12345"), found("eerdere vragen 2023Z12345 en deze, 2024Z00001"));
    assertEquals(List.of(), found("nummer 2023Z123456 is te lang"));
  }

  @Test
  void referencesComeInTextOrderWithWhatWasWritten() {
    List<PaperReference> refs =
        PaperReferences.find("Vragen 2023Z00002 (Aanhangsel Handelingen II 2022/23, nr. 7) en Kamerstuk 36 200, nr. 1", "x");
    assertEquals(List.of(Kind.CASE_NUMBER, Kind.AANHANGSEL, Kind.KAMERSTUK), refs.stream().map(PaperReference::kind).toList());
    assertEquals("Kamerstuk 36 200, nr. 1", refs.get(2).found());
  }

  @Test
  void plainTextHasNoReferences() {
    assertEquals(List.of(), found("Bent u bekend met het bericht in nr. 5 van de krant van 2023?"));
  }
}
