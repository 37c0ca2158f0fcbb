package network.icn.conformance.sdk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import network.icn.conformance.Clients;
import network.icn.conformance.S3Target;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What a suite class shares: the {@link S3Target} (in-process or external), one {@link S3Ops} per
 * {@link Mode}, and the buckets it created, which {@link #close()} empties (objects and open
 * multipart uploads) and deletes, so an external gateway is left as it was found.
 */
final class SdkFixture implements AutoCloseable {
  private final S3Target target;
  private final Clients clients;
  private final S3Client admin;
  private final Map<Mode, S3Ops> ops = new ConcurrentHashMap<>();
  private final List<String> buckets = new ArrayList<>();

  private SdkFixture(S3Target target) {
    this.target = target;
    this.clients = new Clients(target);
    this.admin = clients.sync();
  }

  static SdkFixture open(Path dir) throws Exception {
    return new SdkFixture(S3Target.open(dir));
  }

  S3Target target() {
    return target;
  }

  Clients clients() {
    return clients;
  }

  /** A sync, path-style, default-checksum client for setup and cleanup. */
  S3Client admin() {
    return admin;
  }

  /** The operations under {@code mode}; one client per mode, reused across tests. */
  S3Ops ops(Mode mode) {
    return ops.computeIfAbsent(
        mode,
        m ->
            m.async()
                ? new AsyncOps(clients.async(m.pathStyle(), m.checksums()))
                : new SyncOps(clients.sync(m.pathStyle(), m.checksums())));
  }

  /** Creates a bucket {@code stem-<random>} and deletes it (with its contents) at close. */
  synchronized String bucket(String stem) {
    String name = S3Target.bucketName(stem);
    admin.createBucket(b -> b.bucket(name));
    buckets.add(name);
    return name;
  }

  /** Deletes {@code name} at close if a test left it behind (the test created it itself). */
  synchronized void deleteAtClose(String name) {
    buckets.add(name);
  }

  @Override
  public void close() {
    try {
      for (String bucket : buckets) {
        empty(bucket);
      }
    } finally {
      clients.close();
      target.close();
    }
  }

  private void empty(String bucket) {
    try {
      admin
          .listMultipartUploadsPaginator(b -> b.bucket(bucket))
          .uploads()
          .forEach(
              u ->
                  admin.abortMultipartUpload(
                      b -> b.bucket(bucket).key(u.key()).uploadId(u.uploadId())));
      for (var page : admin.listObjectsV2Paginator(b -> b.bucket(bucket))) {
        List<ObjectIdentifier> ids =
            page.contents().stream()
                .map(S3Object::key)
                .map(k -> ObjectIdentifier.builder().key(k).build())
                .toList();
        if (!ids.isEmpty()) {
          admin.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids).quiet(true)));
        }
      }
      admin.deleteBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException e) {
      // the test deleted it already
    }
  }
}
