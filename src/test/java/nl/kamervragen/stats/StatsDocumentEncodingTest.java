package nl.kamervragen.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.kamervragen.core.ParsedDocument;
import nl.kamervragen.core.TestParsedDocuments;
import org.junit.jupiter.api.Test;

/** Statistics inputs written compactly read back equal, one per writer or many through one. */
class StatsDocumentEncodingTest {

  private static final String[] DOCUMENTS = {"seed.txt", "dev-corpus/2020Z14341.txt", "dev-corpus/2019Z10944.txt", "dev-corpus/2014Z20341.txt"};

  /** An open set with no answerers, a negative response time and an unknown ministry: every optional and edge case. */
  private static StatsDocument unusual() {
    return new StatsDocument(LocalDate.of(2024, 2, 29), false, Optional.of(-3), Optional.of(false), true, 0,
        List.of(new StatsDocument.Member("A. Jansen", Optional.empty()), new StatsDocument.Member("Jansen", Optional.of("SP"), "a-jansen")),
        List.of(), List.of(new StatsDocument.Ministry("Ministerie van Nergens", "Ministerie van Nergens", false)), List.of(),
        2, true, 1, Optional.empty(), LocalDate.of(2024, 3, 21), List.of("example.org", "example.org"), List.of());
  }

  /** The documents' statistics inputs, the unusual one, and one of them again (its strings all seen before: written by number). */
  private static List<StatsDocument> samples() throws Exception {
    List<StatsDocument> documents = new ArrayList<>();
    for (String resource : DOCUMENTS) {
      documents.add(ParsedDocument.stats(TestParsedDocuments.ofResource(resource)));
    }
    documents.add(unusual());
    documents.add(documents.get(0));
    return documents;
  }

  @Test
  void manyDocumentsThroughOneWriterReadBackInOrder() throws Exception {
    List<StatsDocument> documents = samples();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StatsEncoding.Writer writer = new StatsEncoding.Writer(bytes);
    for (StatsDocument document : documents) {
      StatsDocumentEncoding.write(writer, document);
    }
    StatsEncoding.Reader reader = new StatsEncoding.Reader(new ByteArrayInputStream(bytes.toByteArray()));
    for (StatsDocument document : documents) {
      assertEquals(document, StatsDocumentEncoding.read(reader));
    }
  }

  @Test
  void aCutOffDocumentIsAnError() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StatsDocumentEncoding.write(new StatsEncoding.Writer(bytes), unusual());
    byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() - 2);
    assertThrows(EOFException.class, () -> StatsDocumentEncoding.read(new StatsEncoding.Reader(new ByteArrayInputStream(cut))));
  }

  @Test
  void aStringCutShortIsAnError() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new StatsEncoding.Writer(bytes).string("Binnenlands Bestuur");
    byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() - 1);
    assertThrows(EOFException.class, () -> new StatsEncoding.Reader(new ByteArrayInputStream(cut)).string());
  }

  @Test
  void aBatchReadsBackInOrderAndItsEndIsChecked() throws Exception {
    List<StatsDocument> documents = samples();
    byte[] batch = StatsDocumentEncoding.batch(documents);
    List<StatsDocument> read = new ArrayList<>();
    StatsDocumentEncoding.forEachIn(batch, read::add);
    assertEquals(documents, read);

    List<StatsDocument> none = new ArrayList<>();
    StatsDocumentEncoding.forEachIn(StatsDocumentEncoding.batch(List.of()), none::add);
    assertEquals(List.of(), none);
    assertThrows(EOFException.class, () -> StatsDocumentEncoding.forEachIn(java.util.Arrays.copyOf(batch, batch.length - 1), d -> {}));
    byte[] longer = java.util.Arrays.copyOf(batch, batch.length + 1);
    assertThrows(java.io.IOException.class, () -> StatsDocumentEncoding.forEachIn(longer, d -> {}), "bytes after the last document");
  }
}
