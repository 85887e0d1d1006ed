package nl.kamervragen.stats;

import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;

/** Counts over all documents, for the run summary. */
public final class Totals implements Serializable {
  private long documents;
  private long answered;
  private long open;
  private long overdue;
  private long untimed;
  private long withWarnings;
  private long warnings;
  private long truncated;
  private long unknownTopics;

  void add(StatsDocument doc) {
    documents++;
    if (doc.answered()) {
      answered++;
      if (doc.responseDays().isEmpty()) {
        untimed++;
      }
    } else {
      open++;
    }
    if (doc.overdue()) {
      overdue++;
    }
    if (doc.warnings() > 0) {
      withWarnings++;
    }
    warnings += doc.warnings();
    if (doc.truncated()) {
      truncated++;
    }
    unknownTopics += doc.unknownTopics();
  }

  void merge(Totals o) {
    documents += o.documents;
    answered += o.answered;
    open += o.open;
    overdue += o.overdue;
    untimed += o.untimed;
    withWarnings += o.withWarnings;
    warnings += o.warnings;
    truncated += o.truncated;
    unknownTopics += o.unknownTopics;
  }

  long[] values() {
    return new long[] {documents, answered, open, overdue, untimed, withWarnings, warnings, truncated, unknownTopics};
  }

  /** Reads what {@link #values} held, in its order. */
  void readFrom(StatsEncoding.Reader in) throws IOException {
    documents = in.number();
    answered = in.number();
    open = in.number();
    overdue = in.number();
    untimed = in.number();
    withWarnings = in.number();
    warnings = in.number();
    truncated = in.number();
    unknownTopics = in.number();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Totals other && Arrays.equals(values(), other.values());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values());
  }

  public long documents() {
    return documents;
  }

  public long answered() {
    return answered;
  }

  public long open() {
    return open;
  }

  public long overdue() {
    return overdue;
  }

  /** Answered documents left out of response-time statistics (answer dated before question). */
  public long untimed() {
    return untimed;
  }

  public long documentsWithWarnings() {
    return withWarnings;
  }

  public long warnings() {
    return warnings;
  }

  public long truncated() {
    return truncated;
  }

  public long unknownTopics() {
    return unknownTopics;
  }
}
