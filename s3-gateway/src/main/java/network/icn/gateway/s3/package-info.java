/**
 * The S3 API: the pure router ({@link network.icn.gateway.s3.S3Router} → {@link
 * network.icn.gateway.s3.S3Route}), one handler per operation family, the XML wire format, and the
 * one place where errors of every layer become S3 errors ({@link
 * network.icn.gateway.s3.ErrorMapper}).
 */
package network.icn.gateway.s3;
