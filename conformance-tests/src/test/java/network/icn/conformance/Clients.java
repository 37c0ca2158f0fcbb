package network.icn.conformance;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * aws-sdk-java-v2 clients for an {@link S3Target}, closed together. Every client keeps the SDK's
 * defaults (retries, checksums, chunked signing) except what its arguments name.
 */
public final class Clients implements AutoCloseable {
  /** The SDK's two checksum settings. */
  public enum Checksums {
    /** The SDK default: a CRC32 on every upload, validated on download. */
    WHEN_SUPPORTED,
    /** Checksums only where an operation requires one. */
    WHEN_REQUIRED
  }

  private final S3Target target;
  private final List<AutoCloseable> open = new ArrayList<>();

  public Clients(S3Target target) {
    this.target = target;
  }

  /** A sync client with every default: path style, WHEN_SUPPORTED checksums. */
  public S3Client sync() {
    return sync(true, Checksums.WHEN_SUPPORTED);
  }

  public S3Client sync(boolean pathStyle, Checksums checksums) {
    S3Client c =
        S3Client.builder()
            .endpointOverride(target.endpoint(pathStyle))
            .region(Region.of(target.region()))
            .forcePathStyle(pathStyle)
            .credentialsProvider(credentials())
            .requestChecksumCalculation(request(checksums))
            .responseChecksumValidation(response(checksums))
            .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
            .build();
    open.add(c);
    return c;
  }

  /** An async client with every default: path style, WHEN_SUPPORTED checksums. */
  public S3AsyncClient async() {
    return async(true, Checksums.WHEN_SUPPORTED);
  }

  public S3AsyncClient async(boolean pathStyle, Checksums checksums) {
    S3AsyncClient c =
        S3AsyncClient.builder()
            .endpointOverride(target.endpoint(pathStyle))
            .region(Region.of(target.region()))
            .forcePathStyle(pathStyle)
            .credentialsProvider(credentials())
            .requestChecksumCalculation(request(checksums))
            .responseChecksumValidation(response(checksums))
            .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(64))
            .build();
    open.add(c);
    return c;
  }

  /** A presigner for the target (path style unless told otherwise). */
  public S3Presigner presigner(boolean pathStyle) {
    S3Presigner p =
        S3Presigner.builder()
            .endpointOverride(target.endpoint(pathStyle))
            .region(Region.of(target.region()))
            .credentialsProvider(credentials())
            .serviceConfiguration(
                software.amazon.awssdk.services.s3.S3Configuration.builder()
                    .pathStyleAccessEnabled(pathStyle)
                    .build())
            .build();
    open.add(p);
    return p;
  }

  private StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(target.accessKey(), target.secretKey()));
  }

  private static RequestChecksumCalculation request(Checksums c) {
    return c == Checksums.WHEN_SUPPORTED
        ? RequestChecksumCalculation.WHEN_SUPPORTED
        : RequestChecksumCalculation.WHEN_REQUIRED;
  }

  private static ResponseChecksumValidation response(Checksums c) {
    return c == Checksums.WHEN_SUPPORTED
        ? ResponseChecksumValidation.WHEN_SUPPORTED
        : ResponseChecksumValidation.WHEN_REQUIRED;
  }

  @Override
  public void close() {
    for (AutoCloseable c : open) {
      try {
        c.close();
      } catch (Exception e) {
        // closing clients of a finished test: nothing to recover
      }
    }
    open.clear();
  }
}
