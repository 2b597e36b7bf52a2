package io.wellbase.dataexchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Staff, classes, sales, memberships and pricing options, each imported twice and checked in SQL. */
class StudioHistoryImportIntegrationTests extends ImportTest {

    private JsonNode importCsv(Owner owner, String kind, String csv, Map<String, String> extra) {
        JsonNode job = importAndWait(owner.token(), kind, kind + ".csv", csv.getBytes(StandardCharsets.UTF_8), extra);
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
        return job;
    }

    private Owner studioWithClients(String name) {
        Owner owner = ownerWithOrganization(name);
        importCsv(owner, "clients", "Client ID,First Name,Last Name\nM-1,Anna,Berg\nM-2,Ben,Cole\n", Map.of());
        return owner;
    }

    private void assertSameAgain(Owner owner, String kind, String csv, long rows) {
        JsonNode again = importCsv(owner, kind, csv, Map.of());
        assertThat(count(again, "created")).as(kind + " created again").isZero();
        assertThat(count(again, "updated")).as(kind + " updated again").isZero();
        assertThat(count(again, "skipped")).as(kind + " skipped").isEqualTo(rows);
    }

    @Test
    void staffBecomeMembersWithoutPasswordsAndOutsideAccountsAreNotAdded() {
        Owner owner = ownerWithOrganization("Staff Import");
        register("outsider");
        String outsider = jdbc.sql(
                        "SELECT email FROM users WHERE last_name = 'outsider' ORDER BY created_at DESC LIMIT 1")
                .query(String.class)
                .single();
        String csv = "Staff ID,First Name,Last Name,Email,Role\n"
                + "S1,Maya,Lind,maya-" + owner.orgId() + "@example.test,Teacher\n"
                + "S2,Omar,Reed,,Front Desk\n"
                + "S3,Olga,Boss,olga@example.test,Owner\n"
                + "S4,Out,Sider," + outsider + ",Staff\n";
        JsonNode dry = importCsv(owner, "staff", csv, Map.of("dryRun", "true"));
        JsonNode job = importCsv(owner, "staff", csv, Map.of());
        assertThat(count(dry, "created")).isEqualTo(count(job, "created")).isEqualTo(2);
        assertThat(count(job, "failed")).isEqualTo(2);
        assertThat(jdbc.sql("""
                SELECT u.first_name || ' ' || m.role || ' ' || (u.password_hash IS NULL) FROM org_members m JOIN users u ON u.id = m.user_id
                WHERE m.org_id = :org AND m.role <> 'owner' ORDER BY u.first_name
                """).param("org", owner.orgId()).query(String.class).list())
                .containsExactly("Maya staff true", "Omar front_desk true");
        assertThat(ClientsImportIntegrationTests.messages(errors(owner.token(), job)))
                .containsExactly(
                        "4 Role Owner: owners are not imported; the organization's owners invite each other",
                        "5 Email " + outsider
                                + ": an account with this email exists outside this organization; invite it from the members page");
        assertSameAgain(owner, "staff", csv, 2);
    }

