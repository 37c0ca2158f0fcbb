package network.icn.placement.api;

import java.util.List;
import java.util.Optional;

/**
 * Placement: the node registry, the placement policy and capacity bookings. Implemented in-process
 * ({@code network.icn.placement.service.InProcessPlacementService}) and over HTTP ({@code
 * network.icn.placement.client.PlacementClient}); both throw {@link PlacementException}.
 */
public interface PlacementService {

  /** Registers a node, or updates it in place. The signature must recover to the node id. */
  NodeView register(SignedRegistration registration);

  /** Records a node's telemetry and marks it alive. The signature must recover to the node id. */
  NodeView heartbeat(SignedHeartbeat heartbeat);

  /** Every registered node, ordered by node id. */
  List<NodeView> nodes();

  /** One node. */
  Optional<NodeView> node(String nodeId);

  /** Chooses k+m distinct nodes for a new segment and charges the tenant's booking. */
  Placement place(PlacementRequest request);

  /** Chooses nodes for lost shards of a segment (repair); bookings are not charged. */
  Placement replacement(ReplacementRequest request);

  /** Books capacity for a tenant. */
  Booking book(BookingRequest request);

  /** A tenant's bookings, oldest first (including past ones). */
  List<Booking> bookings(String tenantId);

  /** Booked vs used capacity in a region, per tenant and per node. */
  Utilisation utilisation(String region);
}
