package network.icn.conformance.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.zip.CRC32;
import network.icn.erasure.Crc32c;
import network.icn.erasure.ErasureScheme;
import network.icn.erasure.ReedSolomon;
import network.icn.erasure.merkle.MerkleTreeBuilder;

/**
 * The CPU cost of the work a 64 MiB object cannot avoid, measured here with the project's own
 * codec, CRC and Merkle code and plain JDK sockets and files, each piece on one thread (thread CPU
 * time, user + system, best of several rounds after a warm-up).
 *
 * <p>It answers one question: how fast could ICN be on this machine if everything but this work
 * cost nothing? A server cannot run more operations per second than {@code cores / (CPU per
 * operation)}, the client's included, so {@code cores / (client + floor)} bounds our ops/s from
 * above, whatever the code around the floor does. The architecture fixes the floor's parts: 4+2
 * Reed-Solomon, a CRC32C per chunk and a SHA-256 Merkle tree (4 KiB leaves) per shard, both
 * computed by the gateway and recomputed by the agent (ARCHITECTURE.md §3), shards that cross a
 * socket to their agents and are fsync'd there, MD5 for the ETag and the client's CRC32 trailer.
 * Signatures, HTTP parsing, metadata and everything else are left out, so the bound is generous.
 */
final class WorkFloor {
  private static final int MIB = 1 << 20;
  private static final int OBJECT = 64 * MIB;
  private static final int IO_BUFFER = 256 << 10;
  private static final int ROUNDS = 9;

  /** Milliseconds of CPU per 64 MiB object for each piece of work. */
  record Costs(
      double md5,
      double crc32,
      double reedSolomon,
      double crc32cOfShards,
      double merkleOfShards,
      double crc32cOfObject,
      double send64,
      double receive64,
      double send96,
      double receive96,
      double writeSynced96,
      double write64,
      double read64) {

    /** Our server's unavoidable CPU for one 64 MiB PUT (gateway and agents). */
    double icnPut() {
      return receive64 // the body from the client
          + md5
          + crc32
          + reedSolomon
          + 2 * crc32cOfShards // gateway, then each agent
          + 2 * merkleOfShards // gateway, then each agent
          + send96
          + receive96 // shards to the agents
          + writeSynced96;
    }

    /** Our server's unavoidable CPU for one whole 64 MiB GET (no decoding needed). */
    double icnGet() {
      return read64 // agents read their data shards
          + crc32cOfObject // agents check the chunks they send
          + send64
          + receive64 // agents to the gateway
          + crc32cOfObject // the gateway checks them again
          + send64; // to the client
    }

    /** The same floor for a server that stores the body once and hashes only MD5 and CRC32. */
    double plainPut() {
      return receive64 + md5 + crc32 + write64;
    }

    double plainGet() {
      return read64 + send64;
    }
  }

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Path dir;

  WorkFloor(Path dir) {
    this.dir = dir;
  }

  Costs measure() throws Exception {
    byte[] object = new byte[OBJECT];
    new Random(7).nextBytes(object);
    ErasureScheme scheme = ErasureScheme.DEFAULT;
    int chunk = scheme.chunkSize();
    int stripes = OBJECT / (scheme.data() * chunk);
    byte[][] parity = new byte[stripes * scheme.parity()][chunk];
    ReedSolomon codec = ReedSolomon.create(scheme.data(), scheme.parity());
    int shardBytes = OBJECT / scheme.data();

    double md5 = best(() -> digest("MD5", object));
    double crc32 =
        best(
            () -> {
              CRC32 c = new CRC32();
              c.update(object);
              return c.getValue();
            });
    byte[][][] stripeShards = new byte[stripes][scheme.totalShards()][];
    for (int s = 0; s < stripes; s++) {
      for (int i = 0; i < scheme.data(); i++) {
        int from = (s * scheme.data() + i) * chunk;
        stripeShards[s][i] = Arrays.copyOfRange(object, from, from + chunk);
      }
      for (int p = 0; p < scheme.parity(); p++) {
        stripeShards[s][scheme.data() + p] = parity[s * scheme.parity() + p];
      }
    }
    double rs =
        best(
            () -> {
              for (byte[][] shards : stripeShards) {
                codec.encodeParity(shards, 0, chunk);
              }
              return parity[0][0];
            });
    double crc32cObject = best(() -> crc32cChunks(object, parity, chunk, false));
    double crc32cShards = best(() -> crc32cChunks(object, parity, chunk, true));
    double merkle =
        best(
            () -> {
              MerkleTreeBuilder b = new MerkleTreeBuilder();
              long x = 0;
              for (int shard = 0; shard < scheme.data(); shard++) {
                b.reset();
                b.update(object, shard * shardBytes, shardBytes); // same byte count as a shard
                x += b.finish().hashCode();
              }
              for (int p = 0; p < scheme.parity(); p++) {
                b.reset();
                for (int s = 0; s < stripes; s++) {
                  b.update(parity[s * scheme.parity() + p]);
                }
                x += b.finish().hashCode();
              }
              return x;
            });
    double[] hop64 = hop(OBJECT);
    double[] hop96 = hop(OBJECT + OBJECT / 2);
    double writeSynced96 = best(() -> writeFile(object, OBJECT + OBJECT / 2, true));
    double write64 = best(() -> writeFile(object, OBJECT, false));
    Path file = dir.resolve("floor-read");
    writeFile(object, OBJECT, false, file);
    double read64 = best(() -> readFile(file));
    Files.deleteIfExists(file);
    return new Costs(
        md5,
        crc32,
        rs,
        crc32cShards,
        merkle,
        crc32cObject,
        hop64[0],
        hop64[1],
        hop96[0],
        hop96[1],
        writeSynced96,
        write64,
        read64);
  }

