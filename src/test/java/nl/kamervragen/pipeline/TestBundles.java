package nl.kamervragen.pipeline;

import java.time.LocalDate;
import java.util.List;
import nl.kamervragen.model.Kamervraag;
import nl.kamervragen.parse.TestDocuments;
import org.apache.beam.sdk.values.Row;

/** Bundles of test documents, as the read stage makes them. */
final class TestBundles {

  static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 1, 1);

  private TestBundles() {}

  static Row of(String text, String sourceFile) {
    Kamervraag doc = TestDocuments.parsed(text);
    return DocumentBundle.of(doc, sourceFile, Integer.toHexString(text.hashCode()), List.of(), REFERENCE_DATE);
  }

  static Row ofResource(String resource) {
    return of(TestDocuments.text(resource), resource);
  }
}
