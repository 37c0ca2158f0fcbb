package network.icn.conformance.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ListPartsRequest;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/** {@link S3Ops} over the blocking {@link S3Client}. */
final class SyncOps implements S3Ops {
  private final S3Client s3;

  SyncOps(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public ListBucketsResponse listBuckets() {
    return s3.listBuckets();
  }

  @Override
  public CreateBucketResponse createBucket(Consumer<CreateBucketRequest.Builder> r) {
    return s3.createBucket(r);
  }

  @Override
  public HeadBucketResponse headBucket(Consumer<HeadBucketRequest.Builder> r) {
    return s3.headBucket(r);
  }

  @Override
  public GetBucketLocationResponse getBucketLocation(Consumer<GetBucketLocationRequest.Builder> r) {
    return s3.getBucketLocation(r);
  }

  @Override
  public DeleteBucketResponse deleteBucket(Consumer<DeleteBucketRequest.Builder> r) {
    return s3.deleteBucket(r);
  }

  @Override
  public PutObjectResponse putObject(Consumer<PutObjectRequest.Builder> r, byte[] body) {
    return s3.putObject(r, RequestBody.fromBytes(body));
  }

  @Override
  public ResponseBytes<GetObjectResponse> getObject(Consumer<GetObjectRequest.Builder> r) {
    return s3.getObjectAsBytes(r);
  }

  @Override
  public HeadObjectResponse headObject(Consumer<HeadObjectRequest.Builder> r) {
    return s3.headObject(r);
  }

  @Override
  public DeleteObjectResponse deleteObject(Consumer<DeleteObjectRequest.Builder> r) {
    return s3.deleteObject(r);
  }

  @Override
  public CopyObjectResponse copyObject(Consumer<CopyObjectRequest.Builder> r) {
    return s3.copyObject(r);
  }

  @Override
  public DeleteObjectsResponse deleteObjects(Consumer<DeleteObjectsRequest.Builder> r) {
    return s3.deleteObjects(r);
  }

  @Override
  public ListObjectsV2Response listObjectsV2(Consumer<ListObjectsV2Request.Builder> r) {
    return s3.listObjectsV2(r);
  }

  @Override
  public List<ListObjectsV2Response> listObjectsV2Pages(Consumer<ListObjectsV2Request.Builder> r) {
    List<ListObjectsV2Response> pages = new ArrayList<>();
    s3.listObjectsV2Paginator(r).forEach(pages::add);
    return pages;
  }

  @Override
  public ListObjectsResponse listObjects(Consumer<ListObjectsRequest.Builder> r) {
    return s3.listObjects(r);
  }

  @Override
  public CreateMultipartUploadResponse createMultipartUpload(
      Consumer<CreateMultipartUploadRequest.Builder> r) {
    return s3.createMultipartUpload(r);
  }

  @Override
  public UploadPartResponse uploadPart(Consumer<UploadPartRequest.Builder> r, byte[] body) {
    return s3.uploadPart(r, RequestBody.fromBytes(body));
  }

  @Override
  public CompleteMultipartUploadResponse completeMultipartUpload(
      Consumer<CompleteMultipartUploadRequest.Builder> r) {
    return s3.completeMultipartUpload(r);
  }

  @Override
  public AbortMultipartUploadResponse abortMultipartUpload(
      Consumer<AbortMultipartUploadRequest.Builder> r) {
    return s3.abortMultipartUpload(r);
  }

  @Override
  public ListPartsResponse listParts(Consumer<ListPartsRequest.Builder> r) {
    return s3.listParts(r);
  }
}
