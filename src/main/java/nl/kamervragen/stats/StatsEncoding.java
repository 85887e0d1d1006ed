package nl.kamervragen.stats;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact binary form of partial statistics, for a runner's shuffle: numbers as variable-length
 * integers, and each distinct string once, later by its number. Group keys repeat the same
 * ministries, members and dimension names many times over, one row per value and year.
 */
public final class StatsEncoding {

  private StatsEncoding() {}

  /** Writes to a stream it does not close. */
  public static final class Writer {
    private final OutputStream out;
    private final Map<String, Integer> numbers = new HashMap<>();

    public Writer(OutputStream out) {
      this.out = out;
    }

    /** Any long, zigzag-encoded so that small negative numbers stay short too. */
    void number(long value) throws IOException {
      long zigzag = (value << 1) ^ (value >> 63);
      while ((zigzag & ~0x7FL) != 0) {
        out.write((int) ((zigzag & 0x7F) | 0x80));
        zigzag >>>= 7;
      }
      out.write((int) zigzag);
    }

    /** A string or null: 0 for null, 1 and the UTF-8 bytes for a new one, 2 + n for the n-th seen. */
    void string(String value) throws IOException {
      if (value == null) {
        number(0);
        return;
      }
      Integer seen = numbers.get(value);
      if (seen != null) {
        number(2L + seen);
        return;
      }
      numbers.put(value, numbers.size());
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      number(1);
      number(bytes.length);
      out.write(bytes);
    }

    /** A year, or null for "all years". */
    void year(Integer year) throws IOException {
      number(year == null ? 0 : year + 1L);
    }
  }

  /** Reads what a {@link Writer} wrote, and no byte beyond it. */
  public static final class Reader {
    private final InputStream in;
    private final List<String> strings = new ArrayList<>();

    public Reader(InputStream in) {
      this.in = in;
    }

    long number() throws IOException {
      long zigzag = 0;
      for (int shift = 0; ; shift += 7) {
        int b = in.read();
        if (b < 0) {
          throw new EOFException("statistics cut off");
        }
        if (shift > 63) {
          throw new IOException("statistics damaged: a number longer than 64 bits");
        }
        zigzag |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return (zigzag >>> 1) ^ -(zigzag & 1);
        }
      }
    }

    int count() throws IOException {
      long n = number();
      if (n < 0 || n > Integer.MAX_VALUE) {
        throw new IOException("statistics damaged: a count of " + n);
      }
      return (int) n;
    }

    String string() throws IOException {
      long tag = number();
      if (tag == 0) {
        return null;
      }
      if (tag == 1) {
        int length = count();
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
          throw new EOFException("statistics cut off");
        }
        String value = new String(bytes, StandardCharsets.UTF_8);
        strings.add(value);
        return value;
      }
      if (tag - 2 >= strings.size()) {
        throw new IOException("statistics damaged: string " + (tag - 2) + " of " + strings.size());
      }
      return strings.get((int) (tag - 2));
    }

    Integer year() throws IOException {
      long value = number();
      return value == 0 ? null : Math.toIntExact(value - 1);
    }
  }

  /** How the keys of a {@link Counts} are written and read. */
  interface KeyCodec<K> {
    void write(Writer out, K key) throws IOException;

    K read(Reader in) throws IOException;
  }
}
