/**
 * The S3 additional checksums ({@link network.icn.gateway.checksum.ChecksumAlgorithm}: names,
 * header names, value sizes and running computation) and the CRC-64/NVME the JDK lacks, shared by
 * SigV4 body verification ({@code auth}) and the object layer ({@code object}).
 */
package network.icn.gateway.checksum;
