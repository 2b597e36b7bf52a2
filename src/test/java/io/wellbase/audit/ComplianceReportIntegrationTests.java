package io.wellbase.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The audit compliance report: counts per actor, entity type and day that add up to the trail's entries of the
 * period (another organization's entries never count), and the unusual activity: a bulk export, many failed
 * sign-ins of a member, a role change; as JSON and as a PDF with the same findings.
 */
class ComplianceReportIntegrationTests extends OrganizationTest {

    @Test
    void countsAddUpAndTheUnusualActivityIsFound() throws Exception {
        Owner owner = ownerWithOrganization("Compliance Studio");
        Owner other = ownerWithOrganization("Other Compliance Studio");
        Member manager = memberWithRole(owner, "manager");
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/clients", Map.of("firstName", "C" + i, "lastName", "Counted"), owner.token());
            api.post("/api/v1/clients", Map.of("firstName", "O" + i, "lastName", "Elsewhere"), other.token());
        }
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/auth/login", Map.of("email", manager.email(), "password", "wrong-" + i), null)
                            .status())
                    .isEqualTo(401);
        }
        assertThat(api.patch("/api/v1/members/" + manager.userId(), Map.of("role", "staff"), owner.token())
                        .status())
                .isEqualTo(200);
        // a big export: 1,000 clients through the export endpoint
        jdbc.sql("""
                INSERT INTO clients (id, org_id, first_name, last_name)
                SELECT gen_random_uuid(), :o, 'Bulk', 'B' || g FROM generate_series(1, 1000) g
                """).param("o", owner.orgId()).update();
        assertThat(api.get("/api/v1/exports?type=clients&format=csv", owner.token())
                        .status())
                .isEqualTo(200);

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        // everything the trail holds before the report (which records its own request after it is built)
        long entries = jdbc.sql("SELECT count(*) FROM audit_log WHERE org_id = :o")
                .param("o", owner.orgId())
                .query(Long.class)
                .single();
        Api.Response report = api.get(
                "/api/v1/audit-logs/compliance-report?from=" + today.minusDays(1) + "&to=" + today, owner.token());
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonNode json = report.json();
        assertThat(json.path("totals").path("actions").asLong()).isEqualTo(entries);
        assertThat(sum(json.path("byActor"))).isEqualTo(entries);
        assertThat(sum(json.path("byEntityType"))).isEqualTo(entries);
        assertThat(sum(json.path("byDay"))).isEqualTo(entries);
        assertThat(sum(json.path("perActorEntityAndDay"))).isEqualTo(entries);
        assertThat(json.path("totals").path("failedSignIns").asLong()).isEqualTo(5);
        assertThat(json.path("totals").path("roleChanges").asLong()).isEqualTo(1);
        assertThat(json.path("byEntityType").findValuesAsString("entityType")).contains("client", "member", "user");
        assertThat(json.path("byActor").findValuesAsString("email")).contains(owner.email(), manager.email());

        assertThat(finding(json, "failed_sign_ins", manager.userId())
                        .path("count")
                        .asLong())
                .isEqualTo(5);
        assertThat(finding(json, "role_change", owner.userId()).path("detail").asString())
                .contains("manager")
                .contains("staff");
        assertThat(finding(json, "bulk_export", owner.userId()).path("detail").asString())
                .contains("1003 rows");

        Api.Response otherReport = api.get("/api/v1/audit-logs/compliance-report", other.token());
        assertThat(otherReport.json().path("totals").path("failedSignIns").asLong())
                .isZero();
        assertThat(otherReport.json().path("unusual")).isEmpty();
        assertThat(otherReport.json().path("byActor").findValuesAsString("email"))
                .doesNotContain(manager.email());

        String pdf = pdfText(
                "/api/v1/audit-logs/compliance-report?format=pdf&from=" + today.minusDays(1) + "&to=" + today,
                owner.token());
        assertThat(pdf).contains("Audit compliance report", "Compliance Studio", "failed_sign_ins", "role_change");
        assertThat(pdf).contains("bulk_export");

        assertThat(api.get("/api/v1/audit-logs/compliance-report", manager.token())
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/audit-logs/compliance-report?format=xml", owner.token())
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/audit-logs/compliance-report?from=2026-01-01&to=2025-01-01", owner.token())
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/audit-logs/compliance-report?from=2024-01-01&to=2026-01-01", owner.token())
                        .status())
                .isEqualTo(400);
    }

    private static long sum(JsonNode rows) {
        long total = 0;
        for (JsonNode row : rows) {
            total += row.path("actions").asLong();
        }
        return total;
    }

    private static JsonNode finding(JsonNode report, String kind, UUID actor) {
        for (JsonNode f : report.path("unusual")) {
            if (f.path("kind").asString().equals(kind)
                    && f.path("actorId").asString().equals(actor.toString())) {
                return f;
            }
        }
        throw new AssertionError("no " + kind + " finding for " + actor + " in " + report.path("unusual"));
    }

    private String pdfText(String path, String token) throws Exception {
        return io.wellbase.support.PdfDownloads.text(port, path, token);
    }
}
