/**
 * Internals of the Reed-Solomon codec: GF(2^8) arithmetic, matrices over GF(2^8), and the scalar
 * and Vector API kernels that multiply a coefficient matrix into byte ranges. Other modules use
 * {@link network.icn.erasure.ReedSolomon}, never this package.
 */
package network.icn.erasure.gf;
