package io.wellbase.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.dataexchange.ImportTest;
import io.wellbase.support.Api;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The rollups follow the events: a walk-in checked in on a day already rolled up, and a cancelled session of such
 * a day, change that day's rolled-up counts without a rebuild, and the answers from the rollups stay equal to the
 * answers from the rows. A booking for next week is not even stored for the rollups' listener.
 */
class RollupMaintenanceIntegrationTests extends ImportTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aCorrectionOnARolledUpDayIsCountedAtOnce() throws InterruptedException {
        Owner owner = ownerWithOrganization("Rollup Upkeep Studio");
        LocalDate today = LocalDate.now(BERLIN);
        load(owner, "clients", """
                Client ID,First Name,Last Name,Email,Join Date
                R-1,Ada,Regular,r1@example.test,2025-01-01
                R-2,Ben,Regular,r2@example.test,2025-01-01
                R-3,Cara,Walkin,r3@example.test,2025-01-01
                R-4,Dan,Future,r4@example.test,2025-01-01
                """);
        StringBuilder visits = new StringBuilder(
                "Visit ID,Client ID,Visit Date,Visit Time,Class Name,Staff,Location,Late Cancel,No Show\n");
        for (int d = 3; d <= 9; d++) {
            for (int c = 1; c <= 2; c++) {
                visits.append("RV-%d-%d,R-%d,%s,18:00,Flow,,Main,No,No\n".formatted(d, c, c, today.minusDays(d)));
            }
        }
        load(owner, "visits", visits.toString());
        load(owner, "memberships", """
                Membership ID,Client ID,Membership,Start Date,End Date
                RM-1,R-1,Unlimited,2025-01-01,%1$s
                RM-2,R-2,Unlimited,2025-01-01,%1$s
                RM-3,R-3,Unlimited,2025-01-01,%1$s
                RM-4,R-4,Unlimited,2025-01-01,%1$s
                """.formatted(today.plusDays(300)));
        UUID org = owner.orgId();
        awaitAtLeast(() -> rolledUpDays(org), 7, "rollups built after the import");
        LocalDate walkInDay = today.minusDays(5);
        LocalDate cancelledDay = today.minusDays(4);
        assertThat(dayTotal(org, walkInDay, "visits")).isEqualTo(2);
        List<Map<String, Object>> specs = specs(today);
        List<JsonNode> before = answers(owner, specs);

