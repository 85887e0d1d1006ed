package nl.kamervragen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import nl.kamervragen.table.Tables;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

class InputFingerprintTest {

  private static final Row READ = Tables.INPUT_FILES.row().withFieldValue("source_file", "2019/2019Z14964.txt")
      .withFieldValue("bytes", 5812L).withFieldValue("sha256", "ab12").withFieldValue("kind", "file").build();
  private static final Row FORMULA = Tables.INPUT_FILES.row().withFieldValue("source_file", "=cmd.txt")
      .withFieldValue("bytes", 10L).withFieldValue("sha256", "cd34").withFieldValue("kind", "file").build();
  private static final Row LINK = Tables.INPUT_FILES.row().withFieldValue("source_file", "latest.txt")
      .withFieldValue("kind", "symbolic_link").withFieldValue("link_target", "../elsewhere.txt").build();

  @Test
  void isTheSha256OfTheRowsAsTheirCsvCellsShowThem() throws Exception {
    // One line per row: name, bytes, hash; kind and link target only for an entry that is not a
    // file; a name starting with '=' as the CSV file guards it.
    String lines = "2019/2019Z14964.txt\t5812\tab12\n'=cmd.txt\t10\tcd34\nlatest.txt\t\t\tsymbolic_link\t../elsewhere.txt\n";
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(lines.getBytes(StandardCharsets.UTF_8)));

    assertEquals(new InputFingerprint(3, 5822, expected), of(READ, FORMULA, LINK));
  }

  @Test
  void changesWithAnyEntryAndItsOrder() {
    InputFingerprint all = of(READ, FORMULA, LINK);
    assertNotEquals(all.sha256(), of(READ, FORMULA).sha256(), "an entry fewer");
    assertNotEquals(all.sha256(), of(FORMULA, READ, LINK).sha256(), "another order");
    Row changed = Tables.INPUT_FILES.row().withFieldValue("source_file", "2019/2019Z14964.txt")
        .withFieldValue("bytes", 5812L).withFieldValue("sha256", "ab13").withFieldValue("kind", "file").build();
    assertNotEquals(all.sha256(), of(changed, FORMULA, LINK).sha256(), "a changed hash");
    assertEquals(all, of(READ, FORMULA, LINK), "the same entries, the same fingerprint");
  }

  @Test
  void isKeptInAFileAndReadBack() throws IOException {
    InputFingerprint fingerprint = of(READ, LINK);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    fingerprint.writeTo(file);
    assertEquals(fingerprint, InputFingerprint.readFrom(new ByteArrayInputStream(file.toByteArray())));

    IOException incomplete = assertThrows(IOException.class,
        () -> InputFingerprint.readFrom(new ByteArrayInputStream("files=2\n".getBytes(StandardCharsets.UTF_8))));
    assertEquals("the input fingerprint .input-fingerprint is incomplete: [files]", incomplete.getMessage());
  }

  private static InputFingerprint of(Row... rows) {
    InputFingerprint.Builder builder = new InputFingerprint.Builder();
    for (Row row : List.of(rows)) {
      GenericRecord record = Tables.INPUT_FILES.toAvro(row);
      builder.add(record);
    }
    return builder.build();
  }
}
