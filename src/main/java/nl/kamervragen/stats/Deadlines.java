package nl.kamervragen.stats;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import nl.kamervragen.model.Kamervraag;

/**
 * The answering rules: 21 days, or 42 after a postponement notice; calendar days, as the
 * publisher counts them.
 */
public final class Deadlines {

  public static final int DEADLINE_DAYS = 21;
  public static final int POSTPONED_DEADLINE_DAYS = 42;

  private Deadlines() {}

  /**
   * The response-time facts of one document as of a reference date.
   *
   * @param responseDays days from submitted to answered; empty while open or when the answer is
   *     dated before the question (a data error the parser warns about)
   * @param deadlineDays 21, or 42 after a postponement notice
   * @param deadline submitted + deadlineDays
   * @param onTime answered within the deadline; empty when responseDays is empty
   * @param openDays for open documents, days from submitted to the reference date
   * @param overdue open and past the deadline as of the reference date
   * @param overdueDays how far past the deadline an overdue document is
   */
  public record Facts(
      Optional<Integer> responseDays,
      int deadlineDays,
      LocalDate deadline,
      Optional<Boolean> onTime,
      Optional<Integer> openDays,
      boolean overdue,
      Optional<Integer> overdueDays) {}

  public static Facts of(Kamervraag doc, LocalDate referenceDate) {
    int deadlineDays = doc.postponements().isEmpty() ? DEADLINE_DAYS : POSTPONED_DEADLINE_DAYS;
    LocalDate deadline = doc.submitted().plusDays(deadlineDays);
    if (doc.answered().isPresent()) {
      long days = ChronoUnit.DAYS.between(doc.submitted(), doc.answered().get());
      Optional<Integer> responseDays = days < 0 ? Optional.empty() : Optional.of((int) days);
      return new Facts(
          responseDays,
          deadlineDays,
          deadline,
          responseDays.map(d -> d <= deadlineDays),
          Optional.empty(),
          false,
          Optional.empty());
    }
    int openDays = (int) ChronoUnit.DAYS.between(doc.submitted(), referenceDate);
    boolean overdue = openDays > deadlineDays;
    return new Facts(
        Optional.empty(),
        deadlineDays,
        deadline,
        Optional.empty(),
        Optional.of(openDays),
        overdue,
        overdue ? Optional.of(openDays - deadlineDays) : Optional.empty());
  }
}