        Api.Response walkIn = api.post(
                "/api/v1/sessions/" + sessionOn(org, walkInDay) + "/check-ins",
                Map.of("clientId", client(org, "Cara")),
                owner.token());
        assertThat(walkIn.status()).as(walkIn.toString()).isEqualTo(200);
        Api.Response cancel = api.post(
                "/api/v1/sessions/" + sessionOn(org, cancelledDay) + "/cancel",
                Map.of("reason", "burst pipe, recorded late"),
                owner.token());
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);

        awaitAtLeast(() -> dayTotal(org, walkInDay, "visits"), 3, "the walk-in counted on its rolled-up day");
        assertThat(dayTotal(org, walkInDay, "bookings")).isEqualTo(3);
        for (int i = 0; i < 100 && dayTotal(org, cancelledDay, "classes") > 0; i++) {
            Thread.sleep(100);
        }
        assertThat(dayTotal(org, cancelledDay, "classes"))
                .as("the cancelled session left its day")
                .isZero();
        assertThat(rolledUpDays(org)).isEqualTo(6);

        List<JsonNode> fromRollups = answers(owner, specs);
        assertThat(fromRollups).isNotEqualTo(before);
        String through = jdbc.sql("SELECT complete_through::text FROM insight_rollup_state WHERE org_id = :org")
                .param("org", org)
                .query(String.class)
                .single();
        jdbc.sql("DELETE FROM insight_rollup_state WHERE org_id = :org")
                .param("org", org)
                .update();
        try {
            assertThat(answers(owner, specs)).as("the rows' answers").isEqualTo(fromRollups);
        } finally {
            jdbc.sql("INSERT INTO insight_rollup_state (org_id, complete_through, rebuilt_at) "
                            + "VALUES (:org, CAST(:t AS date), now())")
                    .param("org", org)
                    .param("t", through)
                    .update();
        }

        Api.Response next = api.post(
                "/api/v1/sessions",
                Map.of(
                        "classTypeId", column(org, "class_type_id"),
                        "locationId", column(org, "location_id"),
                        "startsAt",
                                OffsetDateTime.now()
                                        .plusDays(7)
                                        .truncatedTo(ChronoUnit.HOURS)
                                        .toString(),
                        "capacity", 10),
                owner.token());
        assertThat(next.status()).as(next.toString()).isEqualTo(201);
        Api.Response booked = api.post(
                "/api/v1/sessions/" + next.id() + "/bookings",
                Map.of("clientId", client(org, "Dan"), "joinWaitlist", false),
                owner.token());
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(publications(booked.id(), "%SchedulingNotifications%"))
                .as("the booking's event is stored for its other listeners")
                .isPositive();
        assertThat(publications(booked.id(), "%RollupCorrections%"))
                .as("nor for the rollups, whose days it cannot touch")
                .isZero();
    }

    private static List<Map<String, Object>> specs(LocalDate today) {
        String from = today.minusDays(9).toString();
        String to = today.minusDays(3).toString();
        List<String> metrics = List.of("visits", "bookings", "placesTaken", "classes", "capacity", "fillRate");
        List<Map<String, Object>> specs = new ArrayList<>();
        specs.add(
                Map.of("metrics", metrics, "dimensions", List.of("day"), "timeRange", Map.of("from", from, "to", to)));
        specs.add(Map.of(
                "metrics", metrics, "dimensions", List.of("location"), "timeRange", Map.of("from", from, "to", to)));
        specs.add(Map.of(
                "metrics",
                metrics,
                "dimensions",
                List.of("classType", "hour"),
                "timeRange",
                Map.of("from", from, "to", to)));
        return specs;
    }

    private List<JsonNode> answers(Owner owner, List<Map<String, Object>> specs) {
        List<JsonNode> rows = new ArrayList<>();
        for (Map<String, Object> spec : specs) {
            Api.Response r = api.post("/api/v1/analytics/query", spec, owner.token());
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            rows.add(r.json().path("rows"));
        }
        return rows;
    }

    private long rolledUpDays(UUID org) {
        return jdbc.sql("SELECT count(*) FROM insight_daily_totals WHERE org_id = :org AND classes > 0")
                .param("org", org)
                .query(Long.class)
                .single();
    }

    private long dayTotal(UUID org, LocalDate day, String column) {
        return jdbc.sql("SELECT coalesce(sum(" + column
                        + "), 0) FROM insight_daily_totals WHERE org_id = :org AND day = :day")
                .param("org", org)
                .param("day", day)
                .query(Long.class)
                .single();
    }

    private UUID sessionOn(UUID org, LocalDate day) {
        return jdbc.sql("SELECT id FROM class_sessions WHERE org_id = :org AND local_date = :day")
                .param("org", org)
                .param("day", day)
                .query(UUID.class)
                .single();
    }

    private UUID column(UUID org, String column) {
        return jdbc.sql("SELECT " + column + " FROM class_sessions WHERE org_id = :org LIMIT 1")
                .param("org", org)
                .query(UUID.class)
                .single();
    }

    private UUID client(UUID org, String firstName) {
        return jdbc.sql("SELECT id FROM clients WHERE org_id = :org AND first_name = :name")
                .param("org", org)
                .param("name", firstName)
                .query(UUID.class)
                .single();
    }

    private long publications(UUID bookingId, String listener) {
        return jdbc.sql("""
                SELECT count(*) FROM event_publication
                WHERE event_type LIKE '%BookingConfirmed' AND listener_id LIKE :listener
                  AND serialized_event LIKE :booking
                """)
                .param("listener", listener)
                .param("booking", "%" + bookingId + "%")
                .query(Long.class)
                .single();
    }

    private static void awaitAtLeast(LongSupplier value, long atLeast, String what) throws InterruptedException {
        for (int i = 0; i < 100 && value.getAsLong() < atLeast; i++) {
            Thread.sleep(100);
        }
        assertThat(value.getAsLong()).as(what).isGreaterThanOrEqualTo(atLeast);
    }

    private void load(Owner owner, String kind, String csv) {
        JsonNode job =
                importAndWait(owner.token(), kind, kind + ".csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(count(job, "failed")).as(kind + " " + job).isZero();
    }
}
