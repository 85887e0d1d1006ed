package nl.kamervragen.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.kamervragen.model.Kamervraag;
import nl.kamervragen.model.ParseResult;
import nl.kamervragen.parse.TestDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticArchiveTest {

  private static final int SAMPLE = 3000;

  @Test
  void theSameSeedGivesTheSameDocuments() {
    for (int i = 0; i < 50; i++) {
      assertEquals(SyntheticArchive.document(7, i), SyntheticArchive.document(7, i));
    }
    assertNotEquals(SyntheticArchive.document(7, 3).text(), SyntheticArchive.document(8, 3).text());
  }

  @Test
  void everyDocumentParsesCleanlyAndTheDistributionsHold() {
    List<Kamervraag> docs = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    Set<String> caseNumbers = new HashSet<>();
    for (int i = 0; i < SAMPLE; i++) {
      SyntheticArchive.Document generated = SyntheticArchive.document(42, i);
      ParseResult result = TestDocuments.parseText(generated.text());
      if (!(result instanceof ParseResult.Parsed parsed)) {
        throw new AssertionError("document " + i + " does not parse: " + result + "\n" + generated.text());
      }
      Kamervraag doc = parsed.document();
      assertEquals(List.of(), doc.warnings(), () -> "document " + generated.caseNumber() + ":\n" + generated.text());
      assertTrue(!doc.truncated());
      assertEquals(generated.caseNumber(), doc.caseNumber());
      assertTrue(generated.relativePath().startsWith(doc.submitted().getYear() + "/"), generated.relativePath());
      assertTrue(caseNumbers.add(doc.caseNumber()), "unique case numbers");
      docs.add(doc);
      sizes.add(generated.text().getBytes(StandardCharsets.UTF_8).length);
    }
    double unanswered = docs.stream().filter(d -> !d.isAnswered()).count() / (double) SAMPLE;
    assertTrue(unanswered > 0.10 && unanswered < 0.15, "about one in eight unanswered: " + unanswered);

    List<Integer> days = new ArrayList<>(docs.stream().filter(Kamervraag::isAnswered)
        .map(d -> (int) java.time.temporal.ChronoUnit.DAYS.between(d.submitted(), d.answered().get())).toList());
    Collections.sort(days);
    int median = days.get(days.size() / 2);
    assertTrue(median >= 22 && median <= 35, "median near four weeks: " + median);
    long pastAYear = days.stream().filter(d -> d > 365).count();
    assertTrue(pastAYear > 0 && pastAYear < days.size() * 0.03, "a tail past a year: " + pastAYear);

    assertTrue(docs.stream().allMatch(d -> d.submitters().size() >= 1 && d.submitters().size() <= 9));
    assertTrue(docs.stream().anyMatch(d -> d.submitters().size() >= 5), "large co-signed sets occur");
    assertTrue(docs.stream().anyMatch(d -> d.submitters().stream().anyMatch(p -> p.party().isEmpty())), "members without a party");
    assertTrue(docs.stream().filter(Kamervraag::isAnswered).allMatch(d -> d.answerers().size() >= 1 && d.answerers().size() <= 3));
    assertTrue(docs.stream().anyMatch(d -> d.answerers().stream().anyMatch(p -> p.positions().isEmpty())), "surname-only answerers");
    // ... each of whom joins the one member of government with that surname.
    nl.kamervragen.person.NameCensus names = new nl.kamervragen.person.NameCensus();
    docs.forEach(d -> d.answerers().forEach(p -> names.add(p.name(), p.party(), d.submitted().getYear())));
    nl.kamervragen.person.PersonKeys keys = nl.kamervragen.person.PersonKeys.resolve(names);
    List<String> surnamesAlone = names.names().keySet().stream().filter(n -> !nl.kamervragen.person.PersonName.isFull(n)).toList();
    assertTrue(!surnamesAlone.isEmpty() && surnamesAlone.stream().allMatch(keys::joins), surnamesAlone + " " + keys.joined());
    assertTrue(docs.stream().anyMatch(d -> d.answerers().stream().anyMatch(p -> p.positions().stream().anyMatch(pos -> pos.ministry().orElse("").contains(",")))), "ministries with commas");
    assertTrue(docs.stream().allMatch(d -> d.questions().size() >= 1 && d.questions().size() <= 15));
    assertTrue(docs.stream().allMatch(d -> d.topics().stream().allMatch(t -> t.known())), "topics come from the vocabularies");
    long postponed = docs.stream().filter(d -> !d.postponements().isEmpty()).count();
    assertTrue(postponed > SAMPLE * 0.2 && postponed < SAMPLE * 0.6, "postponements on late ones: " + postponed);
    // Notices come on late answers only, dated within the first three weeks, and on most of them.
    for (Kamervraag d : docs.stream().filter(d -> !d.postponements().isEmpty()).toList()) {
      assertTrue(d.isAnswered(), d.caseNumber() + ": a notice on an open set");
      long replyDays = java.time.temporal.ChronoUnit.DAYS.between(d.submitted(), d.answered().get());
      assertTrue(replyDays > 21, d.caseNumber() + ": a notice on an answer within three weeks");
      java.time.LocalDate notice = d.postponements().get(0).date().orElseThrow();
      assertTrue(!notice.isBefore(d.submitted().plusDays(14)) && !notice.isAfter(d.submitted().plusDays(21)), d.caseNumber() + ": notice " + notice);
    }
    long late = docs.stream().filter(d -> d.isAnswered()
        && java.time.temporal.ChronoUnit.DAYS.between(d.submitted(), d.answered().get()) > 21).count();
    assertTrue(postponed > late * 0.5 && postponed < late * 0.7, "a notice on about 60 % of late answers: " + postponed + " of " + late);
    assertTrue(docs.stream().anyMatch(d -> !d.footnotes().isEmpty() && d.footnotes().stream().anyMatch(f -> f.domain().isPresent())));

    Collections.sort(sizes);
    int p05 = sizes.get(SAMPLE / 20);
    int p95 = sizes.get(SAMPLE - SAMPLE / 20);
    assertTrue(p05 >= 1_500 && p95 <= 15_000, "documents of 2-15 KB: p5 " + p05 + ", p95 " + p95);
  }

  @TempDir Path work;

  @Test
  void theCommandWritesPerYearFoldersTheSameWayTwiceAndSaysTheyAreSynthetic() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    assertEquals(0, GenerateCommand.run(new String[] {"--documents=40", "--seed=3", "--out=" + work.resolve("a")}, print, print));
    assertEquals(0, GenerateCommand.run(new String[] {"--documents=40", "--seed=3", "--out=" + work.resolve("b")}, print, print));
    assertEquals(0, GenerateCommand.run(new String[] {"--documents=40", "--seed=3", "--gzip", "--out=" + work.resolve("c")}, print, print));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("wrote 40 SYNTHETIC documents"), out::toString);
    List<Path> files = list(work.resolve("a"));
    assertEquals(40, files.size());
    for (Path file : files) {
      Path relative = work.resolve("a").relativize(file);
      assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(work.resolve("b").resolve(relative)), relative.toString());
      assertTrue(Files.exists(work.resolve("c").resolve(relative + ".gz")));
    }
    assertEquals(2, GenerateCommand.run(new String[] {"--documents=0"}, print, print));
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
