package nl.kamervragen.cli;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A step of the job that waits on storage, run on a thread of its own while the job does another
 * (writing the report, listing the input again, removing the part files). Closing it waits for
 * it: nothing the job removes next is still in use.
 */
final class BackgroundTask<T> implements AutoCloseable {

  /** The step's work. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws IOException;
  }

  private final FutureTask<T> task;

  private BackgroundTask(FutureTask<T> task) {
    this.task = task;
  }

  /** Starts the work on a daemon thread of this name. */
  static <T> BackgroundTask<T> start(String name, Work<T> work) {
    FutureTask<T> task = new FutureTask<>(work::run);
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return new BackgroundTask<>(task);
  }

  /** Waits for the work and returns its result, or throws its exception. */
  T await() throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for a step of the run", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IOException(e.getCause());
    }
  }

  /** Waits for the work; its outcome is {@link #await}'s to report. */
  @Override
  public void close() {
    try {
      task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // Reported by await(), or superseded by the failure that skipped it.
    }
  }
}
