package nl.kamervragen.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One numbered question and its answer.
 *
 * @param number the number printed after "Vraag" (numbers may skip)
 * @param text the question text
 * @param answer the answer text, empty when unanswered
 * @param refersToQuestion the question number an answer like "Zie antwoord vraag 2." points to
 */
public record Question(
    int number, String text, Optional<String> answer, Optional<Integer> refersToQuestion) {
  public Question {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(refersToQuestion, "refersToQuestion");
  }
}
