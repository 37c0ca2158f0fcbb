package network.icn.gateway.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import network.icn.gateway.http.HttpExchange;
import network.icn.gateway.http.HttpHandler;
import network.icn.gateway.http.ResponseHeaders;
import network.icn.gateway.metadata.AccessKeyRecord;
import network.icn.gateway.metadata.AccessKeyring;
import network.icn.gateway.metadata.MetadataException;
import network.icn.gateway.metadata.MetadataStore;
import network.icn.gateway.metadata.TenantRecord;
import network.icn.gateway.metadata.TenantStatus;
import network.icn.placement.api.BookingRequest;
import network.icn.placement.api.PlacementException;
import network.icn.placement.api.PlacementService;
import network.icn.placement.client.PlacementJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin API, JSON over HTTP under {@code /admin}, authorized by {@code Authorization: Bearer
 * <admin token>} (compared in constant time). Without a configured token every request is 401.
 *
 * <pre>
 * POST   /admin/tenants                    {"tenantId","displayName"}  → 201 tenant
 * GET    /admin/tenants                                                → tenants
 * POST   /admin/tenants/{id}/keys          {} or {"accessKeyId","secretKey"} → 201 key + secret
 * GET    /admin/tenants/{id}/keys                                      → keys (no secrets)
 * DELETE /admin/keys/{accessKeyId}                                    → the revoked key
 * GET    /admin/tenants/{id}/buckets                                   → buckets
 * GET    /admin/nodes                                                  → placement's nodes
 * POST   /admin/tenants/{id}/bookings      {"region","units","days"}   → 201 booking
 * GET    /admin/tenants/{id}/bookings                                  → bookings
 * </pre>
 *
 * Errors are {@code {"error": CODE, "message": ...}} with 400, 401, 404, 405, 409, 413 or 503.
 */
public final class AdminApi implements HttpHandler {
  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{3,128}");
  private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String SECRET_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final int MAX_BODY = 64 * 1024;

  private final Optional<byte[]> tokenDigest;
  private final MetadataStore metadata;
  private final AccessKeyring keyring;
  private final PlacementService placement;
  private final String defaultRegion;
  private final Clock clock;
  private final SecureRandom random;
  private final JsonMapper json = PlacementJson.mapper();

  public AdminApi(
      Optional<String> adminToken,
      MetadataStore metadata,
      AccessKeyring keyring,
      PlacementService placement,
      String defaultRegion,
      Clock clock,
      SecureRandom random) {
    this.tokenDigest = adminToken.map(AdminApi::sha256);
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.keyring = Objects.requireNonNull(keyring, "keyring");
    this.placement = Objects.requireNonNull(placement, "placement");
    this.defaultRegion = Objects.requireNonNull(defaultRegion, "defaultRegion");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public void handle(HttpExchange exchange) {
    AdminRoute route = AdminRoute.route(exchange.request().method(), exchange.request().rawPath());
    exchange.operation(route.operation());
    if (!authorized(exchange)) {
      String message =
          tokenDigest.isEmpty()
              ? "the admin API is off: start the gateway with --admin-token"
              : "missing or wrong bearer token";
      send(
          exchange,
          401,
          new AdminMessages.Error("Unauthorized", message),
          new ResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"icn-gateway-admin\""));
      return;
    }
    try {
      dispatch(exchange, route);
    } catch (AdminFailure e) {
      send(exchange, e.status, new AdminMessages.Error(e.code, e.getMessage()));
    } catch (MetadataException e) {
      int status =
          switch (e.error()) {
            case NO_SUCH_TENANT, NO_SUCH_ACCESS_KEY, NO_SUCH_BUCKET -> 404;
            case TENANT_ALREADY_EXISTS, ACCESS_KEY_ALREADY_EXISTS -> 409;
            case INVALID_RECORD -> 400;
            default -> 500;
          };
      send(exchange, status, new AdminMessages.Error(e.error().name(), e.getMessage()));
    } catch (PlacementException e) {
      send(
          exchange,
          e.error().httpStatus(),
          new AdminMessages.Error(e.error().name(), e.getMessage()));
    }
  }

