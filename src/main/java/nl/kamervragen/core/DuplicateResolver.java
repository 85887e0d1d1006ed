package nl.kamervragen.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks one copy when several files hold the same case number. The rule, in order, and
 * deterministic whatever order the copies arrive in:
 *
 * <ol>
 *   <li>a file named after its case number ({@code 2019Z00007.txt}, {@code 2019Z00007.txt.gz})
 *       over one that is not;
 *   <li>a complete copy over one that is cut off;
 *   <li>an answered copy over an open one;
 *   <li>more answered questions;
 *   <li>more questions;
 *   <li>fewer parser warnings;
 *   <li>the first file name in sort order.
 * </ol>
 *
 * <p>Copies whose content differs are <em>conflicts</em>: each decision says whether it settled one.
 */
public final class DuplicateResolver {

  /**
   * One copy set aside in favour of another.
   *
   * @param conflict the two copies' contents differ
   */
  public record Decision(String id, String keptFile, String duplicateFile, String reason, boolean conflict) {}

  private static final Comparator<Candidate> BEST_FIRST =
      Comparator.comparing((Candidate c) -> !namedAfterCase(c))
          .thenComparing(Candidate::truncated)
          .thenComparing(Candidate::answered, Comparator.reverseOrder())
          .thenComparing(Candidate::answeredQuestions, Comparator.reverseOrder())
          .thenComparing(Candidate::questions, Comparator.reverseOrder())
          .thenComparingInt(Candidate::warnings)
          .thenComparing(Candidate::sourceFile);

  private DuplicateResolver() {}

  /** Decides between copies of one case number; empty when there is only one. */
  public static List<Decision> resolve(List<Candidate> copies) {
    List<Candidate> sorted = new ArrayList<>(copies);
    sorted.sort(BEST_FIRST);
    Candidate kept = sorted.get(0);
    List<Decision> decisions = new ArrayList<>();
    for (Candidate other : sorted.subList(1, sorted.size())) {
      if (!other.id().equals(kept.id())) {
        throw new IllegalArgumentException("copies of different cases: " + kept.id() + ", " + other.id());
      }
      boolean conflict = !kept.contentSha256().equals(other.contentSha256());
      String reason = reason(kept, other);
      if (conflict && !reason.contains("different content")) {
        reason += " (the contents differ)";
      }
      decisions.add(new Decision(kept.id(), kept.sourceFile(), other.sourceFile(), reason, conflict));
    }
    return decisions;
  }

  /** Whether a copy's file name (without folders and extensions) is its case number. */
  static boolean namedAfterCase(Candidate copy) {
    String file = copy.sourceFile().substring(copy.sourceFile().lastIndexOf('/') + 1);
    int dot = file.indexOf('.');
    return (dot < 0 ? file : file.substring(0, dot)).equalsIgnoreCase(copy.id());
  }

  private static String reason(Candidate kept, Candidate other) {
    if (namedAfterCase(kept) != namedAfterCase(other)) {
      return "the kept file is named after the case number, this one is not";
    }
    if (kept.truncated() != other.truncated()) {
      return "the kept copy is complete, this one is cut off";
    }
    if (kept.answered() != other.answered()) {
      return "the kept copy is answered, this one is open";
    }
    if (kept.answeredQuestions() != other.answeredQuestions()) {
      return "the kept copy has more answered questions (" + kept.answeredQuestions() + " against " + other.answeredQuestions() + ")";
    }
    if (kept.questions() != other.questions()) {
      return "the kept copy has more questions (" + kept.questions() + " against " + other.questions() + ")";
    }
    if (kept.warnings() != other.warnings()) {
      return "the kept copy has fewer warnings (" + kept.warnings() + " against " + other.warnings() + ")";
    }
    if (kept.contentSha256().equals(other.contentSha256())) {
      return "identical content; kept the first file name in sort order";
    }
    return "equally complete but different content; kept the first file name in sort order";
  }
}
