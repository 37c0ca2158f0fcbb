/**
 * Checksum primitives the gateway needs beyond the JDK's, shared by SigV4 body verification ({@code
 * auth}) and the object layer ({@code object}): CRC-64/NVME.
 */
package network.icn.gateway.checksum;
