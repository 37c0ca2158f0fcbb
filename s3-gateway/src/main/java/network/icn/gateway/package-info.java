/**
 * The gateway process: {@link network.icn.gateway.GatewayConfig}, the hand wiring in {@link
 * network.icn.gateway.GatewayMain}, request metrics and the health/metrics endpoints.
 */
package network.icn.gateway;
