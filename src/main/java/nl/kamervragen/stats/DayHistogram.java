package nl.kamervragen.stats;

import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Counts of whole days, for exact percentiles in bounded memory: response times are small
 * non-negative integers, so a group needs one counter per distinct day, not one value per document.
 */
public final class DayHistogram implements Serializable {

  /** Counters a histogram starts with: most replies come within two months. */
  private static final int INITIAL_DAYS = 64;

  private long[] counts = new long[INITIAL_DAYS];
  private long total;
  private long sum;

  public void add(int days) {
    if (days < 0) {
      throw new IllegalArgumentException("negative day count " + days);
    }
    ensureCapacity(days + 1);
    counts[days]++;
    total++;
    sum += days;
  }

  public void merge(DayHistogram other) {
    ensureCapacity(other.counts.length);
    for (int day = 0; day < other.counts.length; day++) {
      counts[day] += other.counts[day];
    }
    total += other.total;
    sum += other.sum;
  }

  private void ensureCapacity(int size) {
    if (size > counts.length) {
      counts = Arrays.copyOf(counts, Math.max(size, counts.length * 2));
    }
  }

  public long count() {
    return total;
  }

  /** Number of values of at most {@code days}. */
  public long countAtMost(int days) {
    long n = 0;
    for (int day = 0; day <= days && day < counts.length; day++) {
      n += counts[day];
    }
    return n;
  }

  public double mean() {
    requireValues();
    return (double) sum / total;
  }

  /**
   * The nearest-rank percentile: the smallest value such that at least {@code percent}% of the
   * values are at most it.
   */
  public int percentile(double percent) {
    requireValues();
    if (percent <= 0 || percent > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + percent);
    }
    long rank = (long) Math.ceil(percent / 100.0 * total);
    long seen = 0;
    for (int day = 0; day < counts.length; day++) {
      seen += counts[day];
      if (seen >= rank) {
        return day;
      }
    }
    throw new IllegalStateException("rank " + rank + " beyond " + total + " values");
  }

  public int max() {
    requireValues();
    for (int day = counts.length - 1; day >= 0; day--) {
      if (counts[day] > 0) {
        return day;
      }
    }
    throw new IllegalStateException("no values");
  }

  private void requireValues() {
    if (total == 0) {
      throw new IllegalStateException("empty histogram");
    }
  }

  /**
   * Only the days that occur, as (day, count) pairs: partial statistics cross the runner's shuffle,
   * and a partial of a few thousand documents has hundreds of groups with a few days each, in
   * arrays sized for the longest reply.
   */
  void writeTo(StatsEncoding.Writer out) throws IOException {
    out.number(total);
    out.number(sum);
    int days = 0;
    for (long count : counts) {
      days += count != 0 ? 1 : 0;
    }
    out.number(days);
    for (int day = 0; day < counts.length; day++) {
      if (counts[day] != 0) {
        out.number(day);
        out.number(counts[day]);
      }
    }
  }

  static DayHistogram readFrom(StatsEncoding.Reader in) throws IOException {
    DayHistogram histogram = new DayHistogram();
    histogram.total = in.number();
    histogram.sum = in.number();
    int days = in.count();
    for (int i = 0; i < days; i++) {
      int day = in.count();
      histogram.ensureCapacity(day + 1);
      histogram.counts[day] = in.number();
    }
    return histogram;
  }

  /** Equal when they hold the same counts, whatever their spare capacity. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DayHistogram other) || total != other.total || sum != other.sum) {
      return false;
    }
    int length = Math.max(counts.length, other.counts.length);
    for (int day = 0; day < length; day++) {
      if (countAt(day) != other.countAt(day)) {
        return false;
      }
    }
    return true;
  }

  private long countAt(int day) {
    return day < counts.length ? counts[day] : 0;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(total) * 31 + Long.hashCode(sum);
  }
}
