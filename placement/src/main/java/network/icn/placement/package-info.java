/**
 * The standalone placement process: {@link network.icn.placement.PlacementConfig} (flags,
 * environment, config file) and {@link network.icn.placement.PlacementMain}, which wires everything
 * by hand.
 */
package network.icn.placement;
