/**
 * The in-process {@link network.icn.placement.api.PlacementService}: registry, policy and bookings
 * put together, with per-region snapshots of eligible nodes refreshed as the registry changes.
 */
package network.icn.placement.service;
