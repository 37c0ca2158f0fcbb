/**
 * Persistence of the placement registry: nodes, bookings and per-tenant usage, in RocksDB (one
 * column family each) with a compact versioned binary encoding, plus an in-memory store for tests.
 */
package network.icn.placement.store;
