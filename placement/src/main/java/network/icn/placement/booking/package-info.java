/**
 * Capacity bookings by tenants, in ScalerNode units per region and term, and usage against them.
 */
package network.icn.placement.booking;
