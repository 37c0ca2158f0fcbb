package network.icn.gateway.metadata;

import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Striped locks that make read-check-write sequences atomic within one store instance. Always
 * acquired in the order bucket → key → upload, and each kind has its own stripes, so no cycle can
 * form.
 */
final class LockStripes {
  private final ReentrantReadWriteLock[] buckets;
  private final ReentrantLock[] keys;
  private final ReentrantLock[] uploads;
  private final ReentrantLock admin = new ReentrantLock();

  LockStripes(int bucketStripes, int keyStripes) {
    buckets = new ReentrantReadWriteLock[bucketStripes];
    for (int i = 0; i < bucketStripes; i++) {
      buckets[i] = new ReentrantReadWriteLock();
    }
    keys = new ReentrantLock[keyStripes];
    uploads = new ReentrantLock[keyStripes];
    for (int i = 0; i < keyStripes; i++) {
      keys[i] = new ReentrantLock();
      uploads[i] = new ReentrantLock();
    }
  }

  private static int stripe(int hash, int stripes) {
    return Math.floorMod(hash ^ (hash >>> 16), stripes);
  }

  /** Shared by writes inside the bucket, exclusive for create and delete of the bucket. */
  ReentrantReadWriteLock bucket(String bucket) {
    return buckets[stripe(bucket.hashCode(), buckets.length)];
  }

  ReentrantLock key(String bucket, String key) {
    return keys[stripe(bucket.hashCode() * 31 + key.hashCode(), keys.length)];
  }

  ReentrantLock upload(String uploadId) {
    return uploads[stripe(uploadId.hashCode(), uploads.length)];
  }

  /** Tenants and access keys: rare writes, one lock. */
  ReentrantLock admin() {
    return admin;
  }
}