  private void dispatch(HttpExchange exchange, AdminRoute route) {
    switch (route) {
      case AdminRoute.CreateTenant() -> {
        AdminMessages.CreateTenant body = body(exchange, AdminMessages.CreateTenant.class);
        String id = tenantId(body.tenantId());
        String name =
            body.displayName() == null || body.displayName().isBlank() ? id : body.displayName();
        TenantRecord tenant = new TenantRecord(id, name, clock.instant(), TenantStatus.ACTIVE);
        metadata.createTenant(tenant);
        send(exchange, 201, view(tenant));
      }
      case AdminRoute.ListTenants() ->
          send(exchange, 200, metadata.listTenants().stream().map(AdminApi::view).toList());
      case AdminRoute.CreateAccessKey(var tenantId) -> {
        requireTenant(tenantId);
        AdminMessages.CreateAccessKey body =
            optionalBody(exchange, AdminMessages.CreateAccessKey.class)
                .orElse(new AdminMessages.CreateAccessKey(null, null));
        String id =
            body.accessKeyId() == null ? "ICN" + random(KEY_ALPHABET, 17) : body.accessKeyId();
        if (!KEY_ID.matcher(id).matches()) {
          throw new AdminFailure(400, "InvalidRequest", "accessKeyId must match " + KEY_ID);
        }
        String secret = body.secretKey() == null ? random(SECRET_ALPHABET, 40) : body.secretKey();
        if (secret.length() < 8) {
          throw new AdminFailure(400, "InvalidRequest", "secretKey must have 8+ characters");
        }
        keyring.issue(tenantId, id, secret);
        send(exchange, 201, new AdminMessages.NewAccessKey(id, secret, tenantId));
      }
      case AdminRoute.ListAccessKeys(var tenantId) -> {
        requireTenant(tenantId);
        send(
            exchange, 200, metadata.listAccessKeys(tenantId).stream().map(AdminApi::view).toList());
      }
      case AdminRoute.RevokeAccessKey(var accessKeyId) -> {
        keyring.revoke(accessKeyId);
        send(exchange, 200, view(metadata.getAccessKey(accessKeyId).orElseThrow()));
      }
      case AdminRoute.ListBuckets(var tenantId) -> {
        requireTenant(tenantId);
        send(
            exchange,
            200,
            metadata.listBuckets(tenantId).stream()
                .map(
                    b ->
                        new AdminMessages.Bucket(
                            b.name(), b.region(), b.created(), b.scheme().toString()))
                .toList());
      }
      case AdminRoute.ListNodes() -> send(exchange, 200, placement.nodes());
      case AdminRoute.BookCapacity(var tenantId) -> {
        requireTenant(tenantId);
        AdminMessages.BookCapacity body = body(exchange, AdminMessages.BookCapacity.class);
        if (body.units() <= 0 || body.days() <= 0) {
          throw new AdminFailure(400, "InvalidRequest", "units and days must be positive");
        }
        Instant now = clock.instant();
        String region = body.region() == null ? defaultRegion : body.region();
        send(
            exchange,
            201,
            placement.book(
                new BookingRequest(
                    tenantId, region, body.units(), now, now.plus(Duration.ofDays(body.days())))));
      }
      case AdminRoute.ListBookings(var tenantId) -> {
        requireTenant(tenantId);
        send(exchange, 200, placement.bookings(tenantId));
      }
      case AdminRoute.Unknown(var pathExists) ->
          throw pathExists
              ? new AdminFailure(405, "MethodNotAllowed", "method not allowed on this path")
              : new AdminFailure(404, "NotFound", "no such admin resource");
    }
  }

  private boolean authorized(HttpExchange exchange) {
    if (tokenDigest.isEmpty()) {
      return false;
    }
    String header = exchange.request().headers().first("authorization").orElse("");
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    // Digests have a fixed length, so the comparison leaks neither content nor token length.
    return MessageDigest.isEqual(tokenDigest.get(), sha256(header.substring(7).strip()));
  }

  private void requireTenant(String tenantId) {
    if (metadata.getTenant(tenantId).isEmpty()) {
      throw new AdminFailure(404, "NoSuchTenant", "no tenant " + tenantId);
    }
  }

  private static String tenantId(String id) {
    if (id == null || !TENANT.matcher(id).matches()) {
      throw new AdminFailure(400, "InvalidRequest", "tenantId must match " + TENANT);
    }
    return id;
  }

  private <T> T body(HttpExchange exchange, Class<T> type) {
    return optionalBody(exchange, type)
        .orElseThrow(() -> new AdminFailure(400, "InvalidRequest", "a JSON body is required"));
  }

  private <T> Optional<T> optionalBody(HttpExchange exchange, Class<T> type) {
    byte[] bytes =
        exchange
            .readSmallBody(MAX_BODY)
            .orElseThrow(() -> new AdminFailure(413, "TooLarge", "body over " + MAX_BODY + " B"));
    if (bytes.length == 0) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(json.readValue(bytes, type));
    } catch (JacksonException e) {
      throw new AdminFailure(400, "InvalidJson", e.getOriginalMessage());
    }
  }

  private void send(HttpExchange exchange, int status, Object body) {
    send(exchange, status, body, new ResponseHeaders());
  }

  private void send(HttpExchange exchange, int status, Object body, ResponseHeaders headers) {
    exchange.respond(
        status,
        headers.add("Content-Type", "application/json").add("Cache-Control", "no-store"),
        json.writeValueAsBytes(body));
  }

  private static AdminMessages.Tenant view(TenantRecord t) {
    return new AdminMessages.Tenant(t.tenantId(), t.displayName(), t.created(), t.status().name());
  }

  private static AdminMessages.AccessKey view(AccessKeyRecord k) {
    return new AdminMessages.AccessKey(
        k.accessKeyId(), k.tenantId(), k.created(), k.status().name());
  }

  private String random(String alphabet, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A request the API refuses, with its status and code. */
  private static final class AdminFailure extends RuntimeException {
    private final int status;
    private final String code;

    AdminFailure(int status, String code, String message) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
    }
  }
}
