/** Prometheus metrics of placement, registered on an injected registry with bounded labels. */
package network.icn.placement.metrics;
