package nl.kamervragen.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Elements taken ahead on another thread arrive all, in order; what the source throws arrives where it was thrown. */
class ReadAheadTest {

  private static List<Integer> numbers(int count) {
    return IntStream.range(0, count).boxed().toList();
  }

  @Test
  void everyElementInOrderAcrossBatches() {
    for (int count : new int[] {0, 1, ReadAhead.BATCH, 3 * ReadAhead.BATCH + 7, 40 * ReadAhead.BATCH}) {
      List<Integer> read = new ArrayList<>();
      try (ReadAhead<Integer> ahead = new ReadAhead<>(numbers(count).iterator(), "test-read-ahead")) {
        ahead.forEachRemaining(read::add);
        assertFalse(ahead.hasNext());
        assertThrows(NoSuchElementException.class, ahead::next);
      }
      assertEquals(numbers(count), read);
    }
  }

  @Test
  void whatTheSourceThrowsComesAfterTheElementsBeforeIt() {
    IllegalStateException unlistable = new IllegalStateException("cannot list the folder b");
    Iterator<Integer> source = new Iterator<>() {
      int next;

      @Override
      public boolean hasNext() {
        if (next == ReadAhead.BATCH + 3) {
          throw unlistable;
        }
        return true;
      }

      @Override
      public Integer next() {
        return next++;
      }
    };
    List<Integer> read = new ArrayList<>();
    try (ReadAhead<Integer> ahead = new ReadAhead<>(source, "test-read-ahead")) {
      IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> ahead.forEachRemaining(read::add));
      assertSame(unlistable, thrown);
    }
    assertEquals(numbers(ReadAhead.BATCH + 3), read);
  }

  @Test
  void closingStopsTheThreadThatTakesAhead() {
    AtomicInteger taken = new AtomicInteger();
    Iterator<Integer> endless = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Integer next() {
        return taken.incrementAndGet();
      }
    };
    ReadAhead<Integer> ahead = new ReadAhead<>(endless, "test-read-ahead-endless");
    assertEquals(1, ahead.next());
    ahead.close(); // returns only once the thread has stopped
    int stoppedAt = taken.get();
    assertTrue(stoppedAt < 100 * ReadAhead.BATCH, stoppedAt + " taken: the queue is bounded");
    assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("test-read-ahead-endless")));
    assertEquals(stoppedAt, taken.get());
  }
}
