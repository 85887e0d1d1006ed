package nl.kamervragen.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.kamervragen.model.Kamervraag;
import nl.kamervragen.model.Layout;
import nl.kamervragen.model.ParseResult;
import nl.kamervragen.model.Person;
import nl.kamervragen.model.Topic;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parses every real document of the dev corpus and compares with the hand-checked values in its
 * {@code expected.csv}.
 */
class DevCorpusTest {

  static Stream<CSVRecord> expectations(String layout) throws IOException {
    List<CSVRecord> records =
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
            .parse(new StringReader(TestDocuments.text("dev-corpus/expected.csv")))
            .getRecords();
    return records.stream().filter(r -> r.get("layout").equals(layout));
  }

  static Stream<CSVRecord> headerDocuments() throws IOException {
    return expectations("header");
  }

  static Stream<CSVRecord> tableDocuments() throws IOException {
    return expectations("table");
  }

  static Stream<CSVRecord> headerlessDocuments() throws IOException {
    return expectations("headerless");
  }

  private static Kamervraag parse(CSVRecord expected) {
    return TestDocuments.parsedResource("dev-corpus/" + expected.get("id") + ".txt");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headerDocuments")
  void headerDocumentsMatchTheHandCheckedValues(CSVRecord expected) {
    Kamervraag doc = parse(expected);
    assertEquals(expected.get("id"), doc.caseNumber());
    assertEquals(Layout.HEADER, doc.layout());
    assertHeaderFields(expected, doc);
    assertEquals(
        expected.get("topics_raw"),
        doc.topics().stream().map(Topic::label).collect(Collectors.joining(" ")),
        "topics joined by a space give back topics_raw");
    assertEquals(!Boolean.parseBoolean(expected.get("complete")), doc.truncated(), "truncated");
    assertTrue(doc.title().isPresent(), "title");
    assertTrue(doc.questionUrl().orElse("").contains(expected.get("id")), "question URL");
    assertEquals(doc.isAnswered(), doc.answerUrl().isPresent(), "answer URL iff answered");
    assertTrue(!doc.questions().isEmpty(), "questions seen before the cut");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tableDocuments")
  void tableRenderingsAreParsedAsFarAsTheyGo(CSVRecord expected) {
    Kamervraag doc = parse(expected);
    assertEquals(expected.get("id"), doc.caseNumber());
    assertEquals(Layout.TABLE, doc.layout());
    assertHeaderFields(expected, doc);
    assertEquals(
        expected.get("topics_raw"),
        doc.topics().stream().map(Topic::label).collect(Collectors.joining(" ")));
    assertTrue(doc.truncated());
    assertTrue(doc.questions().isEmpty());
    assertTrue(
        doc.warnings().stream().anyMatch(w -> w.startsWith("table rendering")), doc.warnings()::toString);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headerlessDocuments")
  void headerlessRenderingsAreRejectedWithAReason(CSVRecord expected) {
    ParseResult result =
        TestDocuments.parseText(TestDocuments.text("dev-corpus/" + expected.get("id") + ".txt"));
    ParseResult.Failed failed = assertInstanceOf(ParseResult.Failed.class, result);
    assertEquals(3, failed.line());
    assertTrue(failed.reason().contains("no header"), failed.reason());
  }

  private static void assertHeaderFields(CSVRecord expected, Kamervraag doc) {
    assertEquals(LocalDate.parse(expected.get("submitted")), doc.submitted(), "submitted");
    assertEquals(optionalDate(expected.get("answered")), doc.answered(), "answered");
    assertEquals(
        expected.get("days_stated").isEmpty()
            ? Optional.empty()
            : Optional.of(Integer.valueOf(expected.get("days_stated"))),
        doc.statedDays(),
        "stated days");
    assertEquals(canonical(expected.get("submitters")), render(doc.submitters()), "submitters");
    assertEquals(canonical(expected.get("answerers")), render(doc.answerers()), "answerers");
  }

  private static Optional<LocalDate> optionalDate(String value) {
    return value.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(value));
  }

  /** The raw header value without the stray spaces before commas and parentheses. */
  private static String canonical(String raw) {
    return raw.replaceAll("\\s+,", ",").replaceAll("\\s+\\)", ")").strip();
  }

  /** Renders parsed persons back in the document's notation: every part must survive parsing. */
  static String render(List<Person> persons) {
    return persons.stream()
        .map(
            p -> {
              StringBuilder s = new StringBuilder(p.name());
              if (!p.positions().isEmpty()) {
                s.append(" (")
                    .append(
                        p.positions().stream()
                            .map(pos -> pos.title() + pos.ministry().map(m -> " " + m).orElse(""))
                            .collect(Collectors.joining(", ")))
                    .append(')');
              }
              p.party().ifPresent(party -> s.append(" (").append(party).append(')'));
              return s.toString();
            })
        .collect(Collectors.joining(", "));
  }
}
