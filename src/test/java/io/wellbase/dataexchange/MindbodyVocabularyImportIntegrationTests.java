package io.wellbase.dataexchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Real Mindbody exports: their own status and payment words, and Excel's "Unicode Text" (UTF-16). */
class MindbodyVocabularyImportIntegrationTests extends ImportTest {

    /** Mindbody's client statuses as its client export writes them, in every case and spacing. */
    static final String CLIENTS = String.join(
            "\r\n",
            "Client ID,First Name,Last Name,Email,Status",
            "MB-1,Ada,Active,ada@example.test,Active",
            "MB-2,Nora,Nonmember,nora@example.test,Non-Member",
            "MB-3,Ezra,Expired,ezra@example.test,EXPIRED",
            "MB-4,Sam,Suspended,sam@example.test,suspended",
            "MB-5,Dina,Declined,dina@example.test,Declined",
            "MB-6,Tom,Terminated,tom@example.test,Terminated",
            "MB-7,Ines,Inactive,ines@example.test,  inactive ",
            "MB-8,Pia,Prospect,pia@example.test,Prospect",
            "MB-9,Leo,Lead,leo@example.test,lead",
            "MB-10,Nick,Nonmember,nick@example.test,non member",
            "MB-11,Uma,Unknown,uma@example.test,VIP Gold",
            "");

