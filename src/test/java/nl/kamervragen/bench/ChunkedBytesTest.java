package nl.kamervragen.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