    @Test
    void classesBecomeWeeklySchedulesWithUpcomingSessions() {
        Owner owner = ownerWithOrganization("Classes Import");
        importCsv(owner, "staff", "First Name,Last Name,Role\nMaya,Lind,Teacher\n", Map.of());
        String csv =
                "Class ID,Class Name,Description,Location,Staff,Day of Week,Start Time,Duration,Capacity,Start Date,End Date\n"
                        + "C1,Morning Flow,\"Gentle, slow\",Downtown,Maya Lind,\"Mon, Wed\",7:00 AM,60,15,2026-01-05,\n"
                        + "C2,Power Hour,,Downtown,Nobody Here,Friday,18:30,45,,2026-01-09,\n"
                        + "C3,Bad Day,,,,Funday,7:00,,,,\n";
        JsonNode job = importCsv(owner, "classes", csv, Map.of());
        assertThat(count(job, "created")).isEqualTo(2);
        assertThat(count(job, "failed")).isEqualTo(1);
        assertThat(count(job, "warnings")).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT t.name || ' ' || array_to_string(s.weekdays, ',') || ' ' || to_char(s.start_time, 'HH24:MI') || ' '
                       || s.duration_minutes || ' ' || s.capacity || ' ' || l.name || ' ' || cardinality(s.instructor_ids)
                FROM class_schedules s JOIN class_types t ON t.id = s.class_type_id JOIN locations l ON l.id = s.location_id
                WHERE s.org_id = :org ORDER BY t.name
                """).param("org", owner.orgId()).query(String.class).list())
                .containsExactly("Morning Flow 1,3 07:00 60 15 Downtown 1", "Power Hour 5 18:30 45 20 Downtown 0");
        assertThat(jdbc.sql("SELECT description FROM class_types WHERE org_id = :org AND name = 'Morning Flow'")
                        .param("org", owner.orgId())
                        .query(String.class)
                        .single())
                .isEqualTo("Gentle, slow");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM class_sessions WHERE org_id = :org AND schedule_id IS NOT NULL AND starts_at > now()")
                        .param("org", owner.orgId())
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(30);
        assertSameAgain(owner, "classes", csv, 2);
    }

    @Test
    void salesGroupItemsAndReadEveryAmountFormat() {
        Owner owner = studioWithClients("Sales Import");
        String csv = "Sale ID,Sale Date,Client ID,Item name,Quantity,Amount,Payment Method\n"
                + "R1,01/15/2026,M-1,10 Class Pack,1,$150.00,Visa\n"
                + "R1,01/15/2026,M-1,Water,2,$4.00,Visa\n"
                + "R2,02/01/2026,M-2,Drop-in,1,\"1.234,50 €\",Cash\n"
                + "R3,02/03/2026,M-9,Drop-in,1,$20,Cash\n"
                + "R4,02/04/2026,M-1,Refund,1,($20.00),Cash\n"
                + "R5,02/05/2026,M-2,Gift card,1,abc,Cash\n";
        JsonNode dry = importCsv(owner, "sales", csv, Map.of("dryRun", "true"));
        JsonNode job = importCsv(owner, "sales", csv, Map.of());
        assertThat(count(dry, "created")).isEqualTo(count(job, "created")).isEqualTo(3);
        assertThat(count(job, "failed")).isEqualTo(3);
        assertThat(sales(owner))
                .containsExactly(
                        "Anna 15400 card_terminal 10 Class Pack:1:15000,Water:2:400",
                        "Ben 123450 cash Drop-in:1:123450");
        assertSameAgain(owner, "sales", csv, 3);

        JsonNode changed = importCsv(owner, "sales", csv.replace("Water,2,$4.00", "Water,3,$6.00"), Map.of());
        assertThat(count(changed, "updated")).isEqualTo(2);
        assertThat(sales(owner)).first().isEqualTo("Anna 15600 card_terminal 10 Class Pack:1:15000,Water:3:600");
    }

    private List<String> sales(Owner owner) {
        return jdbc.sql("""
                SELECT c.first_name || ' ' || s.total || ' ' || s.payment_method || ' '
                       || (SELECT string_agg(i.description || ':' || i.quantity || ':' || i.total, ',' ORDER BY i.description)
                           FROM sale_items i WHERE i.sale_id = s.id)
                FROM sales s JOIN clients c ON c.id = s.client_id WHERE s.org_id = :org ORDER BY c.first_name
                """).param("org", owner.orgId()).query(String.class).list();
    }

    @Test
    void pricingOptionsKeepTheirRemainingClassesAsCredits() {
        Owner owner = studioWithClients("Packs Import");
        String csv = "Client ID,Pricing Option,Active Date,Expiration Date,Count,Remaining\n"
                + "M-1,10 Class Pack,01/15/2026,07/15/2026,10,7\n"
                + "M-2,5 Class Pack,02/01/2026,,5,5\n"
                + "M-1,10 Class Pack,03/01/2026,02/01/2026,10,3\n"
                + "M-2,5 Class Pack,04/01/2026,,5,9\n";
        JsonNode job = importCsv(owner, "pricing_options", csv, Map.of());
        assertThat(count(job, "created")).isEqualTo(2);
        assertThat(count(job, "failed")).isEqualTo(2);
        assertThat(balances(owner)).containsExactly("Anna 10 Class Pack 2026-07-15 7", "Ben 5 Class Pack 2036-02-01 5");
        assertThat(jdbc.sql("SELECT kind || ' ' || credits FROM membership_plans WHERE org_id = :org ORDER BY name")
                        .param("org", owner.orgId())
                        .query(String.class)
                        .list())
                .containsExactly("class_pack 10", "class_pack 5");
        assertSameAgain(owner, "pricing_options", csv, 2);

        JsonNode used =
                importCsv(owner, "pricing_options", csv.replace("07/15/2026,10,7", "07/15/2026,10,6"), Map.of());
        assertThat(count(used, "updated")).isEqualTo(1);
        assertThat(balances(owner)).first().isEqualTo("Anna 10 Class Pack 2026-07-15 6");
    }

    @Test
    void membershipsTakeTheirStatusFromTheirDatesUnlessTold() {
        Owner owner = studioWithClients("Memberships Import");
        String csv = "Membership ID,Client ID,Membership,Start Date,End Date,Status\n"
                + "K1,M-1,Unlimited Monthly,2026-01-01,2099-12-31,Active\n"
                + "K2,M-2,Unlimited Monthly,2025-01-01,2025-06-30,\n"
                + "K3,M-2,Unlimited Monthly,2025-07-01,2099-06-30,Terminated\n";
        JsonNode job = importCsv(owner, "memberships", csv, Map.of());
        assertThat(count(job, "created")).isEqualTo(3);
        assertThat(jdbc.sql("""
                SELECT c.first_name || ' ' || p.name || ' ' || p.kind || ' ' || m.status FROM client_memberships m
                JOIN clients c ON c.id = m.client_id JOIN membership_plans p ON p.id = m.plan_id
                WHERE m.org_id = :org ORDER BY c.first_name, m.starts_on
                """).param("org", owner.orgId()).query(String.class).list())
                .containsExactly(
                        "Anna Unlimited Monthly unlimited active",
                        "Ben Unlimited Monthly unlimited expired",
                        "Ben Unlimited Monthly unlimited cancelled");
        assertSameAgain(owner, "memberships", csv, 3);
    }

    private List<String> balances(Owner owner) {
        return jdbc.sql("""
                SELECT c.first_name || ' ' || p.name || ' ' || m.ends_on || ' ' || coalesce(sum(l.delta), 0)
                FROM client_memberships m JOIN clients c ON c.id = m.client_id JOIN membership_plans p ON p.id = m.plan_id
                LEFT JOIN credit_ledger l ON l.membership_id = m.id
                WHERE m.org_id = :org GROUP BY c.first_name, p.name, m.ends_on, m.starts_on ORDER BY c.first_name, m.starts_on
                """).param("org", owner.orgId()).query(String.class).list();
    }
}