    @Test
    void everyMindbodyClientStatusImportsAndAnUnknownOneIsAWarning() {
        Owner owner = ownerWithOrganization("Mindbody Statuses");
        JsonNode job = importAndWait(
                owner.token(), "clients", "clients.csv", CLIENTS.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(count(job, "created")).isEqualTo(11);
        assertThat(count(job, "failed")).isZero();
        assertThat(count(job, "warnings")).isEqualTo(1);
        assertThat(statuses(owner))
                .containsExactly(
                        "MB-1 active",
                        "MB-2 active",
                        "MB-3 inactive",
                        "MB-4 suspended",
                        "MB-5 suspended",
                        "MB-6 churned",
                        "MB-7 inactive",
                        "MB-8 lead",
                        "MB-9 lead",
                        "MB-10 active",
                        "MB-11 active");
        JsonNode errors = errors(owner.token(), job);
        assertThat(errors).hasSize(1);
        JsonNode warning = errors.get(0);
        assertThat(warning.path("severity").asString()).isEqualTo("warning");
        assertThat(warning.path("rowNumber").asLong()).isEqualTo(12);
        assertThat(warning.path("column").asString()).isEqualTo("Status");
        assertThat(warning.path("value").asString()).isEqualTo("VIP Gold");
        assertThat(warning.path("message").asString())
                .contains("is not a client status")
                .contains("imported as active");
        Api.Response csv =
                api.get("/api/v1/imports/" + job.path("id").asString() + "/errors?format=csv", owner.token());
        assertThat(csv.text()).contains("12,Status,VIP Gold,").contains(",warning");

        JsonNode suspendedNow = importAndWait(
                owner.token(),
                "clients",
                "clients.csv",
                "Client ID,First Name,Last Name,Status\nMB-4,Sam,Suspended,Gold Tier\n"
                        .getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(count(suspendedNow, "warnings")).isEqualTo(1);
        assertThat(statuses(owner)).contains("MB-4 suspended");
    }

    @Test
    void excelUnicodeTextInUtf16ImportsThroughUploadAndFileId() {
        Owner owner = ownerWithOrganization("Unicode Text");
        String tsv = "Client ID\tFirst Name\tLast Name\tEmail\tBirth Date\tStatus\r\n"
                + "U-1\tÅsa\tLindström\tasa@example.test\t03/14/1990\tActive\r\n"
                + "U-2\tZoë\t\"O'Brien, Jr.\"\tzoe@example.test\t12/24/1979\tProspect\r\n"
                + "U-3\t李\t小龍 😀\tli@example.test\t\tNon-Member\r\n";
        JsonNode le = importAndWait(
                owner.token(), "clients", "clients.txt", withBom(tsv, StandardCharsets.UTF_16LE), Map.of());
        assertThat(le.path("status").asString()).as(le.toString()).isEqualTo("completed");
        assertThat(le.path("detected").path("encoding").asString()).isEqualTo("UTF-16LE with BOM");
        assertThat(le.path("detected").path("delimiter").asString()).isEqualTo("tab");
        assertThat(le.path("mapping").path("Client ID").asString()).isEqualTo("externalId");
        assertThat(count(le, "created")).isEqualTo(3);
        assertThat(count(le, "failed")).isZero();
        assertThat(jdbc.sql("""
                SELECT first_name || ' ' || last_name || ' ' || coalesce(birth_date::text, '-') || ' ' || status
                FROM clients WHERE org_id = :org ORDER BY email
                """).param("org", owner.orgId()).query(String.class).list())
                .containsExactly(
                        "Åsa Lindström 1990-03-14 active", "李 小龍 😀 - active", "Zoë O'Brien, Jr. 1979-12-24 lead");

        Api.Response uploaded = api.upload(
                "/api/v1/uploads",
                Map.of("purpose", "import"),
                "more.txt",
                withBom(tsv.replace("U-", "B-").replace("@example", "@be.example"), StandardCharsets.UTF_16BE),
                owner.token());
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        Api.Response submitted = api.post(
                "/api/v1/imports", Map.of("fileId", uploaded.id().toString(), "kind", "clients"), owner.token());
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        JsonNode be = waitFor(owner.token(), submitted.id());
        assertThat(be.path("status").asString()).as(be.toString()).isEqualTo("completed");
        assertThat(be.path("detected").path("encoding").asString()).isEqualTo("UTF-16BE with BOM");
        assertThat(count(be, "created")).isEqualTo(3);
        assertThat(jdbc.sql("SELECT last_name FROM clients WHERE org_id = :org AND email = 'li@be.example.test'")
                        .param("org", owner.orgId())
                        .query(String.class)
                        .single())
                .isEqualTo("小龍 😀");
    }

    @Test
    void mindbodyVisitStatusesBecomeBookingOutcomes() {
        Owner owner = studioWithClients("Mindbody Visits");
        String visits = String.join(
                "\n",
                "Visit ID,Client ID,Visit Date,Class Name,Status,Late Cancel",
                "V1,M-1,3/2/2026 6:30 PM,Vinyasa Flow,Signed in,",
                "V2,M-2,3/2/2026 6:30 PM,Vinyasa Flow,Late Cancelled,",
                "V3,M-3,3/2/2026 6:30 PM,Vinyasa Flow,No-Show,",
                "V4,M-1,3/3/2026 6:30 PM,Vinyasa Flow,late  cancel,Yes",
                "V5,M-2,3/3/2026 6:30 PM,Vinyasa Flow,Absent,",
                "V6,M-3,3/3/2026 6:30 PM,Vinyasa Flow,Completed,",
                "V7,M-1,3/4/2026 6:30 PM,Vinyasa Flow,Unpaid,",
                "V8,M-2,3/4/2026 6:30 PM,Vinyasa Flow,Booked,",
                "V9,M-3,3/4/2026 6:30 PM,Vinyasa Flow,Teleported,",
                "V10,M-1,3/5/2026 6:30 PM,Vinyasa Flow,Early Cancel,",
                "V11,M-2,3/5/2026 6:30 PM,Vinyasa Flow,Signed In,Yes",
                "V12,M-3,3/5/2026 6:30 PM,Vinyasa Flow,Waitlisted,",
                "");
        JsonNode job =
                importAndWait(owner.token(), "visits", "visits.csv", visits.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(job.path("mapping").path("Status").asString()).isEqualTo("status");
        assertThat(count(job, "created")).isEqualTo(9);
        assertThat(count(job, "failed")).isEqualTo(3);
        assertThat(count(job, "warnings")).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT b.import_ref || ' ' || b.status FROM bookings b WHERE b.org_id = :org
                ORDER BY length(b.import_ref), b.import_ref
                """).param("org", owner.orgId()).query(String.class).list())
                .containsExactly(
                        "V1 attended",
                        "V2 late_cancelled",
                        "V3 no_show",
                        "V4 late_cancelled",
                        "V5 no_show",
                        "V6 attended",
                        "V7 attended",
                        "V8 attended",
                        "V9 attended");
        JsonNode errors = errors(owner.token(), job);
        assertThat(ClientsImportIntegrationTests.messages(errors))
                .containsExactly(
                        "11 Status Early Cancel: is an early cancellation: the client gave the place back, so there is no visit to import",
                        "12 Status Signed In: disagrees with Late Cancel Yes; a visit has one outcome, so the row is not imported",
                        "13 Status Waitlisted: is a place on the waiting list, not a visit; waiting lists are not imported");
        assertThat(warnings(errors)).containsExactly("10 Status Teleported");
    }

    @Test
    void mindbodyPaymentMethodsAndMembershipStatusesImport() {
        Owner owner = studioWithClients("Mindbody Sales");
        String sales = String.join(
                "\n",
                "Sale ID,Sale Date,Client ID,Item name,Amount,Payment Method",
                "R1,01/15/2026,M-1,Drop-in,$20.00,Cash",
                "R2,01/15/2026,M-1,Drop-in,$20.00,Check",
                "R3,01/15/2026,M-1,Drop-in,$20.00,Cheque",
                "R4,01/15/2026,M-2,Drop-in,$20.00,Credit Card",
                "R5,01/15/2026,M-2,Drop-in,$20.00,VISA",
                "R6,01/15/2026,M-2,Drop-in,$20.00,Master-Card",
                "R7,01/15/2026,M-3,Drop-in,$20.00,amex",
                "R8,01/15/2026,M-3,Drop-in,$20.00,Gift Card",
                "R9,01/15/2026,M-3,Drop-in,$20.00,Account",
                "R10,01/15/2026,M-3,Drop-in,$20.00,Comp",
                "R11,01/15/2026,M-3,Drop-in,$20.00,Other",
                "R12,01/15/2026,M-3,Drop-in,$20.00,Visa ending 4242",
                "R13,01/15/2026,M-3,Drop-in,$20.00,Dogecoin",
                "");
        JsonNode job =
                importAndWait(owner.token(), "sales", "sales.csv", sales.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(count(job, "created")).isEqualTo(13);
        assertThat(count(job, "failed")).isZero();
        assertThat(count(job, "warnings")).isEqualTo(1);
        assertThat(warnings(errors(owner.token(), job))).containsExactly("14 Payment Method Dogecoin");
        assertThat(jdbc.sql("""
                SELECT k.external_id || ' ' || s.payment_method || ' ' || s.note FROM sales s
                JOIN import_keys k ON k.org_id = s.org_id AND k.entity_type = 'sale' AND k.entity_id = s.id
                WHERE s.org_id = :org ORDER BY length(k.external_id), k.external_id
                """).param("org", owner.orgId()).query(String.class).list())
                .containsExactly(
                        "R1 cash Imported",
                        "R2 bank_transfer Imported",
                        "R3 bank_transfer Imported",
                        "R4 card_terminal Imported",
                        "R5 card_terminal Imported",
                        "R6 card_terminal Imported",
                        "R7 card_terminal Imported",
                        "R8 complimentary Imported",
                        "R9 other Imported; paid with Account",
                        "R10 complimentary Imported",
                        "R11 other Imported; paid with Other",
                        "R12 card_terminal Imported",
                        "R13 other Imported; paid with Dogecoin");

        String memberships = String.join(
                "\n",
                "Membership ID,Client ID,Membership,Start Date,End Date,Status",
                "K1,M-1,Unlimited Monthly,2026-01-01,2099-12-31,Active",
                "K2,M-1,Unlimited Monthly,2025-01-01,2099-12-31,Suspended",
                "K3,M-2,Unlimited Monthly,2025-01-01,2099-12-31,TERMINATED",
                "K4,M-2,Unlimited Monthly,2025-01-01,2099-12-31,Cancelled",
                "K5,M-3,Unlimited Monthly,2024-01-01,2024-12-31,expired",
                "K6,M-3,Unlimited Monthly,2099-01-01,2099-12-31,Pending",
                "K7,M-3,Unlimited Monthly,2020-01-01,2020-12-31,Mystery",
                "");
        JsonNode held = importAndWait(
                owner.token(),
                "memberships",
                "memberships.csv",
                memberships.getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(held.path("status").asString()).as(held.toString()).isEqualTo("completed");
        assertThat(count(held, "created")).isEqualTo(7);
        assertThat(count(held, "failed")).isZero();
        assertThat(warnings(errors(owner.token(), held))).containsExactly("8 Status Mystery");
        assertThat(jdbc.sql("""
                SELECT k.external_id || ' ' || m.status FROM client_memberships m
                JOIN import_keys k ON k.org_id = m.org_id AND k.entity_type = 'membership' AND k.entity_id = m.id
                WHERE m.org_id = :org ORDER BY k.external_id
                """).param("org", owner.orgId()).query(String.class).list())
                .containsExactly(
                        "K1 active",
                        "K2 frozen",
                        "K3 cancelled",
                        "K4 cancelled",
                        "K5 expired",
                        "K6 pending",
                        "K7 expired");
    }

    private Owner studioWithClients(String name) {
        Owner owner = ownerWithOrganization(name);
        JsonNode clients = importAndWait(
                owner.token(),
                "clients",
                "clients.csv",
                "Client ID,First Name,Last Name\nM-1,Anna,Berg\nM-2,Ben,Cole\nM-3,Cara,Diaz\n"
                        .getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(count(clients, "created")).isEqualTo(3);
        return owner;
    }

    private List<String> statuses(Owner owner) {
        return jdbc.sql("SELECT external_ids->>'mindbody' || ' ' || status FROM clients WHERE org_id = :org "
                        + " ORDER BY length(external_ids->>'mindbody'), external_ids->>'mindbody'")
                .param("org", owner.orgId())
                .query(String.class)
                .list();
    }

    private static List<String> warnings(JsonNode errors) {
        return StreamSupport.stream(errors.spliterator(), false)
                .filter(e -> e.path("severity").asString().equals("warning"))
                .map(e -> e.path("rowNumber").asLong() + " " + e.path("column").asString() + " "
                        + e.path("value").asString())
                .toList();
    }

    private static byte[] withBom(String text, Charset utf16) {
        byte[] body = text.getBytes(utf16);
        byte[] out = new byte[body.length + 2];
        boolean little = utf16.equals(StandardCharsets.UTF_16LE);
        out[0] = (byte) (little ? 0xFF : 0xFE);
        out[1] = (byte) (little ? 0xFE : 0xFF);
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }
}
