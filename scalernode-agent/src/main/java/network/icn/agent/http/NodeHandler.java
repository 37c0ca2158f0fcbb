package network.icn.agent.http;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import network.icn.agent.challenge.ChallengeResponder;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.Challenge;
import network.icn.agent.client.ShardId;
import network.icn.agent.store.ShardInfo;
import network.icn.agent.store.ShardPage;
import network.icn.agent.store.ShardStore;
import network.icn.agent.store.StoreUsage;

/**
 * The node-level operations: {@code DELETE /shards/{id}}, {@code GET /shards?after=&limit=}, {@code
 * POST /challenges}, {@code GET /health} and {@code GET /metrics}.
 */
public final class NodeHandler {
  private static final int MAX_CHALLENGE_BODY = 64 * 1024;

  private final ShardStore store;
  private final ChallengeResponder challenges;
  private final PrometheusRegistry registry;
  private final String nodeId;
  private volatile boolean draining;

  public NodeHandler(
      ShardStore store, ChallengeResponder challenges, PrometheusRegistry registry, String nodeId) {
    this.store = Objects.requireNonNull(store, "store");
    this.challenges = Objects.requireNonNull(challenges, "challenges");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
  }

  void startDraining() {
    draining = true;
  }

  void delete(Exchange ex, ShardId id) {
    ex.readBody(0);
    if (!store.delete(id)) {
      throw new AgentException(AgentError.NOT_FOUND, "no shard " + id);
    }
    ex.respond(204, "application/json", new byte[0], null);
  }

  void list(Exchange ex, Optional<ShardId> after, int limit) {
    ex.readBody(0);
    ShardPage page = store.list(after, limit);
    StringBuilder json = new StringBuilder(64 + page.shards().size() * 160).append("{\"shards\":[");
    boolean first = true;
    for (ShardInfo info : page.shards()) {
      json.append(first ? "" : ",")
          .append("{\"shardId\":\"")
          .append(info.id().value())
          .append("\",\"size\":")
          .append(info.size())
          .append(",\"merkleRoot\":\"")
          .append(info.spec().merkleRoot().hex())
          .append("\",\"createdMillis\":")
          .append(info.createdMillis())
          .append('}');
      first = false;
    }
    json.append("],\"next\":")
        .append(page.next().map(id -> "\"" + id.value() + "\"").orElse("null"))
        .append('}');
    ex.respondJson(200, json.toString());
  }

  void challenges(Exchange ex) {
    byte[] body = ex.readBody(MAX_CHALLENGE_BODY);
    Challenge.Request request;
    try {
      request = Challenge.Request.fromJson(body);
    } catch (IllegalArgumentException e) {
      throw new AgentException(AgentError.BAD_REQUEST, e.getMessage());
    }
    byte[] answer = challenges.answer(request).toJson();
    ex.respond(200, "application/json", answer, null);
  }

  void health(Exchange ex) {
    ex.readBody(0);
    StoreUsage usage = store.usage();
    String status = draining ? "draining" : "ok";
    ex.respondJson(
        draining ? 503 : 200,
        "{\"status\":\""
            + status
            + "\",\"nodeId\":\""
            + nodeId
            + "\",\"shards\":"
            + usage.shardCount()
            + ",\"usedBytes\":"
            + usage.usedBytes()
            + ",\"capacityBytes\":"
            + usage.capacityBytes()
            + "}");
  }

  void metrics(Exchange ex) {
    ex.readBody(0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, registry.scrape());
    } catch (IOException e) {
      throw new AgentException(AgentError.IO_ERROR, "cannot render metrics", e);
    }
    ex.respond(
        200,
        PrometheusTextFormatWriter.CONTENT_TYPE,
        out.toString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8),
        null);
  }
}
