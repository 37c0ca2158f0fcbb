package network.icn.gateway.admin;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import network.icn.placement.client.PlacementJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code icn-gateway admin --url URL --token TOKEN COMMAND [ARGS]}: calls the {@link AdminApi} and
 * prints its JSON answer. {@code --url} and {@code --token} may also come from {@code
 * ICN_GATEWAY_ADMIN_URL} and {@code ICN_GATEWAY_ADMIN_TOKEN} (keeps the token out of shell
 * history). Exit status: 0 done, 1 the API refused (its error is printed to stderr), 2 usage.
 */
public final class AdminCli {
  static final String USAGE =
      """
      usage: icn-gateway admin --url URL --token TOKEN COMMAND [ARGS]
        create-tenant TENANT [--display-name NAME]
        list-tenants
        create-key TENANT [--access-key ID --secret-key SECRET]   (generated when absent)
        list-keys TENANT
        revoke-key ACCESS_KEY
        list-buckets TENANT
        list-nodes
        book-capacity TENANT UNITS [--days 30] [--region REGION]
        list-bookings TENANT
      --url and --token default to $ICN_GATEWAY_ADMIN_URL and $ICN_GATEWAY_ADMIN_TOKEN.
      """;

  private final JsonMapper json = PlacementJson.mapper();

  private AdminCli() {}

  /** Runs one command with the process environment. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.getenv(), out, err);
  }

  /** Runs one command; returns the exit status. */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    try {
      return new AdminCli().execute(args, env, out, err);
    } catch (UsageException e) {
      err.println("icn-gateway admin: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
  }

  private int execute(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    Map<String, String> flags = new HashMap<>();
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) {
        out.print(USAGE);
        return 0;
      }
      if (a.startsWith("--")) {
        int eq = a.indexOf('=');
        if (eq > 0) {
          flags.put(a.substring(2, eq), a.substring(eq + 1));
        } else if (i + 1 < args.length) {
          flags.put(a.substring(2), args[++i]);
        } else {
          throw new UsageException(a + " needs a value");
        }
      } else {
        positional.add(a);
      }
    }
    String url = flags.getOrDefault("url", env.get("ICN_GATEWAY_ADMIN_URL"));
    String token = flags.getOrDefault("token", env.get("ICN_GATEWAY_ADMIN_TOKEN"));
    if (positional.isEmpty() || positional.getFirst().equals("help")) {
      out.print(USAGE);
      return positional.isEmpty() ? 2 : 0;
    }
    if (url == null || token == null) {
      throw new UsageException("--url and --token are required");
    }
    String command = positional.getFirst();
    List<String> rest = positional.subList(1, positional.size());
    Call call =
        switch (command) {
          case "create-tenant" -> {
            String tenant = one(rest, "TENANT");
            yield new Call(
                "POST",
                "/admin/tenants",
                new AdminMessages.CreateTenant(tenant, flags.getOrDefault("display-name", tenant)));
          }
          case "list-tenants" -> get(rest, "/admin/tenants");
          case "create-key" ->
              new Call(
                  "POST",
                  "/admin/tenants/" + enc(one(rest, "TENANT")) + "/keys",
                  new AdminMessages.CreateAccessKey(
                      flags.get("access-key"), flags.get("secret-key")));
          case "list-keys" ->
              get(List.of(), "/admin/tenants/" + enc(one(rest, "TENANT")) + "/keys");
          case "revoke-key" ->
              new Call("DELETE", "/admin/keys/" + enc(one(rest, "ACCESS_KEY")), null);
          case "list-buckets" ->
              get(List.of(), "/admin/tenants/" + enc(one(rest, "TENANT")) + "/buckets");
          case "list-nodes" -> get(rest, "/admin/nodes");
          case "book-capacity" -> {
            if (rest.size() != 2) {
              throw new UsageException("book-capacity needs TENANT UNITS");
            }
            yield new Call(
                "POST",
                "/admin/tenants/" + enc(rest.get(0)) + "/bookings",
                new AdminMessages.BookCapacity(
                    flags.get("region"),
                    number(rest.get(1), "UNITS"),
                    number(flags.getOrDefault("days", "30"), "--days")));
          }
          case "list-bookings" ->
              get(List.of(), "/admin/tenants/" + enc(one(rest, "TENANT")) + "/bookings");
          default -> throw new UsageException("unknown command " + command);
        };
    return send(url, token, call, out, err);
  }

  private record Call(String method, String path, Object body) {}

  private static Call get(List<String> rest, String path) {
    if (!rest.isEmpty()) {
      throw new UsageException("unexpected arguments " + rest);
    }
    return new Call("GET", path, null);
  }

  private int send(String url, String token, Call call, PrintStream out, PrintStream err) {
    String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    HttpRequest.BodyPublisher body =
        call.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(call.body()));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + call.path()))
            .method(call.method(), body)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .build();
    HttpResponse<String> response;
    try (HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build()) {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      err.println("icn-gateway admin: cannot reach " + base + ": " + e);
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("icn-gateway admin: interrupted");
      return 1;
    }
    boolean ok = response.statusCode() / 100 == 2;
    (ok ? out : err).println(pretty(response.body()));
    if (!ok) {
      err.println("icn-gateway admin: HTTP " + response.statusCode());
    }
    return ok ? 0 : 1;
  }

  private String pretty(String body) {
    try {
      JsonNode node = json.readTree(body);
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (RuntimeException e) {
      return body;
    }
  }

  private static String one(List<String> rest, String name) {
    if (rest.size() != 1) {
      throw new UsageException("expected " + name);
    }
    return rest.getFirst();
  }

  private static long number(String s, String name) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be a number, got " + s);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message, null, false, false);
    }
  }
}
