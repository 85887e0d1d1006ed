package nl.kamervragen.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes written in chunks that are never copied to grow. Rows staged per bucket in a growing array
 * (ByteArrayOutputStream) were copied about twice more, and a large bucket's array passed half a
 * heap region, where every new one is a "humongous" allocation that starts a collection cycle of its
 * own. Chunks start small, since most buckets stay small, and double up to {@link #MAX_CHUNK}; with
 * a {@link Pool} they come from it and go back to it, so a worker that fills and writes out its
 * buffer again and again allocates nearly nothing. Not thread-safe: one worker writes each.
 */
public final class ChunkedBytes extends OutputStream {

  static final int FIRST_CHUNK = 4 * 1024;
  static final int MAX_CHUNK = 64 * 1024;

  private final Pool pool;
  private final List<byte[]> chunks = new ArrayList<>();
  private byte[] current;
  private int position;
  private long size;

  /** Chunks allocated as needed, and left to the garbage collector. */
  public ChunkedBytes() {
    this(null);
  }

  /** Chunks taken from the pool, and given back by {@link #release}. */
  public ChunkedBytes(Pool pool) {
    this.pool = pool;
  }

  @Override
  public void write(int b) {
    if (current == null || position == current.length) {
      next();
    }
    current[position++] = (byte) b;
    size++;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    while (length > 0) {
      if (current == null || position == current.length) {
        next();
      }
      int n = Math.min(length, current.length - position);
      System.arraycopy(bytes, offset, current, position, n);
      position += n;
      offset += n;
      length -= n;
      size += n;
    }
  }

  private void next() {
    int length = current == null ? FIRST_CHUNK : Math.min(current.length * 2, MAX_CHUNK);
    current = pool == null ? new byte[length] : pool.take(length);
    chunks.add(current);
    position = 0;
  }

  /** The bytes written since the last {@link #reset} or {@link #release}. */
  public long size() {
    return size;
  }

  /** The bytes of the chunks held, written to or not. */
  public long capacity() {
    long capacity = 0;
    for (byte[] chunk : chunks) {
      capacity += chunk.length;
    }
    return capacity;
  }

  /** The bytes written, as buffers over the chunks (not copies), in order. */
  public ByteBuffer[] buffers() {
    ByteBuffer[] buffers = new ByteBuffer[chunks.size()];
    for (int i = 0; i < buffers.length; i++) {
      byte[] chunk = chunks.get(i);
      buffers[i] = ByteBuffer.wrap(chunk, 0, chunk == current ? position : chunk.length);
    }
    return buffers;
  }

  /** Writes the bytes written here to {@code out}. */
  public void writeTo(OutputStream out) throws IOException {
    for (byte[] chunk : chunks) {
      out.write(chunk, 0, chunk == current ? position : chunk.length);
    }
  }

  /** The bytes written, as a stream over the chunks (unsynchronized, unlike ByteArrayInputStream). */
  public InputStream inputStream() {
    ByteBuffer[] buffers = buffers();
    return new InputStream() {
      private int index;

      /** The buffer to read from, or null at the end. */
      private ByteBuffer buffer() {
        while (index < buffers.length && !buffers[index].hasRemaining()) {
          index++;
        }
        return index < buffers.length ? buffers[index] : null;
      }

      @Override
      public int read() {
        ByteBuffer buffer = buffer();
        return buffer == null ? -1 : buffer.get() & 0xFF;
      }

      @Override
      public int read(byte[] bytes, int offset, int length) {
        if (length == 0) {
          return 0;
        }
        ByteBuffer buffer = buffer();
        if (buffer == null) {
          return -1;
        }
        int n = Math.min(length, buffer.remaining());
        buffer.get(bytes, offset, n);
        return n;
      }
    };
  }

  /**
   * Forgets what was written (once it is copied elsewhere), keeping the last chunk to write into
   * again; the others go back to the pool, if there is one.
   */
  public void reset() {
    for (byte[] chunk : chunks) {
      if (chunk != current && pool != null) {
        pool.give(chunk);
      }
    }
    chunks.clear();
    if (current != null) {
      chunks.add(current);
    }
    position = 0;
    size = 0;
  }

  /** Forgets what was written and gives every chunk back to the pool (or to the garbage collector). */
  public void release() {
    if (pool != null) {
      chunks.forEach(pool::give);
    }
    chunks.clear();
    current = null;
    position = 0;
    size = 0;
  }

  /**
   * Chunks given back for reuse, per size, up to a number of bytes in all (what is given beyond it
   * is left to the garbage collector). Not thread-safe: one per worker.
   */
  public static final class Pool {
    private static final int SIZES = Integer.numberOfTrailingZeros(MAX_CHUNK / FIRST_CHUNK) + 1;

    private final long maxBytes;
    private final List<ArrayDeque<byte[]>> free = new ArrayList<>();
    private long bytes;

    /** @param maxBytes the most bytes of chunks the pool holds */
    public Pool(long maxBytes) {
      this.maxBytes = maxBytes;
      for (int i = 0; i < SIZES; i++) {
        free.add(new ArrayDeque<>());
      }
    }

    byte[] take(int length) {
      byte[] chunk = free.get(sizeIndex(length)).poll();
      if (chunk == null) {
        return new byte[length];
      }
      bytes -= chunk.length;
      return chunk;
    }

    void give(byte[] chunk) {
      if (bytes + chunk.length <= maxBytes) {
        free.get(sizeIndex(chunk.length)).push(chunk);
        bytes += chunk.length;
      }
    }

    /** The bytes of the chunks waiting in the pool. */
    public long bytes() {
      return bytes;
    }

    private static int sizeIndex(int length) {
      if (length < FIRST_CHUNK || length > MAX_CHUNK || Integer.bitCount(length) != 1) {
        throw new IllegalArgumentException("not a chunk size: " + length);
      }
      return Integer.numberOfTrailingZeros(length / FIRST_CHUNK);
    }
  }
}