  /** Prints the costs, the two floors, and the bound they put on each 64 MiB phase. */
  static void print(java.io.PrintStream out, Costs c) {
    out.println(
        "Unavoidable CPU per 64 MiB object, measured on this machine (ms, one thread each):");
    out.println(
        String.format(
            Locale.ROOT,
            "  MD5 %.1f | CRC32 %.1f | RS 4+2 encode %.1f | CRC32C of 96 MiB of shards %.1f |"
                + " SHA-256 Merkle of 96 MiB of shards %.1f | CRC32C of 64 MiB %.1f",
            c.md5(),
            c.crc32(),
            c.reedSolomon(),
            c.crc32cOfShards(),
            c.merkleOfShards(),
            c.crc32cOfObject()));
    out.println(
        String.format(
            Locale.ROOT,
            "  loopback TCP 64 MiB send %.1f receive %.1f | 96 MiB send %.1f receive %.1f |"
                + " write 96 MiB + fdatasync %.1f | write 64 MiB %.1f | read 64 MiB (page cache)"
                + " %.1f",
            c.send64(),
            c.receive64(),
            c.send96(),
            c.receive96(),
            c.writeSynced96(),
            c.write64(),
            c.read64()));
    out.println(
        String.format(
            Locale.ROOT,
            "  floor of our server: PUT %.1f ms, GET %.1f ms; of a plain server that keeps one"
                + " unsynced copy: PUT %.1f ms, GET %.1f ms",
            c.icnPut(),
            c.icnGet(),
            c.plainPut(),
            c.plainGet()));
  }

  private double best(LongSupplier work) {
    long sink = 0;
    sink += work.getAsLong(); // warm-up
    sink += work.getAsLong();
    long best = Long.MAX_VALUE;
    for (int r = 0; r < ROUNDS; r++) {
      long t0 = threads.getCurrentThreadCpuTime();
      sink += work.getAsLong();
      best = Math.min(best, threads.getCurrentThreadCpuTime() - t0);
    }
    if (sink == 42) {
      System.out.print(""); // keeps the results alive
    }
    return best / 1e6;
  }

  private static long digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data)[0];
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long crc32cChunks(byte[] object, byte[][] parity, int chunk, boolean withParity) {
    long x = 0;
    for (int off = 0; off < object.length; off += chunk) {
      x += Crc32c.of(object, off, chunk);
    }
    if (withParity) {
      for (byte[] p : parity) {
        x += Crc32c.of(p, 0, chunk);
      }
    }
    return x;
  }

  /** CPU of sending {@code bytes} over loopback TCP in 256 KiB writes, and of receiving them. */
  private double[] hop(int bytes) throws Exception {
    double send = Double.MAX_VALUE;
    double receive = Double.MAX_VALUE;
    ByteBuffer out = ByteBuffer.allocateDirect(IO_BUFFER);
    new Random(3).nextBytes(new byte[1]);
    try (ServerSocketChannel server = ServerSocketChannel.open()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      try (SocketChannel client = SocketChannel.open(server.getLocalAddress());
          SocketChannel accepted = server.accept()) {
        for (int r = 0; r < ROUNDS + 2; r++) {
          AtomicLong receiverCpu = new AtomicLong();
          Thread reader =
              Thread.ofPlatform()
                  .start(
                      () -> {
                        ByteBuffer in = ByteBuffer.allocateDirect(IO_BUFFER);
                        long t0 = threads.getCurrentThreadCpuTime();
                        long left = bytes;
                        try {
                          while (left > 0) {
                            in.clear();
                            int n = accepted.read(in);
                            if (n < 0) {
                              break;
                            }
                            left -= n;
                          }
                        } catch (IOException e) {
                          throw new IllegalStateException(e);
                        }
                        receiverCpu.set(threads.getCurrentThreadCpuTime() - t0);
                      });
          long t0 = threads.getCurrentThreadCpuTime();
          long left = bytes;
          while (left > 0) {
            out.clear().limit((int) Math.min(IO_BUFFER, left));
            while (out.hasRemaining()) {
              left -= client.write(out);
            }
          }
          long sent = threads.getCurrentThreadCpuTime() - t0;
          reader.join();
          if (r >= 2) {
            send = Math.min(send, sent / 1e6);
            receive = Math.min(receive, receiverCpu.get() / 1e6);
          }
        }
      }
    }
    return new double[] {send, receive};
  }

  private long writeFile(byte[] data, int bytes, boolean sync) {
    Path file = dir.resolve("floor-write");
    try {
      return writeFile(data, bytes, sync, file);
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a leftover file in the work dir is removed with it
      }
    }
  }

  private static long writeFile(byte[] data, int bytes, boolean sync, Path file) {
    ByteBuffer buffer = ByteBuffer.allocateDirect(IO_BUFFER).put(data, 0, IO_BUFFER);
    try (FileChannel ch =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      for (long off = 0; off < bytes; off += IO_BUFFER) {
        buffer.clear();
        while (buffer.hasRemaining()) {
          ch.write(buffer);
        }
      }
      if (sync) {
        ch.force(false);
      }
      return ch.size();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long readFile(Path file) {
    ByteBuffer buffer = ByteBuffer.allocateDirect(IO_BUFFER);
    long total = 0;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      int n;
      while ((n = ch.read(buffer.clear())) > 0) {
        total += n;
      }
      return total;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
