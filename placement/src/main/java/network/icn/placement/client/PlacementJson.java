package network.icn.placement.client;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping of the API records (Jackson 3: records by their components, {@code Instant} as
 * ISO-8601). Unknown properties are ignored so that either side can add members first.
 */
public final class PlacementJson {
  private PlacementJson() {}

  /** A new, immutable mapper. */
  public static JsonMapper mapper() {
    return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  }

  /** The body of every error response. */
  public record ErrorBody(String error, String message) {}

  /** The body of the operator state-change request. */
  public record StateChange(network.icn.placement.api.NodeState state) {}
}
