package network.icn.agent.identity;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Objects;
import network.icn.agent.client.Signatures;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * The node's secp256k1 key. The key file holds the private key as 64 hex characters; it is created
 * with permissions 0600 on first start and reused afterwards. The node id is the key's address.
 */
public record NodeKey(ECKeyPair keyPair, String nodeId, boolean created) {
  public NodeKey {
    Objects.requireNonNull(keyPair, "keyPair");
    nodeId = Signatures.normalizeAddress(nodeId);
  }

  /** Loads the key at {@code file}, or creates it (0600) if absent. */
  public static NodeKey loadOrCreate(Path file, SecureRandom random) throws IOException {
    if (Files.exists(file)) {
      String hex = Files.readString(file, StandardCharsets.US_ASCII).trim();
      if (!hex.matches("(0x)?[0-9a-fA-F]{64}")) {
        throw new IOException("key file " + file + " does not hold a 64-hex-digit private key");
      }
      ECKeyPair key = ECKeyPair.create(new BigInteger(hex.replaceFirst("^0x", ""), 16));
      return new NodeKey(key, Signatures.address(key), false);
    }
    ECKeyPair key;
    try {
      key = Keys.createEcKeyPair(random);
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException("cannot generate a secp256k1 key", e);
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temp = file.resolveSibling(file.getFileName() + ".new");
    Files.deleteIfExists(temp);
    Files.createFile(
        temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(
        temp,
        String.format("%064x%n", key.getPrivateKey()),
        StandardCharsets.US_ASCII,
        StandardOpenOption.WRITE,
        StandardOpenOption.SYNC);
    try {
      Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(temp);
      return loadOrCreate(file, random);
    }
    return new NodeKey(key, Signatures.address(key), true);
  }
}
