package io.wellbase.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

class BookingsIntegrationTests extends IntegrationTest {

    private static final List<Object> EVENTS = new CopyOnWriteArrayList<>();

    @Autowired
    void listen(ConfigurableApplicationContext context) {
        if (EVENTS.isEmpty()) {
            context.addApplicationListener((ApplicationEvent e) -> {
                if (e instanceof PayloadApplicationEvent<?> payload) {
                    EVENTS.add(payload.getPayload());
                }
            });
            EVENTS.add("listening");
        }
    }

    private static <T> java.util.stream.Stream<T> published(Class<T> type) {
        return EVENTS.stream().filter(type::isInstance).map(type::cast);
    }

    @Test
    void bookingUsesACreditAndCancellingInTimeGivesItBack() {
        Owner owner = ownerWithOrganization("Bookings");
        var f = SchedulingFixture.create(api, owner.token());
        UUID session = f.session(5);
        UUID client = f.member("Ana");
        Api.Response booked = f.book(session, client, false);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(booked.field("status")).isEqualTo("confirmed");
        assertThat(f.credits(client)).isEqualTo(9);
        assertThat(api.get("/api/v1/sessions/" + session, owner.token()).field("spotsLeft"))
                .isEqualTo("4");
        assertThat(f.book(session, client, false).field("code")).isEqualTo("booking.already_booked");

        Api.Response cancelled = api.post("/api/v1/bookings/" + booked.id() + "/cancel", Map.of(), owner.token());
        assertThat(cancelled.field("status")).isEqualTo("cancelled");
        assertThat(f.credits(client)).isEqualTo(10);
        assertThat(api.get("/api/v1/sessions/" + session, owner.token()).field("spotsLeft"))
                .isEqualTo("5");
        assertThat(api.post("/api/v1/bookings/" + booked.id() + "/cancel", Map.of(), owner.token())
                        .status())
                .isEqualTo(409);
    }

    @Test
    void lateCancelForfeitsTheCredit() {
        Owner owner = ownerWithOrganization("Late");
        var f = SchedulingFixture.create(api, owner.token());
        UUID session = f.session(5, OffsetDateTime.now().plusHours(3));
        UUID client = f.member("Lou");
        UUID booking = f.book(session, client, false).id();
        Api.Response cancelled = api.post("/api/v1/bookings/" + booking + "/cancel", Map.of(), owner.token());
        assertThat(cancelled.field("status")).isEqualTo("late_cancelled");
        assertThat(f.credits(client)).isEqualTo(9);
    }

