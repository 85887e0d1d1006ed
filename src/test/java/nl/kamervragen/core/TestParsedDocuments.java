package nl.kamervragen.core;

import java.time.LocalDate;
import java.util.List;
import nl.kamervragen.ministry.MinistryFamilies;
import nl.kamervragen.model.Kamervraag;
import nl.kamervragen.parse.TestDocuments;
import org.apache.beam.sdk.values.Row;

/** Parsed test documents, as the read stage makes them. */
public final class TestParsedDocuments {

  public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 1, 1);

  private TestParsedDocuments() {}

  public static Row of(String text, String sourceFile) {
    Kamervraag doc = TestDocuments.parsed(text);
    return ParsedDocument.of(doc, sourceFile, Integer.toHexString(text.hashCode()), List.of(), REFERENCE_DATE, MinistryFamilies.standard());
  }

  public static Row ofResource(String resource) {
    return of(TestDocuments.text(resource), resource);
  }

  /** The seed three times (once cut off), and two other documents. */
  public static List<Row> copiesOfTheSeed() {
    String seed = TestDocuments.text("seed.txt");
    String cut = seed.substring(0, seed.indexOf("Dit blijkt uit"));
    return List.of(
        of(cut, "a/cut.txt"),
        of(seed, "b/full.txt"),
        of(seed, "c/full-again.txt"),
        ofResource("dev-corpus/2020Z14341.txt"),
        ofResource("dev-corpus/2023Z00461.txt"));
  }
}
