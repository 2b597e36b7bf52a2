package io.wellbase.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every permission, for every staff role, through a real endpoint that needs it: 403 exactly when
 * the matrix denies it. A permission without a probe here fails the test, so new permissions join.
 */
class PermissionMatrixIntegrationTests extends IntegrationTest {

    /** A request that needs one permission; with a random id it answers 404 or 400 when allowed. */
    private record Probe(String method, String path, Object body) {}

    private static Map<Permission, Probe> probes() {
        String random = UUID.randomUUID().toString();
        Map<Permission, Probe> probes = new EnumMap<>(Permission.class);
        probes.put(Permission.ORGANIZATION_UPDATE, new Probe("GET", "/api/v1/join-link", null));
        probes.put(
                Permission.ORGANIZATION_DELETE,
                new Probe("GET", "/api/v1/organizations/" + random + "/deletion", null));
        probes.put(Permission.LOCATION_READ, new Probe("GET", "/api/v1/locations", null));
        probes.put(Permission.LOCATION_WRITE, new Probe("POST", "/api/v1/locations", Map.of()));
        probes.put(Permission.MEMBER_READ, new Probe("GET", "/api/v1/members", null));
        probes.put(Permission.MEMBER_INVITE, new Probe("GET", "/api/v1/invitations", null));
        probes.put(Permission.MEMBER_MANAGE, new Probe("DELETE", "/api/v1/members/" + random, null));
        probes.put(Permission.AUDIT_READ, new Probe("GET", "/api/v1/audit-logs", null));
        probes.put(Permission.API_KEY_MANAGE, new Probe("GET", "/api/v1/api-keys", null));
        probes.put(Permission.CLIENT_READ, new Probe("GET", "/api/v1/clients", null));
        probes.put(Permission.CLIENT_WRITE, new Probe("POST", "/api/v1/clients", Map.of()));
        probes.put(Permission.CLIENT_MANAGE, new Probe("GET", "/api/v1/clients/" + random + "/export", null));
        probes.put(Permission.MEMBERSHIP_READ, new Probe("GET", "/api/v1/membership-plans", null));
        probes.put(
                Permission.MEMBERSHIP_SELL,
                new Probe(
                        "POST",
                        "/api/v1/clients/" + random + "/memberships",
                        Map.of("planId", random, "paymentMethod", "cash")));
        probes.put(Permission.MEMBERSHIP_MANAGE, new Probe("POST", "/api/v1/membership-plans", Map.of()));
        probes.put(Permission.SCHEDULE_READ, new Probe("GET", "/api/v1/class-types", null));
        probes.put(Permission.SCHEDULE_MANAGE, new Probe("POST", "/api/v1/class-types", Map.of()));
        probes.put(
                Permission.BOOKING_MANAGE,
                new Probe("POST", "/api/v1/sessions/" + random + "/check-ins", Map.of("clientId", random)));
        probes.put(Permission.FILE_UPLOAD, new Probe("GET", "/api/v1/uploads", null));
        probes.put(Permission.DATA_IMPORT, new Probe("GET", "/api/v1/imports", null));
        probes.put(Permission.DATA_EXPORT, new Probe("GET", "/api/v1/exports/jobs", null));
        probes.put(Permission.REPORT_RUN, new Probe("GET", "/api/v1/reports", null));
        probes.put(Permission.NOTIFICATION_MANAGE, new Probe("GET", "/api/v1/notifications/deliveries", null));
        probes.put(Permission.WEBHOOK_MANAGE, new Probe("GET", "/api/v1/webhooks/endpoints", null));
        probes.put(Permission.CONVERSATION_START, new Probe("POST", "/api/v1/conversations", Map.of()));
        probes.put(Permission.CONVERSATION_READ_ALL, new Probe("GET", "/api/v1/conversations/all", null));
        probes.put(Permission.ANALYTICS_READ, new Probe("GET", "/api/v1/home/summary", null));
        probes.put(Permission.ANALYTICS_MANAGE, new Probe("GET", "/api/v1/analytics/settings", null));
        probes.put(Permission.CARE_READ, new Probe("GET", "/api/v1/clients/" + random + "/moods", null));
        probes.put(Permission.CARE_MANAGE, new Probe("POST", "/api/v1/breathing/techniques", Map.of()));
        probes.put(Permission.TREATMENT_MANAGE, new Probe("POST", "/api/v1/treatments", Map.of()));
        probes.put(Permission.PRODUCT_MANAGE, new Probe("POST", "/api/v1/products", Map.of()));
        probes.put(Permission.INVENTORY_MANAGE, new Probe("GET", "/api/v1/inventory", null));
        probes.put(Permission.ORDER_SELL, new Probe("GET", "/api/v1/orders", null));
        probes.put(Permission.PAYMENT_TAKE, new Probe("GET", "/api/v1/payments", null));
        probes.put(
                Permission.PAYMENT_REFUND,
                new Probe("POST", "/api/v1/payments/" + random + "/refund", Map.of("amount", 1)));
        probes.put(Permission.BILLING_MANAGE, new Probe("GET", "/api/v1/billing/settings", null));
        probes.put(
                Permission.ORDER_REFUND,
                new Probe("POST", "/api/v1/orders/" + random + "/refunds", Map.of("amount", 1, "reason", "probe")));
        probes.put(
                Permission.REVENUE_READ,
                new Probe("POST", "/api/v1/analytics/query", Map.of("metrics", List.of("revenue", "netRevenue"))));
        return probes;
    }

    private String tokenFor(Owner owner, Role role) {
        String email = uniqueEmail(role.value());
        Api.Response invited =
                api.post("/api/v1/invitations", Map.of("email", email, "role", role.value()), owner.token());
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        Api.Response accepted = api.post(
                "/api/v1/auth/invitations/accept",
                Map.of(
                        "token",
                        tokenIn(lastEmailBody(email, "invitation")),
                        "firstName",
                        "R",
                        "lastName",
                        role.value(),
                        "password",
                        PASSWORD),
                null);
        assertThat(accepted.field("user.role")).isEqualTo(role.value());
        return accepted.field("accessToken");
    }

    @Test
    void everyPermissionHasAProbe() {
        assertThat(probes().keySet()).containsExactlyInAnyOrder(Permission.values());
    }

    @Test
    void eachRoleGetsExactlyWhatTheMatrixGrants() {
        Owner owner = ownerWithOrganization("Matrix");
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        tokens.put(Role.OWNER, owner.token());
        for (Role role : List.of(Role.ADMIN, Role.MANAGER, Role.STAFF, Role.FRONT_DESK)) {
            tokens.put(role, tokenFor(owner, role));
        }
        probes().forEach((permission, probe) -> tokens.forEach((role, token) -> {
            Api.Response r = api.send(probe.method(), probe.path(), probe.body(), token, Map.of());
            if (permission.grantedTo(role)) {
                assertThat(r.status())
                        .as(permission + " for " + role + ": " + r)
                        .isNotEqualTo(403)
                        .isLessThan(500);
            } else {
                assertThat(r.status())
                        .as(permission + " for " + role + ": " + r)
                        .isEqualTo(403);
                assertThat(r.field("code")).isEqualTo("auth.forbidden");
            }
        }));
    }
}