    @Test
    void withoutAMembershipItIs422UnlessStaffOverride() {
        Owner owner = ownerWithOrganization("No plan");
        var f = SchedulingFixture.create(api, owner.token());
        UUID session = f.session(5);
        UUID client = api.post("/api/v1/clients", Map.of("firstName", "No", "lastName", "Plan"), owner.token())
                .id();
        Api.Response refused = f.book(session, client, false);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.field("code")).isEqualTo("membership.none_valid");
        assertThat(api.get("/api/v1/sessions/" + session, owner.token()).field("spotsLeft"))
                .as("the seat is freed again")
                .isEqualTo("5");
        Api.Response overridden = api.post(
                "/api/v1/sessions/" + session + "/bookings",
                Map.of("clientId", client, "override", true),
                owner.token());
        assertThat(overridden.status()).isEqualTo(201);
    }

    @Test
    void fullSessionsWaitlistAndPromoteInOrder() {
        Owner owner = ownerWithOrganization("Waitlist");
        var f = SchedulingFixture.create(api, owner.token());
        UUID session = f.session(1);
        UUID first = f.member("First");
        UUID second = f.member("Second");
        UUID third = f.member("Third");
        UUID seat = f.book(session, first, false).id();
        assertThat(f.book(session, second, false).field("code")).isEqualTo("booking.session_full");
        Api.Response w1 = f.book(session, second, true);
        Api.Response w2 = f.book(session, third, true);
        assertThat(w1.field("status")).isEqualTo("waitlisted");
        assertThat(w1.field("waitlistPosition")).isEqualTo("1");
        assertThat(w2.field("waitlistPosition")).isEqualTo("2");
        assertThat(f.credits(second)).as("no credit while waitlisted").isEqualTo(10);

        api.post("/api/v1/bookings/" + seat + "/cancel", Map.of(), owner.token());
        assertThat(api.get("/api/v1/bookings/" + w1.id(), owner.token()).field("status"))
                .isEqualTo("confirmed");
        assertThat(api.get("/api/v1/bookings/" + w2.id(), owner.token()).field("waitlistPosition"))
                .isEqualTo("1");
        assertThat(f.credits(second)).isEqualTo(9);
        assertThat(published(SchedulingEvents.WaitlistPromoted.class)
                        .filter(e -> e.bookingId().equals(w1.id())))
                .hasSize(1);
        assertThat(published(SchedulingEvents.BookingCancelled.class)
                        .filter(e -> e.bookingId().equals(seat)))
                .hasSize(1);
    }

    @Test
    void cancellingASessionCancelsBookingsAndReturnsCredits() {
        Owner owner = ownerWithOrganization("Cancel session");
        var f = SchedulingFixture.create(api, owner.token());
        UUID session = f.session(3);
        UUID a = f.member("A");
        UUID b = f.member("B");
        f.book(session, a, false);
        f.book(session, b, false);
        Api.Response cancelled =
                api.post("/api/v1/sessions/" + session + "/cancel", Map.of("reason", "Teacher ill"), owner.token());
        assertThat(cancelled.field("status")).isEqualTo("cancelled");
        assertThat(f.credits(a)).isEqualTo(10);
        assertThat(f.credits(b)).isEqualTo(10);
        assertThat(f.book(session, a, false).field("code")).isEqualTo("booking.session_cancelled");
        Api.Response again = api.post("/api/v1/sessions/" + session + "/cancel", Map.of(), owner.token());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.field("code")).isEqualTo("session.already_cancelled");
    }

    @Test
    void checkInRosterAndVisits() {
        Owner owner = ownerWithOrganization("Check-in");
        var f = SchedulingFixture.create(api, owner.token());
        UUID session = f.session(2);
        UUID booked = f.member("Booked");
        UUID walkIn = f.member("Walkin");
        UUID bookingId = f.book(session, booked, false).id();
        assertThat(api.post("/api/v1/sessions/" + session + "/check-ins", Map.of("bookingId", bookingId), owner.token())
                        .field("status"))
                .isEqualTo("attended");
        assertThat(api.post("/api/v1/sessions/" + session + "/check-ins", Map.of("clientId", walkIn), owner.token())
                        .field("status"))
                .isEqualTo("attended");
        UUID third = f.member("Third");
        assertThat(api.post("/api/v1/sessions/" + session + "/check-ins", Map.of("clientId", third), owner.token())
                        .field("code"))
                .isEqualTo("booking.session_full");
        var roster = api.get("/api/v1/sessions/" + session + "/roster", owner.token())
                .json()
                .path("data");
        assertThat(roster.size()).isEqualTo(2);
        assertThat(roster.findValuesAsString("status")).containsOnly("attended");
        assertThat(roster.findValuesAsString("firstName"))
                .as("attended clients by name")
                .containsExactly("Booked", "Walkin");
        assertThat(roster.findValuesAsString("lastName")).containsOnly("Test");
        var visits = api.get("/api/v1/clients/" + booked + "/visits", owner.token())
                .json()
                .path("data");
        assertThat(visits.get(0).path("classTypeName").asString()).isEqualTo("Vinyasa");
    }

    @Test
    void capacityCannotDropBelowBookingsAndOtherOrganizationsSeeNothing() {
        Owner owner = ownerWithOrganization("Capacity");
        var f = SchedulingFixture.create(api, owner.token());
        UUID session = f.session(3);
        f.book(session, f.member("One"), false);
        f.book(session, f.member("Two"), false);
        assertThat(api.patch("/api/v1/sessions/" + session, Map.of("capacity", 1), owner.token())
                        .field("code"))
                .isEqualTo("session.capacity_below_bookings");
        Owner other = ownerWithOrganization("Capacity other");
        assertThat(api.get("/api/v1/sessions/" + session, other.token()).status())
                .isEqualTo(404);
        UUID otherClient = api.post("/api/v1/clients", Map.of("firstName", "X", "lastName", "Y"), other.token())
                .id();
        assertThat(api.post("/api/v1/sessions/" + session + "/bookings", Map.of("clientId", otherClient), other.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/sessions/" + session + "/roster", other.token())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void onlineSessionsHandTheLinkToParticipantsInsideTheWindow() {
        Owner owner = ownerWithOrganization("Online");
        var f = SchedulingFixture.create(api, owner.token());
        UUID soon = api.post(
                        "/api/v1/sessions",
                        Map.of(
                                "classTypeId",
                                f.classTypeId(),
                                "locationId",
                                f.locationId(),
                                "startsAt",
                                OffsetDateTime.now().plusMinutes(10).toString(),
                                "capacity",
                                5,
                                "meetingUrl",
                                "https://meet.example.test/abc"),
                        owner.token())
                .id();
        UUID later = api.post(
                        "/api/v1/sessions",
                        Map.of(
                                "classTypeId",
                                f.classTypeId(),
                                "locationId",
                                f.locationId(),
                                "startsAt",
                                OffsetDateTime.now().plusDays(1).toString(),
                                "capacity",
                                5,
                                "meetingUrl",
                                "https://meet.example.test/def"),
                        owner.token())
                .id();
        assertThat(api.get("/api/v1/sessions/" + soon, owner.token()).text()).doesNotContain("meet.example.test");
        assertThat(api.post("/api/v1/sessions/" + soon + "/join", Map.of(), owner.token())
                        .field("meetingUrl"))
                .isEqualTo("https://meet.example.test/abc");
        assertThat(api.post("/api/v1/sessions/" + later + "/join", Map.of(), owner.token())
                        .field("code"))
                .isEqualTo("session.join_window_closed");
        UUID offline = f.session(5);
        assertThat(api.post("/api/v1/sessions/" + offline + "/join", Map.of(), owner.token())
                        .field("code"))
                .isEqualTo("session.not_online");
    }

    @Test
    void calendarFeedsNeedNoLoginAndStopWhenRevoked() {
        Owner owner = ownerWithOrganization("Feeds");
        var f = SchedulingFixture.create(api, owner.token());
        UUID session = api.post(
                        "/api/v1/sessions",
                        Map.of(
                                "classTypeId",
                                f.classTypeId(),
                                "locationId",
                                f.locationId(),
                                "startsAt",
                                OffsetDateTime.now().plusDays(3).toString(),
                                "instructorId",
                                owner.userId()),
                        owner.token())
                .id();
        UUID client = f.member("Feed");
        f.book(session, client, false);

        Api.Response staffFeed = api.post("/api/v1/calendar-feeds", Map.of(), owner.token());
        assertThat(staffFeed.status()).isEqualTo(201);
        String staffPath = staffFeed.field("url").replaceFirst("^https?://[^/]+", "");
        Api.Response ics = api.get(staffPath, null);
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.header("Content-Type")).startsWith("text/calendar");
        assertThat(ics.text())
                .contains("UID:session-" + session)
                .contains("SUMMARY:Vinyasa")
                .contains("TZID:Europe/Berlin");

        Api.Response clientFeed = api.post("/api/v1/calendar-feeds", Map.of("clientId", client), owner.token());
        String clientPath = clientFeed.field("url").replaceFirst("^https?://[^/]+", "");
        assertThat(api.get(clientPath, null).text()).contains("SUMMARY:Vinyasa").contains("UID:booking-");

        assertThat(api.delete("/api/v1/calendar-feeds/" + clientFeed.id(), owner.token())
                        .status())
                .isEqualTo(204);
        assertThat(api.get(clientPath, null).status()).isEqualTo(404);
        assertThat(api.get("/calendar/not-a-token.ics", null).status()).isEqualTo(404);
    }

    @Test
    void mergingClientsMovesTheirBookingsWithoutDoublingASeat() {
        Owner owner = ownerWithOrganization("Merge bookings");
        var f = SchedulingFixture.create(api, owner.token());
        UUID shared = f.session(5);
        UUID onlyDuplicate = f.session(5);
        UUID keep = f.member("Keep");
        UUID dupe = f.member("Dupe");
        f.book(shared, keep, false);
        f.book(shared, dupe, false);
        f.book(onlyDuplicate, dupe, false);
        assertThat(api.post("/api/v1/clients/" + keep + "/merge", Map.of("otherId", dupe), owner.token())
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/sessions/" + shared, owner.token()).field("spotsLeft"))
                .isEqualTo("4");
        var roster = api.get("/api/v1/sessions/" + onlyDuplicate + "/roster", owner.token())
                .json()
                .path("data");
        assertThat(roster.get(0).path("clientId").asString()).isEqualTo(keep.toString());
        assertThat(api.get("/api/v1/clients/" + keep + "/visits", owner.token())
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(3);
    }

    @Test
    void theClientListFiltersByAttendance() {
        Owner owner = ownerWithOrganization("Attendance filters");
        var f = SchedulingFixture.create(api, owner.token());
        UUID session = api.post(
                        "/api/v1/sessions",
                        Map.of(
                                "classTypeId",
                                f.classTypeId(),
                                "locationId",
                                f.locationId(),
                                "startsAt",
                                OffsetDateTime.now().plusDays(1).toString(),
                                "instructorId",
                                owner.userId()),
                        owner.token())
                .id();
        UUID came = f.member("Came");
        UUID stayed = f.member("Stayed");
        UUID booking = f.book(session, came, false).id();
        api.post("/api/v1/sessions/" + session + "/check-ins", Map.of("bookingId", booking), owner.token());
        String tomorrowPlus = java.time.LocalDate.now().plusDays(5).toString();
        assertThat(api.get("/api/v1/clients?instructorSeen=" + owner.userId(), owner.token())
                        .json()
                        .path("data")
                        .findValuesAsString("id"))
                .containsExactly(came.toString());
        assertThat(api.get("/api/v1/clients?location=" + f.locationId(), owner.token())
                        .json()
                        .path("data")
                        .findValuesAsString("id"))
                .containsExactly(came.toString());
        assertThat(api.get("/api/v1/clients?lastVisitBefore=" + tomorrowPlus, owner.token())
                        .json()
                        .path("data")
                        .findValuesAsString("id"))
                .as("clients who never came match neither")
                .containsExactly(came.toString());
        assertThat(api.get("/api/v1/clients?lastVisitAfter=" + java.time.LocalDate.now(), owner.token())
                        .json()
                        .path("data")
                        .findValuesAsString("id"))
                .containsExactly(came.toString());
        assertThat(api.get("/api/v1/clients?lastVisitAfter=soon", owner.token()).status())
                .isEqualTo(400);
    }

    @Test
    void lateCancelRulesCanWaiveOrPenalize() {
        Owner owner = ownerWithOrganization("Late rules");
        var f = SchedulingFixture.create(api, owner.token());
        var rules = new java.util.HashMap<String, Object>(Map.of(
                "lateCancelHours",
                12,
                "bookingWindowDays",
                30,
                "minNoticeMinutes",
                0,
                "waitlistPolicy",
                "auto_promote",
                "promotionCutoffMinutes",
                60,
                "penaltyCredits",
                1));
        assertThat(api.put("/api/v1/scheduling/settings", rules, owner.token()).field("penaltyCredits"))
                .isEqualTo("1");
        UUID client = f.member("Penalized");
        UUID soon = f.session(5, OffsetDateTime.now().plusHours(2));
        api.post("/api/v1/bookings/" + f.book(soon, client, false).id() + "/cancel", Map.of(), owner.token());
        assertThat(f.credits(client))
                .as("the class credit and one penalty credit")
                .isEqualTo(8);

        rules.put("lateCancelForfeits", false);
        rules.put("penaltyCredits", 0);
        api.put("/api/v1/scheduling/settings", rules, owner.token());
        UUID alsoSoon = f.session(5, OffsetDateTime.now().plusHours(3));
        Api.Response cancelled = api.post(
                "/api/v1/bookings/" + f.book(alsoSoon, client, false).id() + "/cancel", Map.of(), owner.token());
        assertThat(cancelled.field("status")).isEqualTo("late_cancelled");
        assertThat(f.credits(client)).as("waived: the credit comes back").isEqualTo(8);
    }

    @Test
    void notifyAllPolicyLetsTheFastestWaitingClientTakeTheSeat() {
        Owner owner = ownerWithOrganization("Notify all");
        var f = SchedulingFixture.create(api, owner.token());
        api.put(
                "/api/v1/scheduling/settings",
                Map.of(
                        "lateCancelHours",
                        12,
                        "bookingWindowDays",
                        30,
                        "minNoticeMinutes",
                        0,
                        "waitlistPolicy",
                        "notify_all",
                        "promotionCutoffMinutes",
                        60),
                owner.token());
        UUID session = f.session(1);
        UUID seat = f.book(session, f.member("Seated"), false).id();
        UUID slow = f.member("Slow");
        UUID fast = f.member("Fast");
        UUID slowEntry = f.book(session, slow, true).id();
        f.book(session, fast, true);
        api.post("/api/v1/bookings/" + seat + "/cancel", Map.of(), owner.token());
        assertThat(api.get("/api/v1/bookings/" + slowEntry, owner.token()).field("status"))
                .isEqualTo("waitlisted");
        assertThat(published(SchedulingEvents.WaitlistSeatAvailable.class)
                        .filter(e -> e.sessionId().equals(session))
                        .findFirst()
                        .orElseThrow()
                        .waitingClientIds())
                .containsExactly(slow, fast);
        assertThat(f.book(session, fast, false).field("status")).isEqualTo("confirmed");
        Api.Response late = f.book(session, slow, false);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.field("code")).isEqualTo("booking.already_waitlisted");
    }
}
