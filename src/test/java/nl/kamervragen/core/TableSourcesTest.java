package nl.kamervragen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.kamervragen.input.ArchiveWalker;
import nl.kamervragen.input.InputSelection;
import nl.kamervragen.ministry.MinistryFamilies;
import nl.kamervragen.table.TableDefinition;
import nl.kamervragen.table.TableDefinition.Source;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every table declares where its rows come from; the core code of that source makes rows for
 * exactly those tables, on real documents. A table declared without a maker fails here.
 */
class TableSourcesTest {

  @TempDir Path work;

  @Test
  void parsedDocumentsMakeTheDocumentTables() throws IOException {
    Set<TableDefinition> made = new HashSet<>();
    for (Row document : devCorpus()) {
      ParsedDocument.forEachTableRow(document, (table, row) -> made.add(table));
    }
    assertEquals(Set.copyOf(Tables.from(Source.DOCUMENT)), made);
    assertEquals(Set.copyOf(Tables.from(Source.DOCUMENT)), ParsedDocument.TABLES);
  }

  @Test
  void statisticsMakeTheStatisticsTables() throws IOException {
    Statistics statistics = new Statistics(TestParsedDocuments.REFERENCE_DATE);
    devCorpus().forEach(statistics::add);
    Set<TableDefinition> made = new HashSet<>();
    statistics.tableRows().forEach((table, rows) -> {
      if (!rows.isEmpty()) {
        made.add(table);
      }
    });
    assertEquals(Set.copyOf(Tables.from(Source.STATISTICS)), made);
  }

  @Test
  void readingTheInputMakesTheInputTables() throws Exception {
    Files.writeString(work.resolve("a.txt"), "geen kamervraag");
    Set<TableDefinition> made = new HashSet<>();
    DocumentIntake intake = new DocumentIntake(1000, TestParsedDocuments.REFERENCE_DATE, MinistryFamilies.standard());
    new ArchiveWalker(InputSelection.of(work.toString(), false)).forEachRemaining(entry -> {
      DocumentIntake.Outcome outcome = intake.read(entry);
      made.add(table(outcome.inventory()));
      outcome.reject().ifPresent(reject -> made.add(table(reject)));
    });
    assertEquals(Set.copyOf(Tables.from(Source.INPUT)), made);
  }

  @Test
  void keptCopiesAndTheRunsMeasuresMakeTheirTables() {
    Set<TableDefinition> copies = new HashSet<>();
    KeptCopies.resolve(TestParsedDocuments.copiesOfTheSeed()).decisions().forEach(d -> copies.add(table(KeptCopies.duplicateRow(d))));
    assertEquals(Set.copyOf(Tables.from(Source.COPIES)), copies);
    Set<TableDefinition> run = new HashSet<>();
    SummaryMeasures.rows(new HashMap<>()).forEach(row -> run.add(table(row)));
    assertEquals(Set.copyOf(Tables.from(Source.RUN)), run);
  }

  @Test
  void everyTableHasOneOfTheFiveSources() {
    int sum = 0;
    for (Source source : Source.values()) {
      sum += Tables.from(source).size();
    }
    assertEquals(Tables.ALL.size(), sum);
  }

  private static TableDefinition table(Row row) {
    return Tables.ALL.stream().filter(t -> t.beamSchema().equals(row.getSchema())).findFirst().orElseThrow();
  }

  /** The dev corpus, and the seed with a postponement notice (the corpus's excerpts have none). */
  private static List<Row> devCorpus() throws IOException {
    String seed = nl.kamervragen.parse.TestDocuments.text("seed.txt");
    String postponed = seed.replace("2011Z18417", "2011Z90099")
        .replace("\nKamervraag document nummer:", "\n \u2022 Mededeling - 7 oktober 2011\n  Uitstel.\n\nKamervraag document nummer:");
    List<Row> documents = new java.util.ArrayList<>(List.of(TestParsedDocuments.of(postponed, "postponed.txt")));
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/dev-corpus"))) {
      documents.addAll(files.sorted().map(file -> {
        try {
          return TestParsedDocuments.of(Files.readString(file), file.getFileName().toString());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        } catch (AssertionError headerless) {
          return null; // the dev corpus's headerless document does not parse
        }
      }).filter(java.util.Objects::nonNull).toList());
    }
    return documents;
  }
}
