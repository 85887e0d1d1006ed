package nl.kamervragen.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes written in chunks that are never copied to grow: the floor stages a million documents'
 * rows in a few thousand of these, and a growing array (ByteArrayOutputStream) copied every byte
 * about twice more, and again to spill it. Chunks start small, since most buckets stay small, and
 * double up to {@link #MAX_CHUNK}. Not thread-safe: one worker writes each.
 */
final class ChunkedBytes extends OutputStream {

  static final int FIRST_CHUNK = 4 * 1024;
  static final int MAX_CHUNK = 64 * 1024;

  private final List<byte[]> chunks = new ArrayList<>();
  private byte[] current;
  private int position;
  private long size;

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
    current = new byte[current == null ? FIRST_CHUNK : Math.min(current.length * 2, MAX_CHUNK)];
    chunks.add(current);
    position = 0;
  }

  /** The bytes written since the last {@link #reset}. */
  long size() {
    return size;
  }

  /** The bytes written, as buffers over the chunks (not copies), in order. */
  ByteBuffer[] buffers() {
    ByteBuffer[] buffers = new ByteBuffer[chunks.size()];
    for (int i = 0; i < buffers.length; i++) {
      byte[] chunk = chunks.get(i);
      buffers[i] = ByteBuffer.wrap(chunk, 0, chunk == current ? position : chunk.length);
    }
    return buffers;
  }

  /** The bytes written, as a stream over the chunks (unsynchronized, unlike ByteArrayInputStream). */
  InputStream inputStream() {
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

  /** Forgets what was written (once it is copied elsewhere), keeping the last chunk to write into again. */
  void reset() {
    chunks.clear();
    if (current != null) {
      chunks.add(current);
    }
    position = 0;
    size = 0;
  }
}
