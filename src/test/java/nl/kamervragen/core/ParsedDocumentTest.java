package nl.kamervragen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** The rows a parsed document carries for the newer columns and tables, on hand-checked documents. */
class ParsedDocumentTest {

  @Test
  void paperReferencesOnePerDocumentNumber() {
    // "(Kamerstuk 33 963 nrs. 5 en 7)" in the answer to question 2.
    List<Row> references = ParsedDocument.details(TestParsedDocuments.ofResource("dev-corpus/2015Z22184.txt"), Tables.PAPER_REFERENCES);
    assertEquals(
        List.of(
            Tables.PAPER_REFERENCES.row().addValues("2015Z22184", 1, "answer", 2, "kamerstuk", "33963, nr. 5", "Kamerstuk 33 963 nrs. 5 en 7").build(),
            Tables.PAPER_REFERENCES.row().addValues("2015Z22184", 2, "answer", 2, "kamerstuk", "33963, nr. 7", "Kamerstuk 33 963 nrs. 5 en 7").build()),
        references);
  }

  @Test
  void footnotesNameTheirSiteAndOutlet() {
    List<String> footnotes = ParsedDocument.details(TestParsedDocuments.ofResource("seed.txt"), Tables.FOOTNOTES).stream()
        .map(r -> r.getInt32("number") + " " + r.getString("site") + " " + r.getString("outlet"))
        .toList();
    assertEquals(List.of("1 null Binnenlands Bestuur", "2 david-kok.nl null"), footnotes);
  }

  @Test
  void addresseesComeFromTheFullTitle() {
    assertEquals("minister van Binnenlandse Zaken en Koninkrijksrelaties",
        ParsedDocument.document(TestParsedDocuments.ofResource("seed.txt")).getString("addressed_to"));
    assertEquals(null, ParsedDocument.document(TestParsedDocuments.ofResource("dev-corpus/2020Z14341.txt")).getString("addressed_to"),
        "a cut-off document has no full title");
  }
}
