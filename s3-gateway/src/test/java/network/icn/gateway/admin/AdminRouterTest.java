package network.icn.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import network.icn.gateway.auth.RequestHeaders;
import network.icn.gateway.http.RequestHead;
import org.junit.jupiter.api.Test;

final class AdminRouterTest {
  private static RequestHead head(String path, String query, String... headers) {
    return new RequestHead("GET", path, query, RequestHeaders.of(headers), Optional.empty());
  }

  @Test
  void unsignedAdminPathsGoToTheAdminApiSignedOnesToS3() {
    assertTrue(AdminRouter.isAdmin(head("/admin/nodes", "")));
    assertTrue(AdminRouter.isAdmin(head("/admin", "", "Authorization", "Bearer t")));
    assertFalse(AdminRouter.isAdmin(head("/administrator/x", "")));
    assertFalse(AdminRouter.isAdmin(head("/other/admin", "")));
    assertFalse(
        AdminRouter.isAdmin(
            head("/admin/key", "", "Authorization", "AWS4-HMAC-SHA256 Credential=a/b")));
    assertFalse(AdminRouter.isAdmin(head("/admin/key", "X-Amz-Credential=a&X-Amz-Signature=b")));
  }

  @Test
  void routesAreExhaustiveAndNamedForMetrics() {
    assertEquals(new AdminRoute.CreateTenant(), AdminRoute.route("POST", "/admin/tenants"));
    assertEquals(new AdminRoute.ListTenants(), AdminRoute.route("GET", "/admin/tenants/"));
    assertEquals(
        new AdminRoute.CreateAccessKey("a b"),
        AdminRoute.route("POST", "/admin/tenants/a%20b/keys"));
    assertEquals(
        new AdminRoute.ListAccessKeys("t"), AdminRoute.route("GET", "/admin/tenants/t/keys"));
    assertEquals(new AdminRoute.RevokeAccessKey("K"), AdminRoute.route("DELETE", "/admin/keys/K"));
    assertEquals(
        new AdminRoute.ListBuckets("t"), AdminRoute.route("GET", "/admin/tenants/t/buckets"));
    assertEquals(new AdminRoute.ListNodes(), AdminRoute.route("GET", "/admin/nodes"));
    assertEquals(
        new AdminRoute.BookCapacity("t"), AdminRoute.route("POST", "/admin/tenants/t/bookings"));
    assertEquals(
        new AdminRoute.ListBookings("t"), AdminRoute.route("GET", "/admin/tenants/t/bookings"));
    assertEquals(new AdminRoute.Unknown(true), AdminRoute.route("PUT", "/admin/nodes"));
    assertEquals(new AdminRoute.Unknown(false), AdminRoute.route("GET", "/admin/x"));
    assertEquals("AdminListNodes", new AdminRoute.ListNodes().operation());
  }
}
