package nl.kamervragen.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import nl.kamervragen.core.DocumentIntake;
import nl.kamervragen.core.ParsedDocument;
import nl.kamervragen.core.TestParsedDocuments;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staging entries' rows in runs, and merging the runs back in the table's order. */
class DocumentRunsTest {

  @TempDir Path output;

  @Test
  void aFullBufferIsWrittenOutAsRunsThatMergeBackInCaseNumberOrder() throws IOException {
    Staging staging = TestStaging.in(output);
    List<Row> copies = TestParsedDocuments.copiesOfTheSeed();
    // A budget of one byte: every document fills the buffer, so each is a run of its own.
    DocumentRuns.Buffer buffer = new DocumentRuns.Buffer(staging, 1);
    List<Row> documents = new ArrayList<>();
    List<Row> overdue = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = copies.size() - 1; i >= 0; i--) {
      names.add(buffer.add(TestEntries.parsed(copies.get(i))));
      assertTrue(buffer.full());
      for (KV<String, Row> run : buffer.flush()) {
        if (run.getKey().equals(Tables.OVERDUE.name())) {
          overdue.add(run.getValue());
        }
        if (run.getKey().equals(Tables.DOCUMENTS.name())) {
          documents.add(run.getValue());
          assertEquals(1L, run.getValue().getInt64("rows"));
          assertEquals(Tables.DOCUMENTS.bucketOfKey(ParsedDocument.id(copies.get(i))), run.getValue().getString("bucket"));
        }
      }
      assertFalse(buffer.full(), "empty after it is written out");
    }
    assertEquals(5, documents.size());
    assertEquals(5, names.stream().map(name -> name.substring(0, name.indexOf('/'))).distinct().count(), "each run its own id");

    // Keep b/full.txt (added second to last) of the three copies of 2011Z18417.
    Set<String> setAside = Set.of(names.get(4), names.get(2));
    List<String> merged = new ArrayList<>();
    new RunMerge(Tables.DOCUMENTS, setAside).merge(documents, record -> merged.add(record.get("id") + " " + record.get("source_file")));
    assertEquals(List.of("2011Z18417 b/full.txt", "2020Z14341 dev-corpus/2020Z14341.txt", "2023Z00461 dev-corpus/2023Z00461.txt"), merged);

