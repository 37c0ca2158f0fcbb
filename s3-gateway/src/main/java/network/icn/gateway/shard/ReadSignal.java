package network.icn.gateway.shard;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes a reader when any of its shard fetches has news (a chunk arrived, a stream failed). One per
 * read, shared by its fetches.
 */
public final class ReadSignal {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private long version;

  /** The current version; pass it to {@link #awaitChange} to wait for anything newer. */
  public long version() {
    lock.lock();
    try {
      return version;
    } finally {
      lock.unlock();
    }
  }

  void signal() {
    lock.lock();
    try {
      version++;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until something changed since {@code seen} or the deadline ({@link System#nanoTime}). */
  public void awaitChange(long seen, long deadlineNanos) throws InterruptedException {
    lock.lock();
    try {
      while (version == seen) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          return;
        }
        changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
      }
    } finally {
      lock.unlock();
    }
  }
}
