package network.icn.gateway.metadata;

/** The column families (RocksDB) or maps (in memory) of the metadata keyspace. */
enum KvColumn {
  /** bucket name → bucket record. */
  BUCKETS("buckets"),
  /** bucket \0 key → object record. */
  OBJECTS("objects"),
  /** bucket \0 key \0 upload id → upload record. */
  UPLOADS("uploads"),
  /** upload id \0 part number (4 bytes big-endian) → part record. */
  PARTS("parts"),
  /** tenant id → tenant record. */
  TENANTS("tenants"),
  /** access key id → access key record. */
  ACCESS_KEYS("access_keys"),
  /** enqueued (12 bytes) bucket \0 key \0 segment id → repair task. */
  REPAIR_QUEUE("repair_queue"),
  /** not-before (12 bytes) node id \0 shard id → shard deletion. */
  SHARD_DELETIONS("shard_deletions"),
  /** node id \0 shard id → shard owner (object or part): the GC sweep's reverse index. */
  SHARD_OWNERS("shard_owners");

  private final String familyName;

  KvColumn(String familyName) {
    this.familyName = familyName;
  }

  String familyName() {
    return familyName;
  }
}
