package nl.kamervragen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.kamervragen.core.RunChanges.Facts;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

class RunChangesTest {

  private static Facts facts(String id, String status, boolean overdue, int postponements, String sha) {
    return new Facts(id, status, overdue, postponements, sha);
  }

  @Test
  void theFirstChangeThatAppliesIsTheOne() {
    Facts open = facts("2020Z00001", "open", false, 0, "a");
    assertEquals(Optional.of(RunChanges.NEW), RunChanges.change(null, open));
    assertEquals(Optional.of(RunChanges.REMOVED), RunChanges.change(open, null));
    assertEquals(Optional.of(RunChanges.ANSWERED), RunChanges.change(open, facts("2020Z00001", "answered", false, 1, "b")),
        "answered, though postponed and changed too");
    assertEquals(Optional.of(RunChanges.NEWLY_OVERDUE), RunChanges.change(open, facts("2020Z00001", "open", true, 1, "b")));
    assertEquals(Optional.of(RunChanges.POSTPONED), RunChanges.change(open, facts("2020Z00001", "open", false, 1, "b")));
    assertEquals(Optional.of(RunChanges.CHANGED), RunChanges.change(open, facts("2020Z00001", "open", false, 0, "b")));
    assertEquals(Optional.empty(), RunChanges.change(open, facts("2020Z00001", "open", false, 0, "a")));
    assertEquals(Optional.empty(), RunChanges.change(facts("2020Z00001", "open", true, 0, "a"), facts("2020Z00001", "open", true, 0, "a")),
        "still overdue is no news");
    assertEquals(Optional.empty(), RunChanges.change(facts("2020Z00001", "open", false, 0, null), open),
        "a previous run without content hashes cannot tell a changed set");
    assertThrows(IllegalArgumentException.class, () -> RunChanges.change(null, null));
  }

  @Test
  void aBucketGivesOneRowPerChangedSetWithBothStatusesAndThePreviousRun() {
    List<Row> rows = RunChanges.rows(
        List.of(facts("2020Z00001", "open", false, 0, "a"), facts("2020Z00002", "answered", false, 0, "b"), facts("2020Z00003", "open", false, 0, "c")),
        List.of(facts("2020Z00001", "answered", false, 0, "a2"), facts("2020Z00003", "open", false, 0, "c"), facts("2020Z00004", "open", false, 0, "d")),
        "20261201T000000Z-1");
    Map<String, String> byId = rows.stream().collect(Collectors.toMap(r -> r.getString("id"),
        r -> r.getString("change") + " " + r.getString("previous_status") + "->" + r.getString("status") + " " + r.getString("previous_run_id")));
    assertEquals(Map.of(
        "2020Z00001", "answered open->answered 20261201T000000Z-1",
        "2020Z00002", "removed answered->null 20261201T000000Z-1",
        "2020Z00004", "new null->open 20261201T000000Z-1"), byId);
  }

  @Test
  void aCopysFactsAreThoseOfItsDocumentsRow() {
    for (Row parsed : TestParsedDocuments.copiesOfTheSeed()) {
      Row document = ParsedDocument.document(parsed);
      assertEquals(Facts.of(document),
          Facts.of(ParsedDocument.candidate(parsed), ParsedDocument.stats(parsed).overdue(), document.getInt32("postponements")),
          ParsedDocument.sourceFile(parsed));
    }
  }

  @Test
  void setsAreComparedInTheBucketsTheDocumentsTableIsStagedIn() {
    assertEquals("2020Z14", RunChanges.bucketOf("2020Z14341"));
  }
}
