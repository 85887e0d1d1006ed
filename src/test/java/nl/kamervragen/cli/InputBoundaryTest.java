package nl.kamervragen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.kamervragen.parse.TestDocuments;
import nl.kamervragen.table.Tables;
import nl.kamervragen.testing.MainRun;
import nl.kamervragen.testing.TableFiles;
import nl.kamervragen.testing.TestArchive;
import org.apache.beam.sdk.values.Row;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input boundary, end to end: links, loops, special files, odd names, encodings and
 * conflicting copies, all made at test time; every entry is one row, nothing from outside the
 * archive gets in, and every table names files relative to the archive.
 */
class InputBoundaryTest {

  private static final String SEED = TestDocuments.text("seed.txt");
  private static final String SECRET = "root:secret-hash-4f1c";

  @TempDir Path work;
  private Path archive;
  private Path outside;

  @BeforeEach
  void makeOutside() throws IOException {
    archive = Files.createDirectories(work.resolve("archive"));
    outside = Files.createDirectories(work.resolve("etc"));
    Files.writeString(outside.resolve("shadow"), SECRET + ":19000:0:99999:7:::\n");
    for (int i = 0; i < 5; i++) {
      Files.writeString(outside.resolve("cert-" + i + ".pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n");
    }
  }

  private static String document(String caseNumber) {
    return SEED.replace("2011Z18417", caseNumber);
  }

  private void write(String name, byte[] bytes) throws IOException {
    Path file = archive.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  /** A file whose name holds exactly these percent-encoded bytes. */
  private void writeRaw(String encodedName, String text) throws IOException {
    Files.writeString(Path.of(URI.create(archive.toUri() + encodedName)), text);
  }

  private MainRun run(Path output, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("--input=" + archive, "--output=" + output, "--referenceDate=2026-01-01",
        "--maxRejectedShare=1"));
    args.addAll(List.of(extra));
    return MainRun.of(args.toArray(String[]::new));
  }

  @Test
  void everyEntryIsOneRowAndNothingFromOutsideTheArchiveGetsIn() throws Exception {
    write("2011/2011Z18417.txt", document("2011Z18417").getBytes(StandardCharsets.UTF_8));
    Files.createSymbolicLink(archive.resolve("2011/shadow.txt"), outside.resolve("shadow"));
    Files.createSymbolicLink(archive.resolve("certs"), outside);
    Files.createSymbolicLink(archive.resolve("2011/up"), Path.of(".."));
    Files.createSymbolicLink(archive.resolve("loop-a.txt"), Path.of("loop-b.txt"));
    Files.createSymbolicLink(archive.resolve("loop-b.txt"), Path.of("loop-a.txt"));
    assertEquals(0, new ProcessBuilder("mkfifo", archive.resolve("pipe.txt").toString()).start().waitFor());
    writeRaw("new%0Aline.txt", document("2011Z90011"));
    writeRaw("carriage%0Dreturn.txt", document("2011Z90012"));
    writeRaw("bad%FFbyte.txt", document("2011Z90013"));
    write("=cmd.txt", document("2011Z90014").getBytes(StandardCharsets.UTF_8));
    write("utf16.txt", ("\uFEFF" + document("2011Z90015")).getBytes(StandardCharsets.UTF_16LE));
    write("utf16-no-bom.txt", document("2011Z90016").getBytes(StandardCharsets.UTF_16BE));
    byte[] good = document("2011Z90017").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream broken = new ByteArrayOutputStream();
    int title = SEED.indexOf("Het gebruik");
    broken.write(good, 0, title);
    broken.write(new byte[] {(byte) 0xE9, (byte) 0x92, (byte) 0xFF}, 0, 3);
    broken.write(good, title, good.length - title);
    write("invalid-bytes.txt", broken.toByteArray());

    Path output = work.resolve("tables");
    MainRun run = run(output);
    assertEquals(0, run.exitCode(), run::printed);

    Map<String, CSVRecord> files = byName(TableFiles.csv(output, Tables.INPUT_FILES).records(), "source_file");
    assertEquals(List.of("'=cmd.txt", "2011/2011Z18417.txt", "2011/shadow.txt", "2011/up", "bad\\xFFbyte.txt", "carriage\\x0Dreturn.txt",
        "certs", "invalid-bytes.txt", "loop-a.txt", "loop-b.txt", "new\\x0Aline.txt", "pipe.txt", "utf16-no-bom.txt", "utf16.txt"),
        List.copyOf(files.keySet()), "every entry once; the folder link and the loop are one entry each");
    assertEquals("symbolic_link", files.get("2011/shadow.txt").get("kind"));
    assertEquals(outside.resolve("shadow").toString(), files.get("2011/shadow.txt").get("link_target"));
    assertEquals("", files.get("2011/shadow.txt").get("read_bytes"), "never opened");
    assertEquals("fifo", files.get("pipe.txt").get("kind"));
    assertEquals(files.get("2011/2011Z18417.txt").get("bytes"), files.get("2011/2011Z18417.txt").get("read_bytes"));
    assertFalse(files.get("2011/2011Z18417.txt").get("modified").isEmpty());

    Map<String, CSVRecord> rejects = byName(TableFiles.csv(output, Tables.REJECTS).records(), "source_file");
    String notFollowed = "list  a symbolic link, not followed (--followLinks follows links that stay inside the input folder)";
    for (String link : List.of("2011/shadow.txt", "2011/up", "certs", "loop-a.txt", "loop-b.txt")) {
      assertEquals(notFollowed, describe(rejects.get(link)), link);
    }
    assertEquals("list  a FIFO (named pipe), not a file: not opened", describe(rejects.get("pipe.txt")));
    assertEquals("read  UTF-16 text without a byte-order mark (NUL bytes at every other offset): only UTF-16 with a byte-order mark is read",
        describe(rejects.get("utf16-no-bom.txt")));
    assertEquals(7, rejects.size(), rejects::toString);

    Map<String, CSVRecord> documents = byName(TableFiles.csv(output, Tables.DOCUMENTS).records(), "source_file");
    assertEquals(List.of("'=cmd.txt", "2011/2011Z18417.txt", "bad\\xFFbyte.txt", "carriage\\x0Dreturn.txt", "invalid-bytes.txt",
        "new\\x0Aline.txt", "utf16.txt"), List.copyOf(documents.keySet()));
    assertEquals("", documents.get("utf16.txt").get("warnings"), "UTF-16 with a byte-order mark reads cleanly");
    // E9 92 is the start of a three-byte sequence that stops short: one bad sequence, then FF.
    assertEquals("not valid UTF-8 at byte offsets " + title + ", " + (title + 2) + ": read as U+FFFD",
        documents.get("invalid-bytes.txt").get("warnings"));
    assertEquals("2011-09-23", documents.get("invalid-bytes.txt").get("submitted"), "a good document, read as UTF-8");
    List<Row> parquet = TableFiles.parquet(output, Tables.DOCUMENTS);
    assertTrue(parquet.stream().anyMatch(r -> r.getString("source_file").equals("=cmd.txt")), "Parquet keeps the name as it is");

    Map<String, Long> summary = summary(output);
    assertEquals(14, summary.get("files"));
    assertEquals(summary.get("files"), summary.get("documents") + summary.get("duplicates") + summary.get("rejected"));

    try (Stream<Path> written = Files.list(output)) {
      for (Path file : written.filter(f -> !f.getFileName().toString().equals("manifest.json")).toList()) {
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertFalse(content.contains(SECRET), file + " holds content from outside the archive");
        assertFalse(content.contains("BEGIN CERTIFICATE"), file + " holds content from outside the archive");
        assertFalse(content.contains(archive.toString()), file + " names the archive's absolute path");
      }
    }
  }

  @Test
  void followedLinksStayInsideTheArchive() throws Exception {
    write("2011/2011Z18417.txt", document("2011Z18417").getBytes(StandardCharsets.UTF_8));
    write("extra/2011Z90021.md", document("2011Z90021").getBytes(StandardCharsets.UTF_8));
    Files.createSymbolicLink(archive.resolve("2011/shadow.txt"), outside.resolve("shadow"));
    Files.createSymbolicLink(archive.resolve("2011/up.txt"), Path.of(".."));
    Files.createSymbolicLink(archive.resolve("copy.txt"), Path.of("2011/2011Z18417.txt"));
    Files.createSymbolicLink(archive.resolve("extra.txt"), Path.of("extra/2011Z90021.md"));
    Path output = work.resolve("tables");
    MainRun run = MainRun.of("--input=" + archive + "/**.txt", "--output=" + output, "--referenceDate=2026-01-01", "--maxRejectedShare=1",
        "--followLinks=true");
    assertEquals(0, run.exitCode(), run::printed);
    Map<String, CSVRecord> rejects = byName(TableFiles.csv(output, Tables.REJECTS).records(), "source_file");
    assertEquals("list  a symbolic link to outside the input folder, not followed", describe(rejects.get("2011/shadow.txt")));
    assertEquals("list  a symbolic link to a folder inside the input folder, not followed: its files are read where they are",
        describe(rejects.get("2011/up.txt")));
    assertEquals("list  a symbolic link to 2011/2011Z18417.txt, which is read under its own name", describe(rejects.get("copy.txt")));
    Map<String, CSVRecord> documents = byName(TableFiles.csv(output, Tables.DOCUMENTS).records(), "source_file");
    assertEquals(List.of("2011/2011Z18417.txt", "extra.txt"), List.copyOf(documents.keySet()), "each file read once");
    assertEquals(Map.of("files", 5L, "documents", 2L, "duplicates", 0L, "rejected", 3L),
        summary(work.resolve("tables")).entrySet().stream().filter(e -> List.of("files", "documents", "duplicates", "rejected").contains(e.getKey()))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  @Test
  void aFolderLinkLoopDoesNotMultiplyTheArchive() throws Exception {
    TestArchive.writeMany(archive, 60);
    Files.createSymbolicLink(archive.resolve("2019/up"), Path.of(".."));
    for (String follow : List.of("false", "true")) {
      Path output = work.resolve("tables-" + follow);
      MainRun run = run(output, "--followLinks=" + follow);
      assertEquals(0, run.exitCode(), run::printed);
      assertTrue(run.out().contains("done: 61 files = 60 documents + 0 duplicates + 1 rejected"), run.out());
    }
  }

  @Test
  void conflictingCopiesAreDecidedByTheDocumentedRuleAndShownEverywhere() throws Exception {
    String real = document("2019Z00007");
    write("2019/2019Z00007.txt", real.getBytes(StandardCharsets.UTF_8));
    write("0-title-only.txt", real.replace("Het gebruik van sociale media door gemeenten", "Een verzonnen titel").getBytes(StandardCharsets.UTF_8));
    write("2019/copy-of-2019Z00007.txt", real.getBytes(StandardCharsets.UTF_8));
    Path output = work.resolve("tables");
    MainRun run = run(output);
    assertEquals(0, run.exitCode(), run::printed);
    assertTrue(run.out().contains("done: 3 files = 1 documents + 2 duplicates (1 conflicting) + 0 rejected"), run.out());

    assertEquals("2019/2019Z00007.txt", TableFiles.csv(output, Tables.DOCUMENTS).only("id", "2019Z00007").get("source_file"));
    Map<String, CSVRecord> duplicates = byName(TableFiles.csv(output, Tables.DUPLICATES).records(), "duplicate_file");
    assertEquals("the kept file is named after the case number, this one is not (the contents differ)", duplicates.get("0-title-only.txt").get("reason"));
    assertEquals("true", duplicates.get("0-title-only.txt").get("conflict"));
    assertEquals("false", duplicates.get("2019/copy-of-2019Z00007.txt").get("conflict"), "the same content is a plain duplicate");
    assertEquals(1, summary(output).get("conflicts"));

    Document report = Jsoup.parse(output.resolve("report.html").toFile(), "UTF-8");
    assertTrue(report.select(".card").eachText().contains("Tegenstrijdige kopieën 1"), report.select(".card").eachText()::toString);
    assertEquals(List.of("2019Z00007", "2019/2019Z00007.txt", "0-title-only.txt",
        "the kept file is named after the case number, this one is not (the contents differ)"),
        report.select("table.conflicts tbody tr").get(0).select("td").eachText());
  }

  private static String describe(CSVRecord reject) {
    return reject == null ? null : reject.get("stage") + " " + reject.get("line") + " " + reject.get("reason");
  }

  private static Map<String, CSVRecord> byName(List<CSVRecord> records, String column) {
    Map<String, CSVRecord> byName = new TreeMap<>();
    records.forEach(r -> assertEquals(null, byName.put(r.get(column), r), "one row per " + r.get(column)));
    return byName;
  }

  private static Map<String, Long> summary(Path output) throws IOException {
    return TableFiles.csv(output, Tables.SUMMARY).records().stream()
        .collect(Collectors.toMap(r -> r.get("metric"), r -> Long.parseLong(r.get("value"))));
  }
}
