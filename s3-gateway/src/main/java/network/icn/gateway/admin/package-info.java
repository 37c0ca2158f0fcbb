/**
 * The gateway's admin API ({@code /admin/...}, JSON, bearer admin token) and the {@code icn-gateway
 * admin} CLI that calls it: tenants, access keys, a tenant's buckets, nodes, capacity bookings.
 */
package network.icn.gateway.admin;
