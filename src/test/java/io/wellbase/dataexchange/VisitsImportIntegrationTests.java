package io.wellbase.dataexchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.platform.demo.DemoDataContributor;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class VisitsImportIntegrationTests extends ImportTest {

    @Autowired
    List<DemoDataContributor> demoData;

    static final String CLIENTS = "Client ID,First Name,Last Name,Email\n"
            + "M-1,Anna,Berg,anna@example.test\nM-2,Ben,Cole,ben@example.test\nM-3,Cara,Diaz,cara@example.test\n";

    /** Tab-separated, US dates with 12-hour times, flags as Yes/No and X, an unknown client, trouble. */
    static final String VISITS = String.join(
            "\n",
            "Visit ID\tClient ID\tFirst Name\tLast Name\tVisit Date\tClass Name\tStaff\tLocation\tLate Cancel\tNo Show",
            "V1\tM-1\tAnna\tBerg\t3/2/2026 6:30 PM\tVinyasa Flow\tNobody Known\tDowntown\tNo\tNo",
            "V2\tM-2\tBen\tCole\t3/2/2026 6:30 PM\tvinyasa flow\t\tDowntown\tYes\tNo",
            "V3\tM-3\tCara\tDiaz\t3/2/2026 6:30 PM\tVinyasa Flow\t\tDowntown\t\tX",
            "V4\tM-1\tAnna\tBerg\t3/14/2026 9:00 AM\tPilates Mat\t\t\tNo\tNo",
            "V5\tM-9\tGhost\tClient\t3/14/2026 9:00 AM\tPilates Mat\t\t\tNo\tNo",
            "V6\tM-2\tBen\tCole\t3/14/2026 9:00 AM\tPilates Mat\t\t\tYes\tYes",
            "V4\tM-1\tAnna\tBerg\t3/15/2026 9:00 AM\tPilates Mat\t\t\tNo\tNo",
            "V7\tM-1\tAnna\tBerg\t3/14/2026 9:00 AM\tPilates Mat\t\t\tNo\tNo",
            "");

    @Test
    void visitsBecomeSessionsAndBookingsOnceOnly() {
        Owner owner = ownerWithOrganization("Visits Studio");
        JsonNode clients = importAndWait(
                owner.token(), "clients", "clients.csv", CLIENTS.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(count(clients, "created")).isEqualTo(3);
        byte[] file = VISITS.getBytes(StandardCharsets.UTF_8);

        JsonNode dry = importAndWait(owner.token(), "visits", "visits.tsv", file, Map.of("dryRun", "true"));
        assertThat(dry.path("status").asString()).as(dry.toString()).isEqualTo("completed");
        assertThat(sessions(owner)).isZero();

        JsonNode job = importAndWait(owner.token(), "visits", "visits.tsv", file, Map.of());
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(job.path("detected").path("delimiter").asString()).isEqualTo("tab");
        assertThat(job.path("mapping").path("Visit Date").asString()).isEqualTo("visitDate");
        assertThat(count(job, "created")).isEqualTo(4);
        assertThat(count(job, "failed")).isEqualTo(4);
        assertThat(count(job, "warnings")).isEqualTo(1);
        for (String counter : List.of("created", "updated", "skipped", "failed", "warnings")) {
            assertThat(count(dry, counter)).as(counter).isEqualTo(count(job, counter));
        }
        assertThat(ClientsImportIntegrationTests.messages(errors(owner.token(), job)))
                .containsExactly(
                        "6 Client ID M-9: no client has this Client ID; import clients first",
                        "7 No Show Yes: a visit cannot be both a late cancel and a no-show",
                        "8 External ID V4: duplicate of row 5 in this file; only the first is imported"
                                .replace("External ID", "Visit ID"),
                        "9 Client ID M-1: the same client is already in this class in row 5; only the first is imported");

        assertThat(sessions(owner)).isEqualTo(2);
        List<String> rows =
                jdbc.sql("""
                SELECT c.first_name || ' ' || t.name || ' ' || to_char(s.starts_at AT TIME ZONE l.timezone, 'YYYY-MM-DD HH24:MI')
                       || ' ' || l.name || ' ' || b.status || ' ' || s.confirmed_count
                FROM bookings b JOIN clients c ON c.id = b.client_id JOIN class_sessions s ON s.id = b.session_id
                JOIN class_types t ON t.id = s.class_type_id JOIN locations l ON l.id = s.location_id
                WHERE b.org_id = :org ORDER BY s.starts_at, c.first_name
                """).param("org", owner.orgId()).query(String.class).list();
        assertThat(rows)
                .containsExactly(
                        "Anna Vinyasa Flow 2026-03-02 18:30 Downtown attended 2",
                        "Ben Vinyasa Flow 2026-03-02 18:30 Downtown late_cancelled 2",
                        "Cara Vinyasa Flow 2026-03-02 18:30 Downtown no_show 2",
                        "Anna Pilates Mat 2026-03-14 09:00 Main attended 1");
        assertThat(errors(owner.token(), job).toString()).contains("no staff member is called Nobody Known");

        JsonNode again = importAndWait(owner.token(), "visits", "visits.tsv", file, Map.of());
        assertThat(count(again, "created")).isZero();
        assertThat(count(again, "updated")).isZero();
        assertThat(count(again, "skipped")).isEqualTo(4);
        assertThat(sessions(owner)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM bookings WHERE org_id = :org")
                        .param("org", owner.orgId())
                        .query(Long.class)
                        .single())
                .isEqualTo(4);

        String changed = VISITS.replace(
                "V1\tM-1\tAnna\tBerg\t3/2/2026 6:30 PM\tVinyasa Flow\tNobody Known\tDowntown\tNo\tNo",
                "V1\tM-1\tAnna\tBerg\t3/2/2026 6:30 PM\tVinyasa Flow\tNobody Known\tDowntown\tNo\tYes");
        JsonNode update = importAndWait(
                owner.token(), "visits", "visits.tsv", changed.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(count(update, "updated")).isEqualTo(1);
        assertThat(jdbc.sql(
                                "SELECT b.status FROM bookings b JOIN clients c ON c.id = b.client_id JOIN class_types t ON t.id = (SELECT class_type_id FROM class_sessions WHERE id = b.session_id) WHERE b.org_id = :org AND c.first_name = 'Anna' AND t.name = 'Vinyasa Flow'")
                        .param("org", owner.orgId())
                        .query(String.class)
                        .single())
                .isEqualTo("no_show");

        // the visit leaves a session that no other row of the file names any more
        String moved = changed.replace(
                        "V4\tM-1\tAnna\tBerg\t3/14/2026 9:00 AM", "V4\tM-1\tAnna\tBerg\t3/21/2026 9:00 AM")
                .replace("V7\tM-1\tAnna\tBerg\t3/14/2026 9:00 AM\tPilates Mat\t\t\tNo\tNo\n", "");
        JsonNode move =
                importAndWait(owner.token(), "visits", "visits.tsv", moved.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(count(move, "updated")).as(move.toString()).isEqualTo(1);
        assertThat(sessions(owner)).isEqualTo(3);
        assertThat(miscounted(owner))
                .as("sessions whose booked count differs from their bookings")
                .isZero();
    }

    /** Sessions whose {@code confirmed_count} is not the number of their bookings that hold a seat. */
    private long miscounted(Owner owner) {
        return jdbc.sql("""
                SELECT count(*) FROM class_sessions s
                WHERE s.org_id = :org
                  AND s.confirmed_count <> (SELECT count(*) FROM bookings b WHERE b.org_id = s.org_id AND b.session_id = s.id
                                            AND b.status IN ('confirmed', 'attended', 'no_show'))
                """).param("org", owner.orgId()).query(Long.class).single();
    }

    /**
     * A studio's real shape: many small classes (five a day for a year, two or three visits each)
     * imported into a new organization while other organizations and the demo studio hold data and
     * the statistics were gathered before the new organization had any rows. Plans that trust those
     * statistics (one row for the new organization) turn quadratic here.
     */
    @Test
    void aYearOfSmallClassesImportsQuicklyWhenStatisticsPredateTheOrganization() {
        demoData.stream()
                .sorted(Comparator.comparingInt(DemoDataContributor::order))
                .forEach(DemoDataContributor::contribute);
        Owner other = ownerWithOrganization("Other Studio");
        importAndWait(other.token(), "clients", "clients.csv", clients(200), Map.of());
        JsonNode otherVisits = importAndWait(other.token(), "visits", "visits.csv", visits(3, 120, 200), Map.of());
        assertThat(otherVisits.path("status").asString())
                .as(otherVisits.toString())
                .isEqualTo("completed");
        Owner owner = ownerWithOrganization("Busy Small Classes");
        jdbc.sql("ANALYZE").update();

        JsonNode clients = importAndWait(owner.token(), "clients", "clients.csv", clients(500), Map.of());
        assertThat(count(clients, "created")).isEqualTo(500);
        byte[] file = visits(5, 365, 500);
        long rows = new String(file, StandardCharsets.UTF_8).lines().count() - 1;
        long started = System.nanoTime();
        JsonNode job = importAndWait(owner.token(), "visits", "visits.csv", file, Map.of());
        long seconds = (System.nanoTime() - started) / 1_000_000_000;

        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(seconds).as("seconds to import %d visits", rows).isLessThan(60);
        assertThat(count(job, "created")).isEqualTo(rows);
        assertThat(count(job, "failed")).isZero();
        assertThat(sessions(owner)).isEqualTo(5 * 365);
        assertThat(jdbc.sql("SELECT count(*) FROM bookings WHERE org_id = :org")
                        .param("org", owner.orgId())
                        .query(Long.class)
                        .single())
                .isEqualTo(rows);
        assertThat(miscounted(owner)).isZero();
        assertThat(jdbc.sql("SELECT sum(confirmed_count) FROM class_sessions WHERE org_id = :org")
                        .param("org", owner.orgId())
                        .query(Long.class)
                        .single())
                .isEqualTo(rows - rows / 15);

        JsonNode again = importAndWait(owner.token(), "visits", "visits.csv", file, Map.of());
        assertThat(count(again, "skipped")).as(again.toString()).isEqualTo(rows);
    }

    static byte[] clients(int count) {
        StringBuilder csv = new StringBuilder("Client ID,First Name,Last Name\n");
        for (int i = 0; i < count; i++) {
            csv.append("C-")
                    .append(i)
                    .append(",First")
                    .append(i)
                    .append(",Last")
                    .append(i)
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code classes} classes a day for {@code days} days of 2025, two or three visits each by
     * different clients; every 15th visit a late cancel, every 10th other one a no-show.
     */
    static byte[] visits(int classes, int days, int clients) {
        StringBuilder csv =
                new StringBuilder("Visit ID,Client ID,Visit Date,Class Name,Location,Late Cancel,No Show\n");
        LocalDate first = LocalDate.of(2025, 1, 1);
        long row = 0;
        for (int day = 0; day < days; day++) {
            for (int c = 0; c < classes; c++) {
                LocalTime time = LocalTime.of(7 + 3 * c, c % 2 == 0 ? 0 : 30);
                int visits = 2 + (day + c) % 2;
                for (int v = 0; v < visits; v++) {
                    row++;
                    int client = (int) ((day * classes + c) * 7L + v * 131L) % clients;
                    boolean late = row % 15 == 0;
                    boolean noShow = !late && row % 10 == 0;
                    csv.append("V-")
                            .append(row)
                            .append(",C-")
                            .append(client)
                            .append(',')
                            .append(first.plusDays(day))
                            .append(' ')
                            .append(time)
                            .append(",Class ")
                            .append(c)
                            .append(c < 3 ? ",Downtown," : ",Uptown,")
                            .append(late ? "Yes" : "No")
                            .append(',')
                            .append(noShow ? "Yes" : "No")
                            .append('\n');
                }
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private long sessions(Owner owner) {
        return jdbc.sql("SELECT count(*) FROM class_sessions WHERE org_id = :org")
                .param("org", owner.orgId())
                .query(Long.class)
                .single();
    }
}
