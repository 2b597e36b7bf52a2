package io.wellbase.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The domain meters an operator reads: bookings by event, the outbox depth and the jobs by state. */
class DomainMetersIntegrationTests extends OrganizationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void aBookingAndItsCancellationAreCountedAndTheBackgroundIsGauged() {
        Owner owner = ownerWithOrganization("Meters");
        UUID location = createLocation(owner.token(), "Hall", List.of());
        UUID type = api.post(
                        "/api/v1/class-types",
                        Map.of("name", "Flow", "durationMinutes", 60, "defaultCapacity", 5),
                        owner.token())
                .id();
        UUID session = api.post(
                        "/api/v1/sessions",
                        Map.of(
                                "classTypeId",
                                type,
                                "locationId",
                                location,
                                "startsAt",
                                OffsetDateTime.now()
                                        .plusDays(2)
                                        .truncatedTo(ChronoUnit.HOURS)
                                        .toString()),
                        owner.token())
                .id();
        UUID client = api.post("/api/v1/clients", Map.of("firstName", "Mia", "lastName", "Meter"), owner.token())
                .id();
        UUID plan = api.post(
                        "/api/v1/membership-plans",
                        Map.of(
                                "name",
                                "Pack",
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
                        owner.token())
                .id();
        api.post(
                "/api/v1/clients/" + client + "/memberships",
                Map.of("planId", plan, "paymentMethod", "cash"),
                owner.token());
        double confirmedBefore = count("confirmed");
        double cancelledBefore = count("cancelled");
        Api.Response booked =
                api.post("/api/v1/sessions/" + session + "/bookings", Map.of("clientId", client), owner.token());
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(count("confirmed")).isEqualTo(confirmedBefore + 1);
        assertThat(api.post("/api/v1/bookings/" + booked.id() + "/cancel", Map.of(), owner.token())
                        .status())
                .isEqualTo(200);
        assertThat(count("cancelled")).isEqualTo(cancelledBefore + 1);
        assertThat(meters.get("wellbase.outbox.depth").gauge().value()).isGreaterThanOrEqualTo(0);
        double jobs = 0;
        for (String state : List.of("running", "due", "scheduled")) {
            jobs += meters.get("wellbase.jobs").tag("state", state).gauge().value();
        }
        // the recurring tasks (renewals, reminders, retention…) are always in the table
        assertThat(jobs).isPositive();
    }

    private double count(String event) {
        return meters.get("wellbase.bookings").tag("event", event).counter().count();
    }

    @Autowired
    io.wellbase.dataexchange.internal.imports.SyncedImports imports;

    @Test
    void importsAndTheirRowsAreCounted() {
        Owner owner = ownerWithOrganization("Import meters");
        double completed = meter("wellbase.imports", "outcome", "completed");
        double created = meter("wellbase.import.rows", "result", "created");
        double failed = meter("wellbase.import.rows", "result", "failed");
        String csv = "Client ID,First Name,Last Name\nM-1,Ada,One\nM-2,Bo,Two\nM-3,,\n";
        var outcome = imports.run(
                owner.orgId(),
                owner.userId(),
                "clients",
                "meters.csv",
                new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(outcome.status()).isEqualTo("completed");
        assertThat(meter("wellbase.imports", "outcome", "completed")).isEqualTo(completed + 1);
        assertThat(meter("wellbase.import.rows", "result", "created")).isEqualTo(created + 2);
        assertThat(meter("wellbase.import.rows", "result", "failed")).isEqualTo(failed + 1);
    }

    private double meter(String name, String tag, String value) {
        var counter = meters.find(name).tag("kind", "clients").tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }
}
