package nl.kamervragen.pipeline;

import java.util.Optional;
import nl.kamervragen.core.DocumentIntake;
import nl.kamervragen.core.ParsedDocument;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.values.Row;

/** Outcomes of reading entries, as {@link DocumentIntake#read} gives them, for tests. */
final class TestEntries {

  private TestEntries() {}

  /** A plain file's {@code input_files} row. */
  static Row inventory(String file) {
    return Tables.INPUT_FILES.row().withFieldValue("source_file", file).withFieldValue("kind", "file").withFieldValue("bytes", 1L).build();
  }

  /** An entry read and parsed into this document. */
  static DocumentIntake.Outcome parsed(Row document) {
    return new DocumentIntake.Outcome(inventory(ParsedDocument.sourceFile(document)), Optional.of(document), Optional.empty());
  }

  /** An entry rejected with this row. */
  static DocumentIntake.Outcome rejected(Row reject) {
    return new DocumentIntake.Outcome(inventory(reject.getString("source_file")), Optional.empty(), Optional.of(reject));
  }
}
