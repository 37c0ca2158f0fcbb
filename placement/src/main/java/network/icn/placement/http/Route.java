package network.icn.placement.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import network.icn.placement.api.NodeState;

/** Every request the API understands, parsed from method, path and query by {@link #parse}. */
sealed interface Route {
  /** The bounded metric label of the route. */
  String name();

  /** Routes open without the API token: they carry a node signature or expose nothing. */
  default boolean open() {
    return false;
  }

  record Register() implements Route {
    public String name() {
      return "register";
    }

    public boolean open() {
      return true;
    }
  }

  record Heartbeat() implements Route {
    public String name() {
      return "heartbeat";
    }

    public boolean open() {
      return true;
    }
  }

  record ListNodes(Optional<NodeState> state) implements Route {
    public String name() {
      return "list_nodes";
    }
  }

  record NodeDetail(String nodeId) implements Route {
    public String name() {
      return "node_detail";
    }
  }

  record ChangeState(String nodeId) implements Route {
    public String name() {
      return "change_state";
    }
  }

  record Place() implements Route {
    public String name() {
      return "place";
    }
  }

  record Replace() implements Route {
    public String name() {
      return "replacement";
    }
  }

  record Book() implements Route {
    public String name() {
      return "book";
    }
  }

  record ListBookings(String tenantId) implements Route {
    public String name() {
      return "list_bookings";
    }
  }

  record Utilisation(String region) implements Route {
    public String name() {
      return "utilisation";
    }
  }

  record Health() implements Route {
    public String name() {
      return "health";
    }

    public boolean open() {
      return true;
    }
  }

  record Metrics() implements Route {
    public String name() {
      return "metrics";
    }

    public boolean open() {
      return true;
    }
  }

  /** No such route, or a bad query; {@code reason} says which. */
  record Unknown(String reason) implements Route {
    public String name() {
      return "unknown";
    }

    public boolean open() {
      return true;
    }
  }

  static Route parse(String method, String path, String rawQuery) {
    Map<String, String> query = query(rawQuery);
    String[] p = path.length() > 1 ? path.substring(1).split("/", -1) : new String[0];
    boolean get = method.equals("GET");
    boolean post = method.equals("POST");
    if (p.length == 1 && get && p[0].equals("health")) {
      return new Health();
    }
    if (p.length == 1 && get && p[0].equals("metrics")) {
      return new Metrics();
    }
    if (p.length < 2 || !p[0].equals("v1")) {
      return new Unknown("no route " + method + " " + path);
    }
    String what = p[1];
    if (p.length == 2) {
      switch (what) {
        case "nodes" -> {
          if (get) {
            String state = query.get("state");
            if (state == null) {
              return new ListNodes(Optional.empty());
            }
            try {
              return new ListNodes(Optional.of(NodeState.valueOf(state)));
            } catch (IllegalArgumentException e) {
              return new Unknown("unknown state " + state);
            }
          }
        }
        case "placements" -> {
          if (post) {
            return new Place();
          }
        }
        case "replacements" -> {
          if (post) {
            return new Replace();
          }
        }
        case "bookings" -> {
          if (post) {
            return new Book();
          }
          if (get && query.containsKey("tenant")) {
            return new ListBookings(query.get("tenant"));
          }
        }
        default -> {}
      }
    }
    if (p.length == 3 && what.equals("nodes")) {
      if (post && p[2].equals("register")) {
        return new Register();
      }
      if (post && p[2].equals("heartbeat")) {
        return new Heartbeat();
      }
      if (get) {
        return new NodeDetail(p[2]);
      }
    }
    if (p.length == 3 && get && what.equals("utilisation")) {
      return new Utilisation(p[2]);
    }
    if (p.length == 5
        && post
        && what.equals("admin")
        && p[2].equals("nodes")
        && p[4].equals("state")) {
      return new ChangeState(p[3]);
    }
    return new Unknown("no route " + method + " " + path);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return out;
  }
}
