package network.icn.conformance.sdk;

import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.core.ResponseBytes;
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

/**
 * The S3 operations the suites use, over either SDK client ({@link SyncOps}, {@link AsyncOps}), so
 * one test body runs against both. Async failures surface as the same {@code S3Exception} the sync
 * client throws (unwrapped from the {@code CompletionException}).
 */
interface S3Ops {
  ListBucketsResponse listBuckets();

  CreateBucketResponse createBucket(Consumer<CreateBucketRequest.Builder> r);

  HeadBucketResponse headBucket(Consumer<HeadBucketRequest.Builder> r);

  GetBucketLocationResponse getBucketLocation(Consumer<GetBucketLocationRequest.Builder> r);

  DeleteBucketResponse deleteBucket(Consumer<DeleteBucketRequest.Builder> r);

  PutObjectResponse putObject(Consumer<PutObjectRequest.Builder> r, byte[] body);

  ResponseBytes<GetObjectResponse> getObject(Consumer<GetObjectRequest.Builder> r);

  HeadObjectResponse headObject(Consumer<HeadObjectRequest.Builder> r);

  DeleteObjectResponse deleteObject(Consumer<DeleteObjectRequest.Builder> r);

  CopyObjectResponse copyObject(Consumer<CopyObjectRequest.Builder> r);

  DeleteObjectsResponse deleteObjects(Consumer<DeleteObjectsRequest.Builder> r);

  ListObjectsV2Response listObjectsV2(Consumer<ListObjectsV2Request.Builder> r);

  /** Every page, through the SDK's paginator (Iterable or Publisher). */
  List<ListObjectsV2Response> listObjectsV2Pages(Consumer<ListObjectsV2Request.Builder> r);

  ListObjectsResponse listObjects(Consumer<ListObjectsRequest.Builder> r);

  CreateMultipartUploadResponse createMultipartUpload(
      Consumer<CreateMultipartUploadRequest.Builder> r);

  UploadPartResponse uploadPart(Consumer<UploadPartRequest.Builder> r, byte[] body);

  CompleteMultipartUploadResponse completeMultipartUpload(
      Consumer<CompleteMultipartUploadRequest.Builder> r);

  AbortMultipartUploadResponse abortMultipartUpload(
      Consumer<AbortMultipartUploadRequest.Builder> r);

  ListPartsResponse listParts(Consumer<ListPartsRequest.Builder> r);
}
