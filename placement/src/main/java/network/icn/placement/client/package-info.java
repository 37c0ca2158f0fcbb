/**
 * The HTTP client of the placement API ({@link network.icn.placement.client.PlacementClient}) and
 * the JSON mapping it shares with the server.
 */
package network.icn.placement.client;
