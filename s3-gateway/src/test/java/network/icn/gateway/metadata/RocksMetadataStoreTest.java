package network.icn.gateway.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksMetadataStoreTest extends MetadataStoreContract {
  @TempDir static Path root;
  private final AtomicInteger opened = new AtomicInteger();

  @Override
  KvMetadataStore newStore(MutableClock clock) {
    // fsync off: the tests do not crash machines, and 20 000 synced commits would take minutes.
    return RocksMetadataStore.open(root.resolve("db-" + opened.incrementAndGet()), clock, false);
  }

  @Test
  void reopenedStoreKeepsEverything() {
    Path dir = root.resolve("reopen");
    MutableClock clock = new MutableClock(Fixtures.T0);
    ObjectRecord full = Fixtures.fullObject();
    try (RocksMetadataStore first = RocksMetadataStore.open(dir, clock)) {
      first.createBucket(Fixtures.bucket(full.bucket(), OWNER));
      first.commitObject(ObjectCommit.put(full));
      first.createMultipartUpload(Fixtures.upload(full.bucket(), "big", "u-1"));
      first.putPart(full.bucket(), "big", Fixtures.part("u-1", 1, "p1"));
      first.createTenant(Fixtures.tenant());
      first.createAccessKey(Fixtures.accessKey());
      first.enqueueRepair(Fixtures.repair());
      first.enqueueShardDeletions(List.of(Fixtures.shardDeletion()));
    }
    try (RocksMetadataStore second = RocksMetadataStore.open(dir, clock)) {
      assertEquals(
          Optional.of(Fixtures.bucket(full.bucket(), OWNER)), second.getBucket(full.bucket()));
      assertEquals(Optional.of(full), second.getObject(full.bucket(), full.key()));
      assertEquals(
          Optional.of(Fixtures.upload(full.bucket(), "big", "u-1")),
          second.getMultipartUpload(full.bucket(), "big", "u-1"));
      assertEquals(Optional.of(Fixtures.part("u-1", 1, "p1")), second.getPart("u-1", 1));
      assertEquals(List.of(Fixtures.tenant()), second.listTenants());
      assertEquals(
          Optional.of(Fixtures.accessKey()),
          second.getAccessKey(Fixtures.accessKey().accessKeyId()));
      assertEquals(List.of(Fixtures.repair()), second.peekRepairs(10));
      assertEquals(
          List.of(Fixtures.shardDeletion()),
          second.peekShardDeletions(Fixtures.shardDeletion().notBefore(), 10));
    }
  }
}
