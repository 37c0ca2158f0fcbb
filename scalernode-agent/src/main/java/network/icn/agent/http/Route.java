package network.icn.agent.http;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import network.icn.agent.client.ShardId;

/**
 * A parsed shard API request. {@link #parse} is pure; the dispatcher switches over the result
 * exhaustively. {@link #operation()} is the metric label.
 */
sealed interface Route {
  int DEFAULT_LIST_LIMIT = 1000;
  int MAX_LIST_LIMIT = 10_000;

  String operation();

  /** The shard id the request names, or null (part of the signed message). */
  default String shardId() {
    return null;
  }

  record PutShard(ShardId id) implements Route {
    public String operation() {
      return "PutShard";
    }

    public String shardId() {
      return id.value();
    }
  }

  record GetShard(ShardId id) implements Route {
    public String operation() {
      return "GetShard";
    }

    public String shardId() {
      return id.value();
    }
  }

  record HeadShard(ShardId id) implements Route {
    public String operation() {
      return "HeadShard";
    }

    public String shardId() {
      return id.value();
    }
  }

  record DeleteShard(ShardId id) implements Route {
    public String operation() {
      return "DeleteShard";
    }

    public String shardId() {
      return id.value();
    }
  }

  record ListShards(Optional<ShardId> after, int limit) implements Route {
    public String operation() {
      return "ListShards";
    }
  }

  record AnswerChallenges() implements Route {
    public String operation() {
      return "AnswerChallenges";
    }
  }

  record Health() implements Route {
    public String operation() {
      return "Health";
    }
  }

  record Metrics() implements Route {
    public String operation() {
      return "Metrics";
    }
  }

  /** Anything else: answered with {@code status} and {@code message}, before authentication. */
  record Invalid(int status, String message) implements Route {
    public String operation() {
      return "Invalid";
    }
  }

  static Route parse(HttpMethod method, String uri) {
    QueryStringDecoder decoder = new QueryStringDecoder(uri);
    String path = decoder.rawPath();
    String m = method.name();
    if (path.equals("/health")) {
      return m.equals("GET") ? new Health() : notAllowed();
    }
    if (path.equals("/metrics")) {
      return m.equals("GET") ? new Metrics() : notAllowed();
    }
    if (path.equals("/challenges")) {
      return m.equals("POST") ? new AnswerChallenges() : notAllowed();
    }
    if (path.equals("/shards")) {
      if (!m.equals("GET")) {
        return notAllowed();
      }
      return parseList(decoder.parameters());
    }
    if (path.startsWith("/shards/")) {
      ShardId id = ShardId.parseOrNull(path.substring("/shards/".length()));
      if (id == null) {
        return new Invalid(400, "shard ids are 1..200 characters of [A-Za-z0-9_-]");
      }
      return switch (m) {
        case "PUT" -> new PutShard(id);
        case "GET" -> new GetShard(id);
        case "HEAD" -> new HeadShard(id);
        case "DELETE" -> new DeleteShard(id);
        default -> notAllowed();
      };
    }
    return new Invalid(404, "no such endpoint: " + path);
  }

  private static Route parseList(Map<String, List<String>> params) {
    Optional<ShardId> after = Optional.empty();
    String afterParam = first(params, "after");
    if (afterParam != null && !afterParam.isEmpty()) {
      ShardId id = ShardId.parseOrNull(afterParam);
      if (id == null) {
        return new Invalid(400, "after= is not a shard id");
      }
      after = Optional.of(id);
    }
    int limit = DEFAULT_LIST_LIMIT;
    String limitParam = first(params, "limit");
    if (limitParam != null) {
      try {
        limit = Integer.parseInt(limitParam);
      } catch (NumberFormatException e) {
        return new Invalid(400, "limit= is not a number");
      }
      if (limit < 1 || limit > MAX_LIST_LIMIT) {
        return new Invalid(400, "limit must be in [1, " + MAX_LIST_LIMIT + "]");
      }
    }
    return new ListShards(after, limit);
  }

  private static String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  private static Route notAllowed() {
    return new Invalid(405, "method not allowed on this path");
  }
}
