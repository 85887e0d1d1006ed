package nl.kamervragen.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import nl.kamervragen.core.Candidate;
import nl.kamervragen.core.TestParsedDocuments;
import nl.kamervragen.ministry.MinistryFamilies;
import nl.kamervragen.parse.TestDocuments;
import nl.kamervragen.table.Tables;
import nl.kamervragen.testing.TestArchive;
import nl.kamervragen.testing.TestPipelineExtension;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class ReadDocumentsTest {

  @TempDir Path work;
  private Path input;

  @Test
  void everyFileBecomesADocumentOrARejectWithAReason(TestPipeline pipeline) throws Exception {
    input = work.resolve("archive");
    String seed = TestDocuments.text("seed.txt");
    write("2011/seed.txt", seed.getBytes(StandardCharsets.UTF_8));
    write("2011/seed-cp1252.txt", seed.replace("\u00A0", " ").getBytes(Charset.forName("windows-1252")));
    write("2020/2020Z14341.txt.gz", TestArchive.gzip(TestDocuments.text("dev-corpus/2020Z14341.txt").getBytes(StandardCharsets.UTF_8)));
    write("broken/empty.txt", new byte[0]);
    write("broken/binary.bin", new byte[] {'K', 0, 1, 2, 3});
    write("broken/headerless.txt", TestDocuments.text("dev-corpus/2022Z09118.txt").getBytes(StandardCharsets.UTF_8));
    byte[] gz = TestArchive.gzip(seed.getBytes(StandardCharsets.UTF_8));
    write("broken/cut.txt.gz", Arrays.copyOf(gz, gz.length / 2));
    write("broken/huge.txt", (seed + "x".repeat(70_000)).getBytes(StandardCharsets.UTF_8));
    write("broken/huge.txt.gz", TestArchive.gzip((seed + "x".repeat(70_000)).getBytes(StandardCharsets.UTF_8)));
    // A link to a file outside the archive: listed, never opened.
    Files.createSymbolicLink(input.resolve("broken/outside.txt"), Path.of("/proc/self/mem"));

    Path listing = TestStaging.listing(input, work.resolve("listing.avro"), false);
    RunConfig config = new RunConfig(listing.toString(), TestStaging.in(work.resolve("staging")), TestParsedDocuments.REFERENCE_DATE, 64 * 1024,
        MinistryFamilies.standard(), null);
    PCollection<KV<String, byte[]>> read = pipeline.apply(new ReadDocuments(config));

    PCollection<KV<String, byte[]>> entries = read.apply("Entries", Filter.by(keyed -> !keyed.getKey().equals(EncodedDocuments.RUNS_KEY)));
    PAssert.that(
            entries.apply("Documents", FlatMapElements.into(TypeDescriptors.strings()).via(keyed -> {
              List<String> documents = new java.util.ArrayList<>();
              // The archive is one chunk of the listing: both copies of the seed leave in one batch.
              assertEquals(keyed.getKey().equals("2011Z18") ? 2 : 1, decode(keyed.getValue()).size(), keyed.getKey());
              for (EncodedDocuments.Entry entry : decode(keyed.getValue())) {
                if (entry.document().isPresent()) {
                  Candidate candidate = entry.document().get().candidate();
                  assertTrue(entry.document().get().stagedAs().matches("[0-9a-f-]{36}/[0-9]+"), entry.document().get().stagedAs());
                  documents.add(keyed.getKey() + " " + candidate.id() + " " + candidate.sourceFile());
                }
              }
              return documents;
            })))
        .containsInAnyOrder(
            "2011Z18 2011Z18417 2011/seed.txt",
            "2011Z18 2011Z18417 2011/seed-cp1252.txt",
            "2020Z14 2020Z14341 2020/2020Z14341.txt.gz");
    // Every parsed copy's rows are staged where it was read, in runs, under the name its entry carries.
    PAssert.that(read).satisfies(all -> {
      List<Row> documents = new java.util.ArrayList<>();
      java.util.Map<String, String> stagedAs = new java.util.HashMap<>();
      for (KV<String, byte[]> keyed : all) {
        if (keyed.getKey().equals(EncodedDocuments.RUNS_KEY)) {
          KV<String, Row> part = decodeRun(keyed.getValue());
          if (part.getKey().equals(Tables.DOCUMENTS.name())) {
            documents.add(part.getValue());
          }
        } else {
          decode(keyed.getValue()).forEach(entry -> entry.document().ifPresent(d -> stagedAs.put(d.candidate().sourceFile(), d.stagedAs())));
        }
      }
      // The seed was read twice (once in Windows-1252): either copy, the other set aside.
      assertEquals(List.of("2011Z18417 2011/seed.txt [null]", "2020Z14341 2020/2020Z14341.txt.gz [null]"),
          staged(documents, stagedAs.get("2011/seed-cp1252.txt")));
      assertEquals(List.of("2011Z18417 2011/seed-cp1252.txt [not valid UTF-8: decoded as Windows-1252]", "2020Z14341 2020/2020Z14341.txt.gz [null]"),
          staged(documents, stagedAs.get("2011/seed.txt")));
      return null;
    });
    String tooLarge = "larger than the size cap of 65536 bytes (--maxFileBytes); not read";
    PAssert.that(entries.apply("Rejects", FlatMapElements.into(TypeDescriptors.rows()).via(keyed -> {
              List<Row> rejects = new java.util.ArrayList<>();
              for (EncodedDocuments.Entry entry : decode(keyed.getValue())) {
                assertTrue(keyed.getKey().startsWith("!") == entry.document().isEmpty(), "an entry without a document has a bucket of its own");
                entry.reject().ifPresent(rejects::add);
              }
              return rejects;
            })).setRowSchema(Tables.REJECTS.beamSchema()))
        .containsInAnyOrder(
            reject("broken/empty.txt", "read", null, "the file is empty"),
            reject("broken/binary.bin", "read", null, "binary content (NUL byte at offset 1), not a text document"),
            reject("broken/headerless.txt", "parse", 3, "expected the title or 'Ingediend <date>', found '• Vraag 1': the document has no header"),
            reject("broken/cut.txt.gz", "read", null, "cannot read the file: it ends unexpectedly (cut off or corrupt compressed data)"),
            reject("broken/huge.txt", "read", null, tooLarge),
            reject("broken/huge.txt.gz", "read", null, tooLarge),
            reject("broken/outside.txt", "list", null, "a symbolic link, not followed (--followLinks follows links that stay inside the input folder)"));
    long huge = Files.size(input.resolve("broken/huge.txt"));
    long seedBytes = Files.size(input.resolve("2011/seed.txt"));
    // Every entry's input_files row is staged where it was read, whatever became of the entry.
    PAssert.that(read).satisfies(all -> {
      List<Row> runs = new java.util.ArrayList<>();
      for (KV<String, byte[]> keyed : all) {
        if (keyed.getKey().equals(EncodedDocuments.RUNS_KEY) && decodeRun(keyed.getValue()).getKey().equals(Tables.INPUT_FILES.name())) {
          runs.add(decodeRun(keyed.getValue()).getValue());
        }
      }
      java.util.Map<String, String> byName = new java.util.LinkedHashMap<>();
      try {
        new RunMerge(Tables.INPUT_FILES, java.util.Set.of()).merge(runs, r -> byName.put(r.get("source_file").toString(),
            r.get("kind") + " " + r.get("bytes") + " " + r.get("read_bytes") + " " + r.get("link_target") + " " + (r.get("sha256") != null)));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      assertEquals(10, byName.size(), byName::toString);
      assertEquals(new java.util.TreeSet<>(byName.keySet()).stream().toList(), List.copyOf(byName.keySet()), "in file order");
      assertEquals("symbolic_link null null /proc/self/mem false", byName.get("broken/outside.txt"), "listed, never opened");
      assertEquals("file " + huge + " null null false", byName.get("broken/huge.txt"), "too large: not opened");
      assertTrue(byName.get("broken/huge.txt.gz").endsWith(" null false"), "read up to the cap only: no hash");
      assertEquals("file " + seedBytes + " " + seedBytes + " null true", byName.get("2011/seed.txt"), "read whole");
      return null;
    });
    pipeline.run();
  }

  private static List<EncodedDocuments.Entry> decode(byte[] encoded) {
    try {
      return new EncodedDocuments().decode(encoded);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The documents rows staged in these runs, but for one copy set aside. */
  private static List<String> staged(List<Row> runs, String setAside) {
    List<String> staged = new java.util.ArrayList<>();
    try {
      new RunMerge(Tables.DOCUMENTS, java.util.Set.of(setAside)).merge(runs, record -> {
        Row document = Tables.DOCUMENTS.fromAvro(record);
        staged.add(document.getString("id") + " " + document.getString("source_file") + " [" + document.getString("warnings") + "]");
      });
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return staged;
  }

  private static KV<String, Row> decodeRun(byte[] encoded) {
    try {
      return EncodedDocuments.decodeRun(encoded);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Row reject(String file, String stage, Integer line, String reason) {
    return Tables.REJECTS.row()
        .withFieldValue("source_file", file)
        .withFieldValue("stage", stage)
        .withFieldValue("line", line)
        .withFieldValue("reason", reason)
        .build();
  }

  private void write(String name, byte[] bytes) throws IOException {
    Path file = input.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }
}
