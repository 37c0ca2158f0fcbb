/**
 * Real S3 tools against the gateway: a second SDK (MinIO's Java client) in-process, and the aws cli
 * and rclone as child processes, each compared with what AWS S3 does.
 */
package network.icn.conformance.tools;
