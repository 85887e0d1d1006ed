package nl.kamervragen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateResolverTest {

  private static Candidate c(String file, String sha, boolean truncated, boolean answered, int answeredQ, int questions, int warnings) {
    return new Candidate("2020Z00001", file, sha, truncated, answered, answeredQ, questions, warnings);
  }

  @Test
  void eachRuleDecidesInOrder() {
    assertEquals(
        "the kept copy is complete, this one is cut off (the contents differ)",
        only(c("a", "1", true, true, 5, 5, 0), c("b", "2", false, false, 0, 1, 3)).reason());
    assertEquals(
        "the kept copy is answered, this one is open (the contents differ)",
        only(c("a", "1", false, false, 0, 5, 0), c("b", "2", false, true, 0, 1, 3)).reason());
    assertEquals(
        "the kept copy has more answered questions (4 against 3) (the contents differ)",
        only(c("a", "1", false, true, 3, 5, 0), c("b", "2", false, true, 4, 4, 3)).reason());
    assertEquals(
        "the kept copy has more questions (5 against 4) (the contents differ)",
        only(c("a", "1", false, true, 3, 4, 0), c("b", "2", false, true, 3, 5, 3)).reason());
    assertEquals(
        "the kept copy has fewer warnings (0 against 2) (the contents differ)",
        only(c("a", "1", false, true, 3, 4, 2), c("b", "2", false, true, 3, 4, 0)).reason());
    assertEquals(
        "identical content; kept the first file name in sort order",
        only(c("b", "1", false, true, 3, 4, 0), c("a", "1", false, true, 3, 4, 0)).reason());
    DuplicateResolver.Decision tie = only(c("b", "1", false, true, 3, 4, 0), c("a", "2", false, true, 3, 4, 0));
    assertEquals("equally complete but different content; kept the first file name in sort order", tie.reason());
    assertEquals("a", tie.keptFile());
    assertEquals("b", tie.duplicateFile());
  }

  @Test
  void aFileNamedAfterItsCaseNumberWinsFirstAndEveryConflictIsMarked() {
    // The case: a file with a fake, shorter text beat the real one by file-name order.
    DuplicateResolver.Decision named = only(
        c("0-title-only.txt", "1", false, true, 5, 5, 0), c("2019/2020Z00001.txt", "2", true, false, 0, 1, 2));
    assertEquals("2019/2020Z00001.txt", named.keptFile());
    assertEquals("the kept file is named after the case number, this one is not (the contents differ)", named.reason());
    assertTrue(named.conflict());
    assertEquals("2020Z00001.txt.gz", only(c("2020Z00001.txt.gz", "1", false, true, 1, 1, 0), c("a.txt", "1", false, true, 1, 1, 0)).keptFile(),
        "extensions do not count");
    assertEquals("2020z00001.TXT", only(c("2020z00001.TXT", "1", false, true, 1, 1, 0), c("a.txt", "1", false, true, 1, 1, 0)).keptFile());
    assertFalse(only(c("b", "1", false, true, 3, 4, 0), c("a", "1", false, true, 3, 4, 0)).conflict(), "identical content is no conflict");
    assertEquals("the kept copy has more questions (5 against 4)",
        only(c("x/2020Z00001.txt", "1", false, true, 3, 4, 0), c("y/2020Z00001.txt", "1", false, true, 3, 5, 0)).reason(),
        "both named after the case: the next rule decides");
  }

  @Test
  void theDecisionDoesNotDependOnArrivalOrder() {
    List<Candidate> copies = new ArrayList<>(List.of(
        c("x/3.txt", "1", true, true, 5, 5, 0), c("x/1.txt", "2", false, true, 2, 5, 0),
        c("x/2.txt", "3", false, true, 2, 5, 0), c("y/0.txt", "4", false, false, 0, 6, 0)));
    List<DuplicateResolver.Decision> first = DuplicateResolver.resolve(copies);
    for (int i = 0; i < 10; i++) {
      Collections.shuffle(copies, new java.util.Random(i));
      assertEquals(first, DuplicateResolver.resolve(copies));
    }
    assertEquals(3, first.size());
    first.forEach(d -> assertEquals("x/1.txt", d.keptFile()));
    assertEquals(List.of(), DuplicateResolver.resolve(List.of(copies.get(0))));
  }

  private static DuplicateResolver.Decision only(Candidate... copies) {
    List<DuplicateResolver.Decision> decisions = DuplicateResolver.resolve(List.of(copies));
    assertEquals(1, decisions.size());
    return decisions.get(0);
  }
}
