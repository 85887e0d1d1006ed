package nl.kamervragen.stats;

import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A fixed number of counters per key, mergeable. The building block of the dashboard statistics:
 * memory grows with the number of keys, never with the number of documents.
 */
final class Counts<K extends Serializable> implements Serializable {

  private final int width;
  private final HashMap<K, long[]> counts = new HashMap<>();

  Counts(int width) {
    this.width = width;
  }

  /** Adds {@code amount} to counter {@code index} of {@code key}. */
  void add(K key, int index, long amount) {
    of(key)[index] += amount;
  }

  /** The counters of {@code key}, zero when new, to add to several at once. */
  long[] of(K key) {
    return counts.computeIfAbsent(key, k -> new long[width]);
  }

  void merge(Counts<K> other) {
    other.counts.forEach((key, values) -> {
      long[] mine = of(key);
      for (int i = 0; i < width; i++) {
        mine[i] += values[i];
      }
    });
  }

  void forEach(BiConsumer<K, long[]> action) {
    counts.forEach((key, values) -> action.accept(key, values.clone()));
  }

  void writeTo(StatsEncoding.Writer out, StatsEncoding.KeyCodec<K> keys) throws IOException {
    out.number(counts.size());
    for (Map.Entry<K, long[]> entry : counts.entrySet()) {
      keys.write(out, entry.getKey());
      for (long value : entry.getValue()) {
        out.number(value);
      }
    }
  }

  /** Adds what {@link #writeTo} wrote of counts of the same width. */
  void readFrom(StatsEncoding.Reader in, StatsEncoding.KeyCodec<K> keys) throws IOException {
    int entries = in.count();
    for (int e = 0; e < entries; e++) {
      long[] values = of(keys.read(in));
      for (int i = 0; i < width; i++) {
        values[i] += in.number();
      }
    }
  }

  Map<K, long[]> asMap() {
    Map<K, long[]> copy = new HashMap<>();
    counts.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Counts<?> other) || other.width != width || other.counts.size() != counts.size()) {
      return false;
    }
    for (Map.Entry<K, long[]> entry : counts.entrySet()) {
      Object theirs = other.counts.get(entry.getKey());
      if (!(theirs instanceof long[] values) || !Arrays.equals(values, entry.getValue())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return counts.size();
  }
}
