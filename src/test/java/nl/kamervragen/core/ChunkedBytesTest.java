package nl.kamervragen.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkedBytesTest {

  /** Writes single bytes and runs of every length that straddle chunk boundaries, as a ByteArrayOutputStream would hold them. */
  private static byte[] fill(ChunkedBytes chunked, Random random, int total) throws IOException {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    while (expected.size() < total) {
      if (random.nextInt(4) == 0) {
        int b = random.nextInt(256);
        chunked.write(b);
        expected.write(b);
      } else {
        byte[] run = new byte[random.nextInt(3 * ChunkedBytes.FIRST_CHUNK)];
        random.nextBytes(run);
        int offset = run.length == 0 ? 0 : random.nextInt(run.length);
        chunked.write(run, offset, run.length - offset);
        expected.write(run, offset, run.length - offset);
      }
    }
    return expected.toByteArray();
  }

  private static byte[] concatenated(ByteBuffer[] buffers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ByteBuffer buffer : buffers) {
      out.write(buffer.array(), buffer.position(), buffer.remaining());
    }
    return out.toByteArray();
  }

  @Test
  void readsBackWhatWasWrittenAcrossChunksAsBuffersAndAsAStream() throws IOException {
    ChunkedBytes chunked = new ChunkedBytes();
    byte[] expected = fill(chunked, new Random(7), 5 * ChunkedBytes.MAX_CHUNK);
    assertEquals(expected.length, chunked.size());
    assertArrayEquals(expected, concatenated(chunked.buffers()));
    assertArrayEquals(expected, chunked.inputStream().readAllBytes());
    // Byte by byte too, as the statistics reader reads.
    var in = chunked.inputStream();
    ByteArrayOutputStream oneByOne = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0; b = in.read()) {
      oneByOne.write(b);
    }
    assertArrayEquals(expected, oneByOne.toByteArray());
  }

  @Test
  void afterAResetHoldsOnlyWhatCameAfter() throws IOException {
    ChunkedBytes chunked = new ChunkedBytes();
    fill(chunked, new Random(8), 3 * ChunkedBytes.MAX_CHUNK);
    chunked.reset();
    assertEquals(0, chunked.size());
    assertArrayEquals(new byte[0], chunked.inputStream().readAllBytes());
    byte[] expected = fill(chunked, new Random(9), ChunkedBytes.MAX_CHUNK + 5);
    assertArrayEquals(expected, concatenated(chunked.buffers()));
    assertArrayEquals(expected, chunked.inputStream().readAllBytes());
  }

  @Test
  void writesToAStreamWhatWasWritten() throws IOException {
    ChunkedBytes chunked = new ChunkedBytes();
    byte[] expected = fill(chunked, new Random(10), 3 * ChunkedBytes.MAX_CHUNK + 17);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    chunked.writeTo(out);
    assertArrayEquals(expected, out.toByteArray());
  }

  @Test
  void chunksGoBackToThePoolAndAreUsedAgainUpToItsLimit() throws IOException {
    ChunkedBytes.Pool pool = new ChunkedBytes.Pool(2 * ChunkedBytes.MAX_CHUNK);
    ChunkedBytes first = new ChunkedBytes(pool);
    fill(first, new Random(11), 4 * ChunkedBytes.MAX_CHUNK);
    long held = first.capacity();
    assertTrue(held >= 4 * ChunkedBytes.MAX_CHUNK, held + " bytes of chunks");
    first.release();
    assertEquals(0, first.size());
    assertEquals(0, first.capacity());
    // Only up to the limit is kept; the rest is left to the garbage collector.
    assertTrue(pool.bytes() <= 2 * ChunkedBytes.MAX_CHUNK && pool.bytes() > 0, pool.bytes() + " bytes pooled");

    // A second buffer of the pool takes its chunks from it, and holds what it was given, not what the first held.
    long pooled = pool.bytes();
    ChunkedBytes second = new ChunkedBytes(pool);
    byte[] expected = fill(second, new Random(12), ChunkedBytes.MAX_CHUNK);
    assertTrue(pool.bytes() < pooled, pool.bytes() + " bytes pooled after taking, " + pooled + " before");
    assertArrayEquals(expected, concatenated(second.buffers()));
    assertArrayEquals(expected, second.inputStream().readAllBytes());

    // What was released and written again reads back whole.
    first.write(new byte[] {1, 2, 3});
    assertArrayEquals(new byte[] {1, 2, 3}, first.inputStream().readAllBytes());
  }

  @Test
  void aResetKeepsTheLastChunkAndGivesTheOthersBack() throws IOException {
    ChunkedBytes.Pool pool = new ChunkedBytes.Pool(Long.MAX_VALUE);
    ChunkedBytes chunked = new ChunkedBytes(pool);
    fill(chunked, new Random(13), 3 * ChunkedBytes.MAX_CHUNK);
    long held = chunked.capacity();
    chunked.reset();
    assertEquals(ChunkedBytes.MAX_CHUNK, chunked.capacity());
    assertEquals(held - ChunkedBytes.MAX_CHUNK, pool.bytes());
  }
}
