package io.wellbase.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The organization's booking rules through the API: the booking window, the minimum notice, the daily
 * limit, and sessions that have already started, each just inside and just outside its limit. Bookings
 * reads the system time ({@code OffsetDateTime.now()}), not the injectable clock, so sessions are
 * placed relative to the real current time, with a few minutes of slack for the test's own run time.
 */
class BookingRulesIntegrationTests extends IntegrationTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** The settings body the endpoint requires, with the defaults; callers change what they test. */
    private static Map<String, Object> rules() {
        return new HashMap<>(Map.of(
                "lateCancelHours",
                12,
                "bookingWindowDays",
                30,
                "minNoticeMinutes",
                0,
                "waitlistPolicy",
                "auto_promote",
                "promotionCutoffMinutes",
                60));
    }

    private void replaceRules(Owner owner, Map<String, Object> rules) {
        Api.Response r = api.put("/api/v1/scheduling/settings", rules, owner.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private Api.Response bookWithOverride(SchedulingFixture f, UUID session, UUID client) {
        return api.post(
                "/api/v1/sessions/" + session + "/bookings", Map.of("clientId", client, "override", true), f.token());
    }

    private static void assertProblem(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.field("code")).as(r.toString()).isEqualTo(code);
    }

    @Test
    void theBookingWindowOpensExactlyItsDaysBeforeTheStartAndStaffMayOverride() {
        Owner owner = ownerWithOrganization("Window");
        var f = SchedulingFixture.create(api, owner.token());
        Map<String, Object> rules = rules();
        rules.put("bookingWindowDays", 7);
        replaceRules(owner, rules);
        assertThat(api.get("/api/v1/scheduling/settings", owner.token()).field("bookingWindowDays"))
                .isEqualTo("7");
        UUID client = f.member("Planner");

        UUID inside = f.session(5, OffsetDateTime.now().plusDays(7).minusMinutes(5));
        Api.Response booked = f.book(inside, client, false);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);

        UUID outside = f.session(5, OffsetDateTime.now().plusDays(7).plusMinutes(5));
        Api.Response refused = f.book(outside, client, false);
        assertProblem(refused, 422, "booking.too_far_ahead");
        assertThat(refused.field("detail")).contains("7 days");
        Api.Response waitlist = f.book(outside, client, true);
        assertProblem(waitlist, 422, "booking.too_far_ahead");
        assertThat(f.credits(client)).as("a refused booking takes no credit").isEqualTo(9);

        Api.Response overridden = bookWithOverride(f, outside, client);
        assertThat(overridden.status()).as(overridden.toString()).isEqualTo(201);
        assertThat(overridden.field("status")).isEqualTo("confirmed");
    }

    @Test
    void withoutOwnSettingsTheWindowIsThirtyDays() {
        Owner owner = ownerWithOrganization("Default window");
        var f = SchedulingFixture.create(api, owner.token());
        assertThat(api.get("/api/v1/scheduling/settings", owner.token()).field("bookingWindowDays"))
                .isEqualTo("30");
        UUID client = f.member("Default");
        assertThat(f.book(f.session(5, OffsetDateTime.now().plusDays(30).minusMinutes(5)), client, false)
                        .status())
                .isEqualTo(201);
        assertProblem(
                f.book(f.session(5, OffsetDateTime.now().plusDays(30).plusMinutes(5)), client, false),
                422,
                "booking.too_far_ahead");
    }

    @Test
    void bookingsCloseTheMinimumNoticeBeforeTheStartAndStaffMayOverride() {
        Owner owner = ownerWithOrganization("Notice");
        var f = SchedulingFixture.create(api, owner.token());
        Map<String, Object> rules = rules();
        rules.put("minNoticeMinutes", 120);
        replaceRules(owner, rules);
        UUID client = f.member("Lastminute");

        UUID inTime = f.session(5, OffsetDateTime.now().plusMinutes(125));
        assertThat(f.book(inTime, client, false).status()).isEqualTo(201);

        UUID tooSoon = f.session(5, OffsetDateTime.now().plusMinutes(115));
        Api.Response refused = f.book(tooSoon, client, false);
        assertProblem(refused, 422, "booking.too_late");
        assertThat(refused.field("detail")).contains("120 minutes");
        assertThat(api.get("/api/v1/sessions/" + tooSoon, owner.token()).field("spotsLeft"))
                .isEqualTo("5");

        Api.Response overridden = bookWithOverride(f, tooSoon, client);
        assertThat(overridden.status()).as(overridden.toString()).isEqualTo(201);
    }

    @Test
    void withoutMinimumNoticeASessionIsBookableUntilItStartsAndNeverAfterEvenByStaff() {
        Owner owner = ownerWithOrganization("Started");
        var f = SchedulingFixture.create(api, owner.token());
        UUID client = f.member("Late");

        UUID aboutToStart = f.session(5, OffsetDateTime.now().plusMinutes(3));
        assertThat(f.book(aboutToStart, client, false).status()).isEqualTo(201);

        UUID justStarted = f.session(5, OffsetDateTime.now().minusMinutes(1));
        assertProblem(f.book(justStarted, client, false), 422, "booking.session_started");
        assertProblem(bookWithOverride(f, justStarted, client), 422, "booking.session_started");
        assertProblem(f.book(justStarted, client, true), 422, "booking.session_started");
        assertThat(f.credits(client)).isEqualTo(9);
        assertThat(api.get("/api/v1/sessions/" + justStarted + "/roster", owner.token())
                        .json()
                        .path("data")
                        .size())
                .isZero();
    }

    @Test
    void theDailyLimitCountsConfirmedBookingsOnTheLocationsCalendarDay() {
        Owner owner = ownerWithOrganization("Daily");
        var f = SchedulingFixture.create(api, owner.token());
        Map<String, Object> rules = rules();
        rules.put("maxBookingsPerDay", 2);
        replaceRules(owner, rules);
        UUID client = f.member("Eager");
        LocalDate day = LocalDate.now(BERLIN).plusDays(3);

        UUID morning = f.session(5, at(day, 8));
        UUID noon = f.session(5, at(day, 12));
        UUID evening = f.session(5, at(day, 18));
        UUID nextDay = f.session(5, at(day.plusDays(1), 8));
        UUID first = f.book(morning, client, false).id();
        assertThat(f.book(noon, client, false).status())
                .as("the second of two is inside the limit")
                .isEqualTo(201);
        Api.Response third = f.book(evening, client, false);
        assertProblem(third, 422, "booking.daily_limit");
        assertThat(third.field("detail")).contains("2 bookings per day");
        assertProblem(f.book(evening, client, true), 422, "booking.daily_limit");
        assertThat(f.book(nextDay, client, false).status())
                .as("another day has its own limit")
                .isEqualTo(201);
        assertThat(f.book(evening, f.member("Other"), false).status())
                .as("the limit is per client")
                .isEqualTo(201);

        api.post("/api/v1/bookings/" + first + "/cancel", Map.of(), owner.token());
        assertThat(f.book(evening, client, false).status())
                .as("a cancelled booking no longer counts")
                .isEqualTo(201);

        UUID night = f.session(5, at(day, 22));
        assertProblem(f.book(night, client, false), 422, "booking.daily_limit");
        Api.Response overridden = bookWithOverride(f, night, client);
        assertThat(overridden.status()).as(overridden.toString()).isEqualTo(201);
    }

    @Test
    void concurrentBookingsOfOneClientOnOneDayStayWithinTheDailyLimit() throws Exception {
        Owner owner = ownerWithOrganization("Daily race");
        var f = SchedulingFixture.create(api, owner.token());
        Map<String, Object> rules = rules();
        rules.put("maxBookingsPerDay", 1);
        replaceRules(owner, rules);
        UUID client = f.member("Racer");
        LocalDate day = LocalDate.now(BERLIN).plusDays(4);
        java.util.List<UUID> sessions = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> f.session(5, at(day, 8 + i)))
                .toList();
        java.util.List<Integer> statuses;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(sessions.size())) {
            var go = new java.util.concurrent.CountDownLatch(1);
            var futures = sessions.stream()
                    .map(session -> pool.submit(() -> {
                        go.await();
                        return f.book(session, client, false).status();
                    }))
                    .toList();
            go.countDown();
            statuses = new java.util.ArrayList<>();
            for (var future : futures) {
                statuses.add(future.get());
            }
        }
        assertThat(statuses.stream().filter(st -> st == 201).count())
                .as(statuses.toString())
                .isEqualTo(1);
        assertThat(statuses.stream().filter(st -> st == 422).count()).isEqualTo(sessions.size() - 1);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM bookings WHERE org_id = :org AND client_id = :c AND status = 'confirmed'")
                        .param("org", owner.orgId())
                        .param("c", client)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theDailyLimitFollowsTheLocationsMidnightNotUtc() {
        Owner owner = ownerWithOrganization("Midnight");
        var f = SchedulingFixture.create(api, owner.token());
        Map<String, Object> rules = rules();
        rules.put("maxBookingsPerDay", 1);
        replaceRules(owner, rules);
        UUID client = f.member("Nightowl");
        LocalDate day = LocalDate.now(BERLIN).plusDays(3);

        // 23:30 and 00:30 in Berlin are one UTC day but two local days
        OffsetDateTime lateEvening =
                day.atTime(LocalTime.of(23, 30)).atZone(BERLIN).toOffsetDateTime();
        OffsetDateTime afterMidnight =
                day.plusDays(1).atTime(LocalTime.of(0, 30)).atZone(BERLIN).toOffsetDateTime();
        assertThat(lateEvening.atZoneSameInstant(ZoneId.of("UTC")).toLocalDate())
                .isEqualTo(afterMidnight.atZoneSameInstant(ZoneId.of("UTC")).toLocalDate());
        assertThat(f.book(f.session(5, lateEvening), client, false).status()).isEqualTo(201);
        assertThat(f.book(f.session(5, afterMidnight), client, false).status()).isEqualTo(201);
        assertProblem(f.book(f.session(5, at(day.plusDays(1), 20)), client, false), 422, "booking.daily_limit");
    }

    @Test
    void clientsBookOnlyForThemselvesAndCannotOverrideTheRules() {
        Owner owner = ownerWithOrganization("Portal rules");
        var f = SchedulingFixture.create(api, owner.token());
        Map<String, Object> rules = rules();
        rules.put("bookingWindowDays", 7);
        replaceRules(owner, rules);
        String email = uniqueEmail("portal-booker");
        UUID self = api.post(
                        "/api/v1/clients",
                        Map.of("firstName", "Self", "lastName", "Booker", "email", email),
                        owner.token())
                .id();
        api.post(
                "/api/v1/clients/" + self + "/memberships",
                Map.of("planId", f.packPlanId(), "paymentMethod", "cash"),
                owner.token());
        assertThat(api.post("/api/v1/clients/" + self + "/portal-invitations", Map.of(), owner.token())
                        .status())
                .isEqualTo(202);
        Api.Response accepted = api.post(
                "/api/v1/auth/client-invitations/accept",
                Map.of("token", tokenIn(lastEmailBody(email, "client_invitation")), "password", PASSWORD),
                null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        String clientToken = accepted.field("accessToken");
        UUID other = f.member("Other");

        UUID farAhead = f.session(5, OffsetDateTime.now().plusDays(7).plusMinutes(5));
        Api.Response overrideIgnored = api.post(
                "/api/v1/sessions/" + farAhead + "/bookings", Map.of("clientId", self, "override", true), clientToken);
        assertProblem(overrideIgnored, 422, "booking.too_far_ahead");

        UUID inside = f.session(5, OffsetDateTime.now().plusDays(2));
        assertProblem(
                api.post("/api/v1/sessions/" + inside + "/bookings", Map.of("clientId", other), clientToken),
                403,
                "portal.own_records_only");
        Api.Response own = api.post("/api/v1/sessions/" + inside + "/bookings", Map.of("clientId", self), clientToken);
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        assertThat(own.field("clientId")).isEqualTo(self.toString());
        assertProblem(
                api.post("/api/v1/sessions/" + farAhead + "/join", Map.of(), clientToken),
                403,
                "session.not_participant");
    }

    @Test
    void onlyActiveBookingsCanBeCancelledAndOnlyConfirmedOnesCheckedIn() {
        Owner owner = ownerWithOrganization("Booking states");
        var f = SchedulingFixture.create(api, owner.token());
        UUID session = f.session(1);
        UUID seated = f.member("Seated");
        UUID waiting = f.member("Waiting");
        UUID seat = f.book(session, seated, false).id();
        UUID entry = f.book(session, waiting, true).id();

        assertProblem(
                api.post("/api/v1/sessions/" + session + "/check-ins", Map.of("bookingId", entry), owner.token()),
                409,
                "booking.not_confirmed");
        api.post("/api/v1/bookings/" + entry + "/cancel", Map.of(), owner.token());
        Api.Response again = api.post("/api/v1/bookings/" + entry + "/cancel", Map.of(), owner.token());
        assertProblem(again, 409, "booking.not_active");
        assertThat(again.field("detail")).contains("cancelled");
        assertThat(api.post("/api/v1/sessions/" + session + "/check-ins", Map.of("bookingId", seat), owner.token())
                        .field("status"))
                .isEqualTo("attended");
        assertProblem(
                api.post("/api/v1/bookings/" + seat + "/cancel", Map.of(), owner.token()), 409, "booking.not_active");
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(BERLIN).toOffsetDateTime();
    }
}
