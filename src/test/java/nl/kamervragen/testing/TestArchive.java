package nl.kamervragen.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import nl.kamervragen.parse.TestDocuments;

/**
 * A folder mixing real, synthetic and broken documents, as a nightly archive might hold: the dev
 * corpus, the seed and a copy of it, variants with CRLF, a byte-order mark, Windows-1252 and gzip,
 * and files that cannot be documents.
 */
public final class TestArchive {

  /** Files written that are broken beyond reading, besides the dev corpus's headerless document. */
  public static final List<String> BROKEN =
      List.of("broken/bad-date.txt", "broken/binary.bin", "broken/empty.txt", "broken/not-a-kamervraag.txt");

  /** Documents written besides the dev corpus and the seed: synthetic variants with their own case numbers. */
  public static final int VARIANTS = 4;

  private TestArchive() {}

  /** Writes the archive into a folder and returns the number of files written. */
  public static int write(Path folder) throws IOException {
    int files = 0;
    Path corpus = Path.of("src/test/resources/dev-corpus");
    try (var listing = Files.list(corpus)) {
      for (Path file : listing.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        write(folder.resolve("dev").resolve(file.getFileName().toString()), Files.readAllBytes(file));
        files++;
      }
    }
    String seed = TestDocuments.text("seed.txt");
    write(folder.resolve("seed/000_b1b9bf750efe39c7.txt"), utf8(seed));
    write(folder.resolve("later-copies/seed-copy.txt"), utf8(seed));
    write(folder.resolve("variants/crlf-bom.txt"), utf8("\uFEFF" + seed.replace("2011Z18417", "2011Z90001").replace("\n", "\r\n")));
    write(folder.resolve("variants/cp1252.txt"),
        seed.replace("2011Z18417", "2011Z90002").replace('\u00A0', ' ').getBytes(Charset.forName("windows-1252")));
    write(folder.resolve("variants/gzipped.txt.gz"), gzip(utf8(seed.replace("2011Z18417", "2011Z90003"))));
    // An answerer by surname alone, as answer lines show some: the archive's one Blok is Stef Blok.
    write(folder.resolve("variants/surname-answerer.txt"), utf8(TestDocuments.text("dev-corpus/2019Z14964.txt")
        .replace("2019Z14964", "2019Z90004").replace("Beantwoord door Stef Blok (", "Beantwoord door Blok (")));
    write(folder.resolve("broken/bad-date.txt"), utf8(seed.replace("Ingediend 23 september 2011", "Ingediend 31 februari 2011")));
    write(folder.resolve("broken/binary.bin"), new byte[] {'K', 0, 1, 2, 3});
    write(folder.resolve("broken/empty.txt"), new byte[0]);
    write(folder.resolve("broken/not-a-kamervraag.txt"), utf8("Dit is geen Kamervraag.\n"));
    return files + 2 + VARIANTS + BROKEN.size();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The bytes, gzipped. */
  public static byte[] gzip(byte[] bytes) throws IOException {
    java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(buffer)) {
      out.write(bytes);
    }
    return buffer.toByteArray();
  }

  private static void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  /**
   * Writes {@code count} documents made from the dev corpus's header documents, each with its own
   * case number, in per-year folders: an archive large enough to keep a runner busy for a while.
   */
  public static void writeMany(Path folder, int count) throws IOException {
    List<String> documents = new java.util.ArrayList<>();
    try (var listing = Files.list(Path.of("src/test/resources/dev-corpus"))) {
      for (Path file : listing.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("Kamervraag ") && text.contains("\nIngediend ")) {
          documents.add(text);
        }
      }
    }
    for (int i = 0; i < count; i++) {
      String text = documents.get(i % documents.size());
      String caseNumber = text.substring("Kamervraag ".length(), "Kamervraag ".length() + 10);
      String year = caseNumber.substring(0, 4);
      String renumbered = String.format("%sZ%05d", year, i % 100_000);
      write(folder.resolve(year).resolve(renumbered + "-" + i + ".txt"), utf8(text.replace(caseNumber, renumbered)));
    }
  }
}
