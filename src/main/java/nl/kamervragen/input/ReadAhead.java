package nl.kamervragen.input;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Takes the elements of an iterator on a thread of its own, a bounded number of batches ahead of
 * the reader, in their order: the listing walks the input (waiting on the file system or the
 * object store) while the caller writes what was listed. What the source throws is thrown to the
 * reader where that element would have been, the same exception. Closing it stops the thread.
 */
public final class ReadAhead<T> implements Iterator<T>, AutoCloseable {

  /** Elements handed over at a time: the threads meet once a batch, not once an element. */
  static final int BATCH = 256;
  /** Batches taken ahead at most. */
  private static final int BATCHES_AHEAD = 16;

  /** A batch of elements, the end of the source, or what it threw. */
  private record Handover<T>(List<T> elements, Throwable failure, boolean end) {}

  private final BlockingQueue<Handover<T>> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
  private final Thread thread;
  private volatile boolean closed;
  private Iterator<T> batch = Collections.emptyIterator();
  private boolean ended;

  public ReadAhead(Iterator<T> source, String threadName) {
    thread = new Thread(() -> take(source), threadName);
    thread.setDaemon(true);
    thread.start();
  }

  private void take(Iterator<T> source) {
    List<T> elements = new ArrayList<>(BATCH);
    Throwable failure = null;
    try {
      while (!closed && source.hasNext()) {
        elements.add(source.next());
        if (elements.size() == BATCH) {
          if (!handOver(new Handover<>(elements, null, false))) {
            return;
          }
          elements = new ArrayList<>(BATCH);
        }
      }
    } catch (RuntimeException | Error e) {
      failure = e;
    }
    // The elements taken before the end, or before what the source threw, then the end.
    if (!elements.isEmpty() && !handOver(new Handover<>(elements, null, false))) {
      return;
    }
    handOver(new Handover<>(List.of(), failure, true));
  }

  /** Waits for room in the queue; false once the reader has closed this. */
  private boolean handOver(Handover<T> handover) {
    try {
      while (!closed) {
        if (queue.offer(handover, 100, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  @Override
  public boolean hasNext() {
    while (!batch.hasNext() && !ended) {
      Handover<T> next;
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the listing", e);
      }
      if (next.failure() instanceof RuntimeException failure) {
        ended = true;
        throw failure;
      }
      if (next.failure() instanceof Error failure) {
        ended = true;
        throw failure;
      }
      ended = next.end();
      batch = next.elements().iterator();
    }
    return batch.hasNext();
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return batch.next();
  }

  /** Stops taking elements ahead, and waits until the thread has stopped. */
  @Override
  public void close() {
    closed = true;
    queue.clear();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
