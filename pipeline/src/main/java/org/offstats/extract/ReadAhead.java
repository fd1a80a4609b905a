package org.offstats.extract;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Runs a producer on a thread of its own and hands what it produces to the caller, in order,
 * through a small bounded queue: the producer works ahead of the caller by at most {@code capacity}
 * items, so that reading and validating an extract (the producer) and aggregating it (the caller)
 * use two cores without holding the extract in memory.
 *
 * <p>Failures cross over in order: whatever the producer throws is thrown by {@link #next} after
 * the items produced before it. Closing stops the producer, if still running, and waits for it, so
 * no file is left open. Plain {@code java.util.concurrent}: a reader thread with a blocking queue
 * is all this needs.
 */
final class ReadAhead<T> implements AutoCloseable {
  /** Produces items in order into {@code out}, which blocks while the queue is full. */
  interface Producer<T> {
    void produce(Sink<T> out) throws Exception;
  }

  interface Sink<T> {
    void put(T item) throws InterruptedException;
  }

  /** What ends the queue: the producer finished, or failed with {@code cause}. */
  private record End(Throwable cause) {}

  private final BlockingQueue<Object> queue;
  private final Thread thread;
  private boolean ended;

  private ReadAhead(String threadName, int capacity, Producer<T> producer) {
    queue = new ArrayBlockingQueue<>(capacity);
    thread = new Thread(() -> run(producer), threadName);
    thread.setDaemon(true);
  }

  /** Starts {@code producer} on a new thread named {@code threadName}. */
  static <T> ReadAhead<T> start(String threadName, int capacity, Producer<T> producer) {
    ReadAhead<T> ahead = new ReadAhead<>(threadName, capacity, producer);
    ahead.thread.start();
    return ahead;
  }

  private void run(Producer<T> producer) {
    End end;
    try {
      producer.produce(queue::put);
      end = new End(null);
    } catch (InterruptedException e) {
      return; // closed by the caller, who no longer reads
    } catch (Throwable e) {
      end = new End(e);
    }
    try {
      queue.put(end);
    } catch (InterruptedException e) {
      // closed by the caller, who no longer reads
    }
  }

  /**
   * The next item, or null once the producer has finished.
   *
   * @throws IOException what the producer threw, if it was an {@code IOException} (unchecked
   *     exceptions and errors are thrown as they are; anything else is wrapped)
   */
  @SuppressWarnings("unchecked")
  T next() throws IOException {
    if (ended) {
      return null;
    }
    Object item;
    try {
      item = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + thread.getName());
    }
    if (item instanceof End end) {
      ended = true;
      if (end.cause() != null) {
        throw rethrown(end.cause());
      }
      return null;
    }
    return (T) item;
  }

  /**
   * What another thread threw, to throw again here as it was: an {@code IOException} returned
   * (to throw), unchecked exceptions and errors thrown, anything else wrapped.
   */
  static IOException rethrown(Throwable cause) {
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IOException(cause);
  }

  /** Stops the producer if it is still running and waits until it has. */
  @Override
  public void close() {
    thread.interrupt();
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
