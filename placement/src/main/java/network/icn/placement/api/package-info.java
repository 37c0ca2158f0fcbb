/**
 * The placement contract other modules code against: {@link
 * network.icn.placement.api.PlacementService}, its request and view records, the {@link
 * network.icn.placement.api.PlacementError} enum and the node-signature scheme shared by agents
 * (which sign) and placement (which verifies).
 */
package network.icn.placement.api;
