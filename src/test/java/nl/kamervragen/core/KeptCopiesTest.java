package nl.kamervragen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeptCopiesTest {

  @Test
  void keepsTheMostCompleteCopyOfEachCaseNumber() {
    KeptCopies.Resolved<org.apache.beam.sdk.values.Row> resolved = KeptCopies.resolve(TestParsedDocuments.copiesOfTheSeed());
    assertEquals(List.of("b/full.txt", "dev-corpus/2020Z14341.txt", "dev-corpus/2023Z00461.txt"),
        resolved.kept().stream().map(ParsedDocument::sourceFile).toList(), "kept, in case-number order");
    assertEquals(List.of("a/cut.txt", "c/full-again.txt"),
        resolved.decisions().stream().map(d -> d.duplicateFile()).sorted().toList());
  }
}
