package nl.kamervragen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.kamervragen.table.Tables;
import nl.kamervragen.testing.MainRun;
import nl.kamervragen.testing.TableFiles;
import nl.kamervragen.testing.TestArchive;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ministry families end to end: the shipped mapping, a user's own, and a mapping that is not there. */
class MinistryFamiliesOptionTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path work;
  private Path input;

  @BeforeEach
  void writeInput() throws IOException {
    input = work.resolve("archive");
    TestArchive.write(input);
  }

  private MainRun run(Path output, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("--input=" + input, "--output=" + output, "--referenceDate=2026-01-01", "--maxRejectedShare=0.2"));
    args.addAll(List.of(more));
    return MainRun.of(CLOCK, args.toArray(String[]::new));
  }

  private static Map<String, Long> summary(Path output) throws IOException {
    return TableFiles.csv(output, Tables.SUMMARY).records().stream()
        .collect(Collectors.toMap(r -> r.get("metric"), r -> Long.parseLong(r.get("value"))));
  }

  @Test
  void theShippedMappingKnowsEveryMinistryOfTheArchiveAndJoinsItsRenamings() throws IOException {
    Path output = work.resolve("out");
    MainRun run = run(output);
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(0, summary(output).get("unknown_ministries"));
    List<CSVRecord> ministries = TableFiles.csv(output, Tables.MINISTRIES).records();
    assertTrue(ministries.stream().allMatch(r -> r.get("known").equals("true")), ministries.toString());
    Map<String, String> familyOf = ministries.stream().collect(Collectors.toMap(r -> r.get("name"), r -> r.get("family")));
    assertEquals("justitie", familyOf.get("veiligheid en justitie"));
    assertEquals("justitie", familyOf.get("justitie en veiligheid"));
    // One family row per year and one over all years joins both names.
    CSVRecord justitie = TableFiles.csv(output, Tables.RESPONSE_TIME).records().stream()
        .filter(r -> r.get("dimension").equals("ministry_family") && r.get("value").equals("justitie") && r.get("year").isEmpty())
        .findFirst().orElseThrow();
    long sets = ministries.stream().filter(r -> r.get("family").equals("justitie")).mapToLong(r -> Long.parseLong(r.get("question_sets"))).sum();
    assertTrue(Long.parseLong(justitie.get("documents")) <= sets && Long.parseLong(justitie.get("documents")) > 0, justitie.toString());
    for (CSVRecord answerer : TableFiles.csv(output, Tables.ANSWERERS).records()) {
      assertEquals(answerer.get("ministry").isEmpty() ? "" : familyOf.get(answerer.get("ministry")), answerer.get("ministry_family"),
          answerer.toString());
    }
  }

  @Test
  void anOwnMappingDecidesTheFamiliesAndNamesItDoesNotKnowAreCounted() throws IOException {
    Path mapping = work.resolve("families.txt");
    Files.writeString(mapping, "# ours\nrecht | justitie en veiligheid | veiligheid en justitie\n");
    Path output = work.resolve("out");
    MainRun run = run(output, "--ministryFamilies=" + mapping);
    assertEquals(0, run.exitCode(), run.err());

    List<CSVRecord> ministries = TableFiles.csv(output, Tables.MINISTRIES).records();
    CSVRecord jenv = ministries.stream().filter(r -> r.get("name").equals("justitie en veiligheid")).findFirst().orElseThrow();
    assertEquals("recht", jenv.get("family"));
    assertEquals("true", jenv.get("known"));
    CSVRecord bz = ministries.stream().filter(r -> r.get("name").equals("buitenlandse zaken")).findFirst().orElseThrow();
    assertEquals("buitenlandse zaken", bz.get("family"), "a name the mapping does not know is its own family");
    assertEquals("false", bz.get("known"));
    long unknown = ministries.stream().filter(r -> r.get("known").equals("false")).count();
    assertTrue(unknown > 0);
    assertEquals(unknown, summary(output).get("unknown_ministries"));
    assertTrue(TableFiles.csv(output, Tables.ANSWERERS).records().stream()
        .anyMatch(r -> r.get("ministry").equals("veiligheid en justitie") && r.get("ministry_family").equals("recht")));
  }

  @Test
  void aMappingThatIsMissingOrWrongIsOneLineAndNothingRuns() throws IOException {
    Path output = work.resolve("out");
    MainRun missing = run(output, "--ministryFamilies=" + work.resolve("none.txt"));
    assertEquals(2, missing.exitCode());
    assertEquals("kamervragen: --ministryFamilies: no file '" + work.resolve("none.txt") + "'", missing.err().lines().findFirst().orElse(""));

    Path wrong = work.resolve("wrong.txt");
    Files.writeString(wrong, "recht\n");
    MainRun bad = run(output, "--ministryFamilies=" + wrong);
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().lines().findFirst().orElse("").endsWith("wrong.txt line 1: expected 'family | name | ...', got 'recht'"), bad.err());
    assertFalse(Files.exists(output.resolve("documents.csv")));
  }
}
