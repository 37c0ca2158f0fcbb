package network.icn.agent.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import network.icn.placement.api.Booking;
import network.icn.placement.api.BookingRequest;
import network.icn.placement.api.NodeView;
import network.icn.placement.api.Placement;
import network.icn.placement.api.PlacementError;
import network.icn.placement.api.PlacementException;
import network.icn.placement.api.PlacementRequest;
import network.icn.placement.api.PlacementService;
import network.icn.placement.api.ReplacementRequest;
import network.icn.placement.api.SignedHeartbeat;
import network.icn.placement.api.SignedRegistration;
import network.icn.placement.api.Utilisation;

/**
 * A placement decorator that fails the next {@code n} registrations or heartbeats as if
 * unreachable, then passes calls to the real service; it records what got through.
 */
public final class FlakyPlacement implements PlacementService {
  private final PlacementService delegate;
  private int failuresLeft;
  private int attempts;
  private final List<SignedRegistration> registrations = new ArrayList<>();
  private final List<SignedHeartbeat> heartbeats = new ArrayList<>();

  public FlakyPlacement(PlacementService delegate, int failures) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.failuresLeft = failures;
  }

  /** Placement that never answers. */
  public static FlakyPlacement unreachable(PlacementService delegate) {
    return new FlakyPlacement(delegate, Integer.MAX_VALUE);
  }

  /** Makes the next {@code n} registrations or heartbeats fail. */
  public synchronized void failNext(int n) {
    failuresLeft = n;
  }

  public synchronized int attempts() {
    return attempts;
  }

  public synchronized List<SignedRegistration> registrations() {
    return List.copyOf(registrations);
  }

  public synchronized List<SignedHeartbeat> heartbeats() {
    return List.copyOf(heartbeats);
  }

  private void maybeFail() {
    attempts++;
    if (failuresLeft > 0) {
      failuresLeft--;
      throw new PlacementException(PlacementError.UNAVAILABLE, "placement unreachable (injected)");
    }
  }

  @Override
  public synchronized NodeView register(SignedRegistration registration) {
    maybeFail();
    NodeView view = delegate.register(registration);
    registrations.add(registration);
    return view;
  }

  @Override
  public synchronized NodeView heartbeat(SignedHeartbeat heartbeat) {
    maybeFail();
    NodeView view = delegate.heartbeat(heartbeat);
    heartbeats.add(heartbeat);
    return view;
  }

  @Override
  public List<NodeView> nodes() {
    return delegate.nodes();
  }

  @Override
  public Optional<NodeView> node(String nodeId) {
    return delegate.node(nodeId);
  }

  @Override
  public Placement place(PlacementRequest request) {
    return delegate.place(request);
  }

  @Override
  public Placement replacement(ReplacementRequest request) {
    return delegate.replacement(request);
  }

  @Override
  public Booking book(BookingRequest request) {
    return delegate.book(request);
  }

  @Override
  public List<Booking> bookings(String tenantId) {
    return delegate.bookings(tenantId);
  }

  @Override
  public Utilisation utilisation(String region) {
    return delegate.utilisation(region);
  }
}
