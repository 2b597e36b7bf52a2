package io.wellbase.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every tenant endpoint of the running application (found from the handler mappings, so new
 * endpoints join by themselves) with a second organization's token and the first organization's
 * ids: every answer is 400, 403 or 404, no answer carries the first organization's ids or names,
 * and the first organization's data is unchanged afterwards.
 */
class TenantIsolationIntegrationTests extends IntegrationTest {

    private static final Pattern UUIDS =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String SECRET_NAME = "Zephyrine Quillfeather";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Set<String> ids = new LinkedHashSet<>();

    private Api.Response collect(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isLessThan(300);
        Matcher m = UUIDS.matcher(r.text());
        while (m.find()) {
            ids.add(m.group());
        }
        return r;
    }

    /** The email of the last seeded organization's client (seeded again, each needs its own account). */
    private String clientEmail;

    private Owner seedOrganizationA() {
        clientEmail = "zephyrine-" + UUID.randomUUID().toString().substring(0, 8) + "@tenant-a.test";
        Owner a = ownerWithOrganization("Tenant A");
        String t = a.token();
        UUID location = collect(api.post(
                        "/api/v1/locations",
                        Map.of(
                                "name",
                                "A-Location",
                                "timezone",
                                "Europe/Berlin",
                                "rooms",
                                List.of(Map.of("name", "A-Room", "capacity", 10))),
                        t))
                .id();
        UUID type = collect(api.post(
                        "/api/v1/class-types",
                        Map.of("name", "A-Yoga", "durationMinutes", 60, "defaultCapacity", 10),
                        t))
                .id();
        UUID session = collect(api.post(
                        "/api/v1/sessions",
                        Map.of(
                                "classTypeId",
                                type,
                                "locationId",
                                location,
                                "startsAt",
                                OffsetDateTime.now()
                                        .plusDays(1)
                                        .truncatedTo(ChronoUnit.HOURS)
                                        .toString()),
                        t))
                .id();
        UUID client = collect(api.post(
                        "/api/v1/clients",
                        Map.of(
                                "firstName",
                                SECRET_NAME.split(" ")[0],
                                "lastName",
                                SECRET_NAME.split(" ")[1],
                                "email",
                                clientEmail),
                        t))
                .id();
        collect(api.post("/api/v1/clients/" + client + "/notes", Map.of("body", "A private note"), t));
        collect(api.post("/api/v1/clients/" + client + "/alerts", Map.of("level", "red", "message", "A alert"), t));
        UUID plan = collect(api.post(
                        "/api/v1/membership-plans",
                        Map.of(
                                "name",
                                "A-Pack",
                                "kind",
                                "class_pack",
                                "credits",
                                5,
                                "price",
                                Map.of("amount", 5000, "currency", "EUR"),
                                "periodUnit",
                                "month",
                                "periodCount",
                                1),
                        t))
                .id();
        collect(api.post(
                "/api/v1/clients/" + client + "/memberships", Map.of("planId", plan, "paymentMethod", "cash"), t));
        collect(api.post("/api/v1/sessions/" + session + "/bookings", Map.of("clientId", client), t));
        collect(api.post("/api/v1/invitations", Map.of("email", uniqueEmail("a-staff"), "role", "staff"), t));
        collect(api.post("/api/v1/client-fields", Map.of("key", "a_field", "label", "A", "type", "text"), t));
        collect(api.post("/api/v1/onboarding-steps", Map.of("key", "a_step", "label", "A step"), t));
        collect(api.upload(
                "/api/v1/uploads",
                Map.of("purpose", "client_document"),
                "a-notes.txt",
                "A private note in a file".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                t));
        Api.Response imported = collect(api.upload(
                "/api/v1/imports",
                Map.of("kind", "clients"),
                "a-clients.csv",
                "Client ID,First Name,Last Name\nA-77,Quillon,Secret\nA-78,,\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                t));
        waitForImport(imported.id(), t);
        collect(api.get("/api/v1/exports?type=clients&async=true", t));
        collect(api.post("/api/v1/reports", Map.of("reportType", "client_roster", "format", "json"), t));
        collect(api.get("/api/v1/sales", t));
        Api.Response conversation = collect(
                api.post("/api/v1/conversations", Map.of("kind", "client", "clientId", client, "title", "A-Chat"), t));
        String conversationId = conversation.field("conversation.id");
        collect(api.post(
                "/api/v1/conversations/" + conversationId + "/messages",
                Map.of("body", "A private message for " + SECRET_NAME),
                t));
        collect(api.post("/api/v1/conversations", Map.of("kind", "staff", "title", "A-Team"), t));
        String portal = portalToken(a, client, clientEmail);
        collect(api.post("/api/v1/chat/sessions", Map.of("topic", "A-Crisis", "priority", "high"), portal));
        collect(api.put("/api/v1/chat/counselors/me", Map.of("status", "available", "bio", "A-Counselor"), t));
        UUID category = collect(api.post("/api/v1/product-categories", Map.of("name", "A-Category"), t))
                .id();
        UUID product = collect(api.post(
                        "/api/v1/products",
                        Map.of(
                                "sku",
                                "A-SKU",
                                "title",
                                "A-Product",
                                "price",
                                Map.of("amount", 1000),
                                "categoryId",
                                category),
                        t))
                .id();
        collect(api.post(
                "/api/v1/inventory/movements",
                Map.of("productId", product, "locationId", location, "kind", "receive", "quantity", 5),
                t));
        collect(api.put(
                "/api/v1/inventory/thresholds",
                Map.of("productId", product, "locationId", location, "lowThreshold", 1),
                t));
        UUID order = collect(api.post(
                        "/api/v1/orders",
                        Map.of(
                                "clientId",
                                client,
                                "locationId",
                                location,
                                "items",
                                List.of(Map.of("productId", product, "quantity", 1))),
                        t))
                .id();
        collect(api.post("/api/v1/payments", Map.of("orderId", order, "method", "cash"), t));
        collect(api.post("/api/v1/orders/" + order + "/refunds", Map.of("amount", 100, "reason", "A-Refund"), t));
        UUID payment = collect(api.post(
                        "/api/v1/payments",
                        Map.of("amount", 2500, "description", "A-Payment", "clientId", client, "method", "cash"),
                        t))
                .id();
        collect(api.post("/api/v1/payments/" + payment + "/refund", Map.of("amount", 100, "reason", "A-Back"), t));
        collect(api.post(
                "/api/v1/invoices",
                Map.of("clientId", client, "lines", List.of(Map.of("description", "A-Line", "unitAmount", 700))),
                t));
        collect(api.post("/api/v1/orders/" + order + "/reorder", Map.of(), t));
        collect(api.post(
                "/api/v1/routines",
                Map.of("name", "A-Routine", "published", true, "steps", List.of(Map.of("productId", product))),
                t));
        UUID service = collect(api.post(
                        "/api/v1/services",
                        Map.of("name", "A-Service", "durationMinutes", 30, "priceAmount", 1000, "currency", "EUR"),
                        t))
                .id();
        collect(api.put(
                "/api/v1/services/" + service + "/products",
                Map.of("products", List.of(Map.of("productId", product, "quantity", 1))),
                t));
        collect(api.post(
                "/api/v1/inventory/movements",
                Map.of(
                        "productId",
                        product,
                        "locationId",
                        location,
                        "kind",
                        "adjust",
                        "quantity",
                        -4,
                        "reason",
                        "A-count"),
                t));
        collect(api.get("/api/v1/inventory/movements", t));
        collect(api.post("/api/v1/user/products/favorites", Map.of("productId", product), portal));
        collect(api.post("/api/v1/api-keys", Map.of("name", "A-Key", "scopes", List.of("client_read")), t));
        waitForDeliveries(t);
        collect(api.get("/api/v1/notifications/deliveries", t));
        collect(api.get("/api/v1/audit-logs?page_size=200", t));
        ids.add(a.orgId().toString());
        ids.add(a.userId().toString());
        return a;
    }

    /** The booking's email to the client is queued after the booking's transaction, by a listener. */
    private void waitForDeliveries(String token) {
        for (int i = 0; i < 300; i++) {
            if (api.get("/api/v1/notifications/deliveries", token)
                            .json()
                            .path("data")
                            .size()
                    > 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the booking's notification was not queued");
    }

    private void waitForImport(UUID id, String token) {
        for (int i = 0; i < 300; i++) {
            String status = api.get("/api/v1/imports/" + id, token).field("status");
            if (!status.equals("queued") && !status.equals("processing")) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    @Test
    void anotherOrganizationGetsNothingFromAnyEndpoint() {
        Owner a = seedOrganizationA();
        Owner b = ownerWithOrganization("Tenant B");
        List<String> probedWithIds = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : patterns(info)) {
                if (!pattern.startsWith("/api/v1/") || pattern.startsWith("/api/v1/auth/")) {
                    continue;
                }
                for (RequestMethod method : methods(info)) {
                    if (pattern.contains("{")) {
                        probedWithIds.add(method + " " + pattern);
                        for (String id : ids) {
                            String path = pattern.replaceAll("\\{[^}]+}", id);
                            Object body =
                                    method == RequestMethod.GET || method == RequestMethod.DELETE ? null : Map.of();
                            // a multipart endpoint gets a file (a JSON body would stop at the media type)
                            Api.Response r = info.getConsumesCondition()
                                            .getConsumableMediaTypes()
                                            .contains(org.springframework.http.MediaType.MULTIPART_FORM_DATA)
                                    ? api.upload(path, Map.of(), "probe.txt", "probe".getBytes(), b.token())
                                    : api.send(method.name(), path, body, b.token(), Map.of());
                            assertThat(r.status())
                                    .as(method + " " + path + " → " + r)
                                    .isIn(400, 403, 404);
                            assertNoLeak(r, method + " " + path);
                        }
                    } else if (method == RequestMethod.GET) {
                        Api.Response r = api.get(pattern, b.token());
                        assertThat(r.status()).as("GET " + pattern + " → " + r).isLessThan(500);
                        assertNoLeak(r, "GET " + pattern);
                    }
                }
            }
        });
        assertThat(probedWithIds).as("endpoints with ids were walked").hasSizeGreaterThan(20);

        Api.Response stillThere = api.get("/api/v1/clients?q=zephyrine", a.token());
        assertThat(stillThere.json().path("data").size())
                .as("A's data unchanged")
                .isEqualTo(1);
        assertThat(api.get("/api/v1/locations", a.token())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isEqualTo(1);
    }

    /** The problem's {@code instance} echoes the path the caller sent; everything else must be free of A's data. */
    private void assertNoLeak(Api.Response r, String what) {
        String text = r.text().replaceAll("\"instance\":\"[^\"]*\"", "");
        for (String id : ids) {
            assertThat(text).as(what + " leaks " + id).doesNotContain(id);
        }
        assertThat(text)
                .as(what)
                .doesNotContain("Zephyrine")
                .doesNotContain("A private note")
                .doesNotContain(clientEmail);
    }

    private static Set<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition() != null
                ? info.getPathPatternsCondition().getPatternValues()
                : info.getPatternValues();
    }

    private static Set<RequestMethod> methods(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty() ? Set.of(RequestMethod.GET) : methods;
    }
    /**
     * An owner deletes organization A after taking its exports; when the grace period is over the removal job
     * leaves no row of it in any table and no stored file, and another organization seeded the same way keeps every
     * row it had.
     */
    @Test
    void aDeletedOrganizationLeavesNothingBehindAndOthersKeepEverything() throws Exception {
        Owner a = seedOrganizationA();
        Owner other = seedOrganizationA();
        List<String> tables = jdbc.sql("""
                SELECT c.table_name FROM information_schema.columns c
                JOIN information_schema.tables t USING (table_schema, table_name)
                WHERE c.table_schema = current_schema() AND c.column_name = 'org_id' AND t.table_type = 'BASE TABLE'
                ORDER BY 1
                """).query(String.class).list();
        Map<String, Long> othersBefore = rowsPerTable(tables, other.orgId());
        Map<String, Long> aBefore = rowsPerTable(tables, a.orgId());
        assertThat(aBefore.values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(100);
        assertThat(aBefore.values().stream().filter(n -> n > 0).count())
                .as("tables holding A")
                .isGreaterThan(40);
        java.nio.file.Path storedFiles =
                java.nio.file.Path.of("target/test-files", a.orgId().toString());
        assertThat(filesUnder(storedFiles)).isPositive();

        Api.Response state = api.get("/api/v1/organizations/" + a.orgId() + "/deletion", a.token());
        assertThat(state.field("status")).isEqualTo("none");
        for (var offer : state.json().path("exports")) {
            Api.Response export = api.get(offer.path("href").asString(), a.token());
            assertThat(export.status()).as(offer + " " + export).isIn(200, 202);
        }
        Api.Response scheduled = api.post(
                "/api/v1/organizations/" + a.orgId() + "/deletion", Map.of("confirmation", "Tenant A"), a.token());
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(202);
        jdbc.sql("UPDATE organizations SET deletion_due_at = now() - interval '1 second' WHERE id = :o")
                .param("o", a.orgId())
                .update();
        scheduler.reschedule(
                com.github.kagkarlsson.scheduler.task.TaskInstanceId.of("organization-removal", "recurring"),
                java.time.Instant.now());
        assertThat(eventuallyCount(
                        () -> jdbc.sql("SELECT count(*) FROM organization_removals WHERE removed_org_id = :o")
                                .param("o", a.orgId())
                                .query(Long.class)
                                .single(),
                        1))
                .as("the removal job removed the organization")
                .isEqualTo(1);

        Map<String, Long> aAfter = rowsPerTable(tables, a.orgId());
        assertThat(aAfter.entrySet().stream().filter(e -> e.getValue() > 0).toList())
                .as("rows of the removed organization")
                .isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM organizations WHERE id = :o")
                        .param("o", a.orgId())
                        .query(Long.class)
                        .single())
                .isZero();
        // an export still running when the removal began writes its file meanwhile: its bytes go once the
        // removal commits (or, written after it, when the keeper cannot record them)
        assertThat(eventuallyCount(() -> filesUnder(storedFiles), 0))
                .as("stored files of the removed organization")
                .isZero();
        assertThat(rowsPerTable(tables, other.orgId())).isEqualTo(othersBefore);
        // the owner's token loses its rights within the session check interval (3 s)
        int status = 200;
        for (int i = 0; i < 100 && status == 200; i++) {
            Thread.sleep(100);
            status = api.get("/api/v1/clients", a.token()).status();
        }
        assertThat(status).isIn(401, 403);
        assertThat(api.get("/api/v1/clients", other.token()).status()).isEqualTo(200);
    }

    @Autowired
    com.github.kagkarlsson.scheduler.Scheduler scheduler;

    private Map<String, Long> rowsPerTable(List<String> tables, UUID org) {
        Map<String, Long> rows = new java.util.TreeMap<>();
        for (String table : tables) {
            rows.put(
                    table,
                    jdbc.sql("SELECT count(*) FROM " + table + " WHERE org_id = :o")
                            .param("o", org)
                            .query(Long.class)
                            .single());
        }
        return rows;
    }

    private static long filesUnder(java.nio.file.Path dir) {
        if (!java.nio.file.Files.exists(dir)) {
            return 0;
        }
        try (var walk = java.nio.file.Files.walk(dir)) {
            return walk.filter(java.nio.file.Files::isRegularFile).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
