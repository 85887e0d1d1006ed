package nl.kamervragen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.kamervragen.table.Tables;
import nl.kamervragen.testing.MainRun;
import nl.kamervragen.testing.TableFiles;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad file a nightly archive can hold ({@code src/test/resources/hostile/}), in one
 * folder with good ones: each file must end as a document, a duplicate or a reject with a reason.
 */
class HostileInputTest {

  private static final Path HOSTILE = Path.of("src/test/resources/hostile");

  @TempDir Path work;

  @Test
  void everyHostileFileEndsAsADocumentADuplicateOrARejectWithItsReason() throws IOException {
    Path input = work.resolve("archive");
    Files.createDirectories(input);
    try (Stream<Path> files = Files.list(HOSTILE)) {
      for (Path file : files.toList()) {
        Files.copy(file, input.resolve(file.getFileName()));
      }
    }
    Files.write(input.resolve("oversized.txt"), new byte[2_100_000]);
    Path output = work.resolve("out");

    MainRun run =
        MainRun.of("--input=" + input, "--output=" + output, "--referenceDate=2026-01-01", "--maxFileBytes=2000000", "--maxRejectedShare=1");
    assertEquals(0, run.exitCode(), run::printed);

    Map<String, String> rejects =
        TableFiles.csv(output, Tables.REJECTS).records().stream()
            .collect(Collectors.toMap(r -> r.get("source_file"), r -> r.get("stage") + " " + r.get("line") + " " + r.get("reason")));
    assertEquals("read  the file is empty", rejects.get("empty.txt"));
    assertEquals("read  binary content (NUL byte at offset 0), not a text document", rejects.get("binary.bin"));
    assertEquals("parse 5 'Ingediend': '23 s' is not a valid date like '23 september 2011'", rejects.get("truncated-header.txt"));
    assertTrue(rejects.get("no-case-number.txt").startsWith("parse 2 expected 'Kamervraag <case number>'"), rejects.get("no-case-number.txt"));
    assertTrue(rejects.get("impossible-date.txt").startsWith("parse 5 'Ingediend': '31 februari 2019' is not a valid date"), rejects.get("impossible-date.txt"));
    assertTrue(rejects.get("unknown-month.txt").startsWith("parse 5 'Ingediend': '23 septober 2011' is not a valid date"), rejects.get("unknown-month.txt"));
    assertEquals("parse 5 'Ingediend': year 2211 in '23 september 2211' is outside 1815-2100", rejects.get("year-out-of-range.txt"));
    assertEquals("read  cannot read the file: it ends unexpectedly (cut off or corrupt compressed data)", rejects.get("corrupt.txt.gz"));
    assertTrue(rejects.get("not-a-kamervraag.txt").startsWith("parse 1 expected 'Kamervraag <case number>'"), rejects.get("not-a-kamervraag.txt"));
    assertEquals("read  larger than the size cap of 2000000 bytes (--maxFileBytes); not read", rejects.get("oversized.txt"));
    assertEquals(10, rejects.size(), rejects::toString);

    TableFiles.Csv documents = TableFiles.csv(output, Tables.DOCUMENTS);
    assertEquals("not valid UTF-8: decoded as Windows-1252", documents.only("id", "2011Z70001").get("warnings"));
    assertEquals("", documents.only("id", "2011Z70002").get("warnings"), "BOM and CRLF read cleanly");
    CSVRecord early = documents.only("id", "2011Z70006");
    assertEquals("", early.get("response_days"), "left out of response-time statistics");
    assertEquals("answer dated 2011-09-20 is before the question's date 2011-09-23", early.get("warnings"));
    assertEquals("publisher's day count 12 disagrees with the dates (21 days)", documents.only("id", "2011Z70007").get("warnings"));
    assertEquals("5", documents.only("id", "2011Z70008").get("questions"), "a 1 MB line parses");
    assertEquals("seed.txt", documents.only("id", "2011Z18417").get("source_file"));
    assertEquals(6, documents.records().size());

    CSVRecord duplicate = TableFiles.csv(output, Tables.DUPLICATES).only("id", "2011Z18417");
    assertEquals("duplicate-cut-off.txt", duplicate.get("duplicate_file"));
    assertEquals("the kept copy is complete, this one is cut off (the contents differ)", duplicate.get("reason"));
    assertEquals("true", duplicate.get("conflict"));

    Map<String, Long> summary =
        TableFiles.csv(output, Tables.SUMMARY).records().stream().collect(Collectors.toMap(r -> r.get("metric"), r -> Long.parseLong(r.get("value"))));
    assertEquals(17, summary.get("files"));
    assertEquals(summary.get("files"), summary.get("documents") + summary.get("duplicates") + summary.get("rejected"));
    assertEquals(1, summary.get("untimed"));
    assertEquals("5", TableFiles.csv(output, Tables.RESPONSE_TIME).allYears("dimension", "all").get("timed"), "the early answer is not timed");

    JsonNode manifest = new ObjectMapper().readTree(output.resolve("manifest.json").toFile());
    assertEquals(17, manifest.path("input").path("files").asLong());
    assertEquals(10, manifest.path("summary").path("rejected").asLong());
  }

  @Test
  void anEmptyInputFolderIsAClearFailure() throws IOException {
    Path empty = Files.createDirectories(work.resolve("empty"));
    MainRun run = MainRun.of("--input=" + empty, "--output=" + work.resolve("out"));
    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("kamervragen: no input files match '" + empty + "'"), run::err);
    assertTrue(Files.notExists(work.resolve("out")), "nothing published");
  }
}
