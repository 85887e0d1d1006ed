package nl.kamervragen.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import nl.kamervragen.core.ParsedDocument;
import nl.kamervragen.core.Statistics;
import nl.kamervragen.core.SummaryMeasures;
import nl.kamervragen.core.TestParsedDocuments;
import nl.kamervragen.input.ArchiveWalker;
import nl.kamervragen.input.InputSelection;
import nl.kamervragen.input.ListedEntry;
import nl.kamervragen.input.ListingFile;
import nl.kamervragen.person.NameCensus;
import nl.kamervragen.person.PersonKeys;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's own coders give back what they were given. */
class CodersTest {

  @TempDir Path archive;

  @Test
  void statsDocumentsSurviveTheirCoder() throws Exception {
    for (String resource : new String[] {"seed.txt", "dev-corpus/2020Z14341.txt", "dev-corpus/2019Z10944.txt", "dev-corpus/2014Z20341.txt"}) {
      CoderProperties.coderDecodeEncodeEqual(StatsDocumentCoder.of(), ParsedDocument.stats(TestParsedDocuments.ofResource(resource)));
    }
  }

  @Test
  void partialStatisticsSurviveTheirCoderWithEveryTableRow() throws Exception {
    Statistics empty = new Statistics(TestParsedDocuments.REFERENCE_DATE);
    CoderProperties.coderDecodeEncodeEqual(StatisticsCoder.of(), empty);
    Statistics statistics = new Statistics(TestParsedDocuments.REFERENCE_DATE);
    // Every document of the dev corpus that has a header (the headerless ones are rejects).
    try (Reader expected = Files.newBufferedReader(Path.of("src/test/resources/dev-corpus/expected.csv"))) {
      for (CSVRecord document : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(expected)) {
        if (!document.get("layout").equals("headerless")) {
          statistics.add(TestParsedDocuments.ofResource("dev-corpus/" + document.get("id") + ".txt"));
        }
      }
    }
    statistics.add(TestParsedDocuments.ofResource("seed.txt"));
    CoderProperties.coderDecodeEncodeEqual(StatisticsCoder.of(), statistics);
    Statistics decoded = CoderUtils.clone(StatisticsCoder.of(), statistics);
    statistics.tableRows().forEach((table, rows) ->
        assertEquals(new HashSet<>(rows), new HashSet<>(decoded.tableRows().get(table)), table.name()));
    assertEquals(statistics.totals(), decoded.totals());
    assertTrue(statistics.totals().get(SummaryMeasures.DOCUMENTS) > 40, "the whole dev corpus");
  }

  @Test
  void namesAndPersonKeysSurviveTheirCoders() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(NameCensusCoder.of(), new NameCensus());
    NameCensus census = new NameCensus();
    for (String resource : new String[] {"seed.txt", "dev-corpus/2019Z10944.txt", "dev-corpus/2016Z15741.txt", "dev-corpus/2012Z02446.txt"}) {
      ParsedDocument.stats(TestParsedDocuments.ofResource(resource)).addNamesTo(census);
    }
    census.add("Donner", java.util.Optional.empty(), 2011);
    assertTrue(census.names().size() > 8);
    CoderProperties.coderDecodeEncodeEqual(NameCensusCoder.of(), census);
    PersonKeys keys = PersonKeys.resolve(census);
    assertEquals(java.util.Map.of("Donner", "piet-hein-donner"), keys.joined());
    CoderProperties.coderDecodeEncodeEqual(PersonKeysCoder.of(), keys);
    CoderProperties.coderDecodeEncodeEqual(PersonKeysCoder.of(), PersonKeys.none());
  }

  @Test
  void listingBlocksSurviveTheirCoder() throws Exception {
    Files.writeString(archive.resolve("a.txt"), "a");
    Files.createSymbolicLink(archive.resolve("b.txt"), Path.of("/etc/hostname"));
    List<ListedEntry> listed = new ArrayList<>();
    new ArchiveWalker(InputSelection.of(archive.toString(), false)).forEachRemaining(listed::add);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    ListingFile.write(file, listed.iterator());
    try (ListingFile.Sequence<ListingFile.Block> blocks = ListingFile.readBlocks(new ByteArrayInputStream(file.toByteArray()))) {
      ListingFile.Block block = blocks.next();
      CoderProperties.coderDecodeEncodeEqual(ListingBlockCoder.of(), block);
      assertEquals(listed, new ListingFile.BlockDecoder().entries(CoderUtils.clone(ListingBlockCoder.of(), block)));
      assertFalse(blocks.hasNext());
    }
  }
}
