/**
 * AWS Signature Version 4 for the S3 front end, split into parse ({@link
 * network.icn.gateway.auth.SigV4Parser}), canonicalize ({@link
 * network.icn.gateway.auth.Canonicalizer}) and verify ({@link
 * network.icn.gateway.auth.SigV4Verifier}), plus the streaming body verifiers (plain and
 * aws-chunked) and the S3 checksums. Pure Java: no Netty, no I/O beyond the bytes handed in.
 */
package network.icn.gateway.auth;
