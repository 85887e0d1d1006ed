package nl.kamervragen.core;

import java.io.Serializable;
import java.util.Objects;

/**
 * What deciding between copies of the same case number needs to know about one file.
 *
 * @param id the case number
 * @param sourceFile the file the copy was read from
 * @param contentSha256 hash of the file's bytes
 * @param truncated whether the copy looks cut off
 * @param answered whether the copy has an answer date
 * @param answeredQuestions questions with an answer text
 * @param questions questions seen
 * @param warnings parser warnings
 */
public record Candidate(
    String id,
    String sourceFile,
    String contentSha256,
    boolean truncated,
    boolean answered,
    int answeredQuestions,
    int questions,
    int warnings)
    implements Serializable {
  public Candidate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sourceFile, "sourceFile");
    Objects.requireNonNull(contentSha256, "contentSha256");
  }
}
