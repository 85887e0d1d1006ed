package nl.kamervragen.stats;

import java.io.IOException;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/** One group of the response-time table: its counts and the histogram of its reply times. */
final class ResponseGroup implements Serializable {
  long documents;
  long answered;
  long open;
  long overdue;
  long onTime;
  final DayHistogram days;

  ResponseGroup() {
    days = new DayHistogram();
  }

  private ResponseGroup(long documents, long answered, long open, long overdue, long onTime, DayHistogram days) {
    this.documents = documents;
    this.answered = answered;
    this.open = open;
    this.overdue = overdue;
    this.onTime = onTime;
    this.days = days;
  }

  void add(StatsDocument doc) {
    documents++;
    if (doc.answered()) {
      answered++;
    } else {
      open++;
    }
    if (doc.overdue()) {
      overdue++;
    }
    doc.responseDays()
        .ifPresent(
            d -> {
              days.add(d);
              onTime += doc.onTime().orElse(false) ? 1 : 0;
            });
  }

  void writeTo(StatsEncoding.Writer out) throws IOException {
    out.number(documents);
    out.number(answered);
    out.number(open);
    out.number(overdue);
    out.number(onTime);
    days.writeTo(out);
  }

  static ResponseGroup readFrom(StatsEncoding.Reader in) throws IOException {
    // Arguments are evaluated left to right: the order writeTo wrote them in.
    return new ResponseGroup(in.number(), in.number(), in.number(), in.number(), in.number(), DayHistogram.readFrom(in));
  }

  void merge(ResponseGroup o) {
    documents += o.documents;
    answered += o.answered;
    open += o.open;
    overdue += o.overdue;
    onTime += o.onTime;
    days.merge(o.days);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResponseGroup other
        && documents == other.documents
        && answered == other.answered
        && open == other.open
        && overdue == other.overdue
        && onTime == other.onTime
        && days.equals(other.days);
  }

  @Override
  public int hashCode() {
    return Objects.hash(documents, answered, open, overdue, onTime);
  }

  ArchiveStatistics.ResponseTime result(String dimension, String value, Optional<Integer> year) {
    long timed = days.count();
    if (timed == 0) {
      return new ArchiveStatistics.ResponseTime(dimension, value, year, documents, answered, open, overdue, 0,
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty());
    }
    return new ArchiveStatistics.ResponseTime(
        dimension,
        value,
        year,
        documents,
        answered,
        open,
        overdue,
        timed,
        Optional.of(ArchiveStatistics.round(days.mean(), 2)),
        Optional.of(days.percentile(50)),
        Optional.of(days.percentile(75)),
        Optional.of(days.percentile(90)),
        Optional.of(days.max()),
        Optional.of(ArchiveStatistics.share(days.countAtMost(Deadlines.DEADLINE_DAYS), timed)),
        Optional.of(ArchiveStatistics.share(days.countAtMost(Deadlines.POSTPONED_DEADLINE_DAYS), timed)),
        Optional.of(ArchiveStatistics.share(onTime, timed)));
  }
}
