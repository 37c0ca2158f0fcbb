/**
 * Local shard persistence: the {@link network.icn.agent.store.ShardStore} interface, its file
 * implementation (versioned on-disk format, atomic commits, capacity accounting), a store over
 * several data directories, and an in-memory implementation for tests.
 */
package network.icn.agent.store;