    // Only the open set is overdue: due 2020-08-17, 1,963 days before the reference date 2026-01-01;
    // its row is staged in the band of its days.
    Row expected = Tables.OVERDUE.row()
        .addValues("2020Z14341", "Rituele slacht en het Offerfeest", LocalDate.of(2020, 7, 27), 21, LocalDate.of(2020, 8, 17),
            1963, 1984, 0, null, "Farid Azarkan", "DENK", "criminaliteit; dieren; landbouw; openbare orde en veiligheid",
            "https://zoek.officielebekendmakingen.nl/kv-tk-2020Z14341.html", "dev-corpus/2020Z14341.txt")
        .build();
    assertEquals(1, overdue.size());
    assertEquals(Tables.OVERDUE.bucketOf(expected), overdue.get(0).getString("bucket"));
    List<Row> overdueRows = new ArrayList<>();
    new RunMerge(Tables.OVERDUE, setAside).merge(overdue, record -> overdueRows.add(Tables.OVERDUE.fromAvro(record)));
    assertEquals(List.of(expected), overdueRows);
  }

  @Test
  void inputInBucketOrderDoesNotLeaveEveryBucketItPassedAnArray() throws IOException {
    // Entries of a thousand buckets in turn, as chunks of a listing give them: each bucket's array
    // is at least 4 KB, so a buffer that kept them all would hold 4 MB after writing out 64 KB runs.
    long budget = 64 * 1024;
    DocumentRuns.Buffer buffer = new DocumentRuns.Buffer(TestStaging.in(output), budget);
    for (int i = 0; i < 1000; i++) {
      String file = String.format(Locale.ROOT, "%07d/link.txt", i);
      // A kilobyte an entry: a link's input_files row, with its target.
      Row inventory = Tables.INPUT_FILES.row().withFieldValue("source_file", file).withFieldValue("kind", "symbolic_link")
          .withFieldValue("link_target", "/elsewhere/" + "x".repeat(1000)).build();
      Row reject = Tables.REJECTS.row().withFieldValue("source_file", file).withFieldValue("stage", "list").withFieldValue("reason", "a link").build();
      buffer.add(new DocumentIntake.Outcome(inventory, Optional.empty(), Optional.of(reject)));
      if (buffer.full()) {
        buffer.flush();
        assertTrue(buffer.heldBytes() <= budget + 4096, buffer.heldBytes() + " bytes held after writing out");
      }
    }
    assertTrue(buffer.heldBytes() <= 3 * budget, buffer.heldBytes() + " bytes held");
  }

  @Test
  void twoKeptCopiesOfOneCaseNumberAreAnErrorNotTwoRows() throws IOException {
    Staging staging = TestStaging.in(output);
    DocumentRuns.Buffer buffer = new DocumentRuns.Buffer(staging, DocumentRuns.budgetBytes());
    List<Row> copies = TestParsedDocuments.copiesOfTheSeed();
    buffer.add(TestEntries.parsed(copies.get(1)));
    buffer.add(TestEntries.parsed(copies.get(2)));
    List<Row> runs = buffer.flush().stream().filter(run -> run.getKey().equals(Tables.DOCUMENTS.name())).map(KV::getValue).toList();
    IllegalStateException twice = assertThrows(IllegalStateException.class,
        () -> new RunMerge(Tables.DOCUMENTS, Set.of()).merge(runs, record -> {}));
    assertEquals("documents: two kept copies of 2011Z18417 (a copy was not set aside)", twice.getMessage());
  }

  @Test
  void everyEntrysInputFilesRowIsStagedAndKeptInFileOrder() throws IOException {
    Staging staging = TestStaging.in(output);
    DocumentRuns.Buffer buffer = new DocumentRuns.Buffer(staging, DocumentRuns.budgetBytes());
    List<Row> copies = TestParsedDocuments.copiesOfTheSeed();
    Row reject = Tables.REJECTS.row()
        .withFieldValue("source_file", "a/empty.txt").withFieldValue("stage", "read").withFieldValue("reason", "the file is empty").build();
    String cut = buffer.add(TestEntries.parsed(copies.get(0)));
    assertNull(buffer.add(TestEntries.rejected(reject)), "no document: no copy to name");
    String full = buffer.add(TestEntries.parsed(copies.get(1)));
    List<KV<String, Row>> runs = buffer.flush();
    List<Row> inputFiles = runs.stream().filter(run -> run.getKey().equals(Tables.INPUT_FILES.name())).map(KV::getValue).toList();
    List<Row> documents = runs.stream().filter(run -> run.getKey().equals(Tables.DOCUMENTS.name())).map(KV::getValue).toList();

    // A copy set aside leaves the document tables, never input_files: every entry read is listed there.
    List<String> files = new ArrayList<>();
    new RunMerge(Tables.INPUT_FILES, Set.of()).merge(inputFiles, record -> files.add(record.get("source_file").toString()));
    assertEquals(List.of("a/cut.txt", "a/empty.txt", "b/full.txt"), files);
    List<String> kept = new ArrayList<>();
    new RunMerge(Tables.DOCUMENTS, Set.of(cut)).merge(documents, record -> kept.add(record.get("source_file").toString()));
    assertEquals(List.of("b/full.txt"), kept);
    assertTrue(full.startsWith(cut.substring(0, cut.indexOf('/') + 1)), "one run for the bundle");
    assertTrue(DocumentRuns.followsCopies(Tables.DOCUMENTS));
    assertFalse(DocumentRuns.followsCopies(Tables.INPUT_FILES));
  }
}
