package io.wellbase.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Notifications through the HTTP API: a booking tells the client in the app and by email, once; the
 * inbox reads, marks and deletes only the caller's own; reminders are planned, cancelled, and sent once
 * at their time; preferences and the organization's settings decide what goes out.
 */
class NotificationsIntegrationTests extends IntegrationTest {

    @Autowired
    ReminderDispatch reminderDispatch;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    Notifier notifier;

    /**
     * A test's own dispatcher claims every due row of the database; rows other tests left queued are set
     * aside first, so what it counts is this test's.
     */
    private void setEverythingButTheClientsAside(Studio s) {
        jdbc.sql("UPDATE notification_deliveries SET status = 'failed', last_error = 'set aside by a test'"
                        + " WHERE status = 'queued' AND client_id IS DISTINCT FROM :client")
                .param("client", s.client())
                .update();
    }

    /**
     * A booking's confirmation mail, parked a day ahead so that the shared dispatcher leaves it to the test's
     * own dispatcher (whose clock the test moves past it).
     */
    private UUID parkedBookingMail(Studio s) {
        book(s, session(s, inDays(3)));
        eventually(
                () -> rows("SELECT count(*) FROM notification_deliveries WHERE client_id = :id", s.client()),
                n -> n == 1);
        return jdbc.sql("UPDATE notification_deliveries SET status = 'queued', attempts = 0,"
                        + " next_attempt_at = now() + interval '1 day' WHERE client_id = :id RETURNING id")
                .param("id", s.client())
                .query(UUID.class)
                .single();
    }

    /** Every queued row but one set aside, so that a test's own dispatcher handles that one alone. */
    private void setEverythingElseAside(UUID keep) {
        jdbc.sql("UPDATE notification_deliveries SET status = 'failed', last_error = 'set aside by a test'"
                        + " WHERE status = 'queued' AND id <> :keep")
                .param("keep", keep)
                .update();
    }

    /** The mails that reached the client's address over SMTP with a subject that starts so. */
    private static List<jakarta.mail.internet.MimeMessage> mailsTo(String address, String subjectStart) {
        return io.wellbase.support.TestSmtp.receivedBy(address).stream()
                .filter(m -> {
                    try {
                        return m.getSubject().startsWith(subjectStart);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        // rows a test parked in the future for its own dispatcher must not reach the next test's
        jdbc.sql("UPDATE notification_deliveries SET status = 'failed', last_error = 'parked by a test'"
                        + " WHERE status = 'queued' AND next_attempt_at > now() + interval '1 hour'")
                .update();
    }

    /** An organization with a location, a class type, a pack plan, and a client with a portal account. */
    record Studio(
            Owner owner,
            UUID location,
            UUID classType,
            UUID plan,
            UUID client,
            String clientEmail,
            String clientToken) {}

    private Studio studio(String name) {
        Owner owner = ownerWithOrganization(name);
        String t = owner.token();
        UUID location = api.post("/api/v1/locations", Map.of("name", "Main", "timezone", "Europe/Berlin"), t)
                .id();
        UUID type = api.post(
                        "/api/v1/class-types", Map.of("name", "Hatha", "durationMinutes", 60, "defaultCapacity", 10), t)
                .id();
        UUID plan = api.post(
                        "/api/v1/membership-plans",
                        Map.of(
                                "name",
                                "Pack",
                                "kind",
                                "class_pack",
                                "credits",
                                10,
                                "price",
                                Map.of("amount", 1000, "currency", "EUR"),
                                "periodUnit",
                                "month",
                                "periodCount",
                                3),
                        t)
                .id();
        String email = uniqueEmail("client");
        UUID client = api.post("/api/v1/clients", Map.of("firstName", "Rosa", "lastName", "Client", "email", email), t)
                .id();
        api.post("/api/v1/clients/" + client + "/memberships", Map.of("planId", plan, "paymentMethod", "cash"), t);
        return new Studio(owner, location, type, plan, client, email, portalToken(owner, client, email));
    }

    private UUID session(Studio s, OffsetDateTime startsAt) {
        Api.Response r = api.post(
                "/api/v1/sessions",
                Map.of("classTypeId", s.classType(), "locationId", s.location(), "startsAt", startsAt.toString()),
                s.owner().token());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.id();
    }

    private UUID book(Studio s, UUID session) {
        Api.Response r = api.post(
                "/api/v1/sessions/" + session + "/bookings",
                Map.of("clientId", s.client()),
                s.owner().token());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.id();
    }

    private static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> done) {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            value = read.get();
        }
        return value;
    }

    private JsonNode inbox(Studio s, String query) {
        Api.Response r = api.get("/api/v1/notifications" + query, s.clientToken());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("data");
    }

    private long rows(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    private OffsetDateTime inDays(int days) {
        return OffsetDateTime.now().plusDays(days).truncatedTo(ChronoUnit.HOURS);
    }

    @Test
    void aBookingTellsTheClientInTheAppAndByEmailOnceAndPlansItsReminders() {
        Studio s = studio("Notify A");
        UUID session = session(s, inDays(3));
        UUID booking = book(s, session);

        JsonNode data = eventually(() -> inbox(s, ""), d -> d.size() == 1);
        assertThat(data.size()).isEqualTo(1);
        assertThat(data.get(0).path("type").asString()).isEqualTo("booking.confirmed");
        assertThat(data.get(0).path("category").asString()).isEqualTo("bookings");
        assertThat(data.get(0).path("title").asString()).isEqualTo("Booked: Hatha");
        assertThat(data.get(0).path("entityId").asString()).isEqualTo(booking.toString());
        assertThat(api.get("/api/v1/notifications/unread-count", s.clientToken())
                        .field("count"))
                .isEqualTo("1");

        // queued, or already sent by the application's own dispatcher (it runs every 2 s)
        Api.Response deliveries =
                api.get("/api/v1/notifications/deliveries", s.owner().token());
        assertThat(deliveries.status()).as(deliveries.toString()).isEqualTo(200);
        List<tools.jackson.databind.JsonNode> confirmations = new java.util.ArrayList<>();
        deliveries.json().path("data").forEach(d -> {
            if (d.path("type").asString().equals("booking.confirmed")) {
                confirmations.add(d);
            }
        });
        assertThat(confirmations).hasSize(1);
        assertThat(confirmations.get(0).path("recipient").asString()).isEqualTo(s.clientEmail());
        assertThat(rows(
                        "SELECT count(*) FROM notification_reminders WHERE entity_id = :id AND status = 'pending'",
                        booking))
                .isEqualTo(2);

        // the same event handled again (a retried listener) adds nothing
        var message = SchedulingNotifications.message(
                s.owner().orgId(),
                NotificationType.BOOKING_CONFIRMED,
                new io.wellbase.scheduling.BookedClasses.BookedClass(
                        booking, s.client(), session, "Hatha", inDays(3), "Europe/Berlin", "Main", true, false),
                "confirmed");
        assertThat(notifier.tell(message)).isEqualTo(new Notifier.Outcome(0, 0));
        assertThat(inbox(s, "").size()).isEqualTo(1);

        // the dispatcher sends the email over SMTP, once
        eventually(
                () -> {
                    dispatcher.dispatchBatch();
                    return rows(
                            "SELECT count(*) FROM notification_deliveries WHERE client_id = :id AND status = 'sent'",
                            s.client());
                },
                n -> n == 1);
        assertThat(rows(
                        "SELECT count(*) FROM notification_deliveries WHERE client_id = :id AND status = 'sent'",
                        s.client()))
                .isEqualTo(1);
        dispatcher.dispatchBatch();
        assertThat(mailsTo(s.clientEmail(), "Booked")).as("one mail over SMTP").hasSize(1);
    }

    @Test
    void theInboxReadsMarksAndDeletesOnlyTheCallersOwn() {
        Studio s = studio("Notify B");
        UUID first = book(s, session(s, inDays(3)));
        book(s, session(s, inDays(4)));
        JsonNode data = eventually(() -> inbox(s, ""), d -> d.size() == 2);
        assertThat(data.size()).isEqualTo(2);
        String newest = data.get(0).path("id").asString();
        String older = data.get(1).path("id").asString();

        // paging by cursor
        Api.Response page1 = api.get("/api/v1/notifications?page_size=1", s.clientToken());
        assertThat(page1.json().path("data").get(0).path("id").asString()).isEqualTo(newest);
        String cursor = page1.json().path("nextCursor").asString();
        Api.Response page2 = api.get("/api/v1/notifications?page_size=1&cursor=" + cursor, s.clientToken());
        assertThat(page2.json().path("data").get(0).path("id").asString()).isEqualTo(older);
        assertThat(page2.json().path("nextCursor").isNull()
                        || page2.json().path("nextCursor").isMissingNode())
                .isTrue();

        Api.Response read = api.patch("/api/v1/notifications/" + newest + "/read", Map.of(), s.clientToken());
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.field("readAt")).isNotBlank();
        assertThat(inbox(s, "?unread=true").size()).isEqualTo(1);
        assertThat(api.put("/api/v1/notifications/" + older + "/read", Map.of(), s.clientToken())
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/notifications/unread-count", s.clientToken())
                        .field("count"))
                .isEqualTo("0");
        assertThat(inbox(s, "?category=bookings").size()).isEqualTo(2);
        assertThat(inbox(s, "?category=reminders").size()).isZero();

        // another user (the owner) sees none of them and cannot touch them
        assertThat(api.get("/api/v1/notifications", s.owner().token())
                        .json()
                        .path("data")
                        .size())
                .isZero();
        assertThat(api.patch(
                                "/api/v1/notifications/" + newest + "/read",
                                Map.of(),
                                s.owner().token())
                        .status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/notifications/" + newest, s.owner().token())
                        .status())
                .isEqualTo(404);

        // bad input
        assertThat(api.get("/api/v1/notifications?category=gossip", s.clientToken())
                        .field("code"))
                .isEqualTo("validation_failed");
        assertThat(api.get("/api/v1/notifications?cursor=nope", s.clientToken()).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/notifications?page_size=0", s.clientToken()).status())
                .isEqualTo(400);

        assertThat(api.delete("/api/v1/notifications/" + newest, s.clientToken())
                        .status())
                .isEqualTo(204);
        assertThat(api.delete("/api/v1/notifications/" + newest, s.clientToken())
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/notifications/read-all", Map.of(), s.clientToken())
                        .status())
                .isEqualTo(200);
        assertThat(inbox(s, "").size()).isEqualTo(1);
        assertThat(first).isNotNull();
    }

    @Test
    void aReminderIsSentOnceAtItsTimeAndNeverForACancelledBookingOrSession() {
        Studio s = studio("Notify C");
        OffsetDateTime start = inDays(3);
        UUID kept = book(s, session(s, start));
        UUID cancelledBooking = book(s, session(s, start.plusHours(2)));
        UUID cancelledSession = session(s, start.plusHours(4));
        book(s, cancelledSession);
        eventually(
                () -> rows(
                        "SELECT count(*) FROM notification_reminders WHERE org_id = :id AND status = 'pending'",
                        s.owner().orgId()),
                n -> n == 6);

        assertThat(api.post(
                                "/api/v1/bookings/" + cancelledBooking + "/cancel",
                                Map.of(),
                                s.owner().token())
                        .status())
                .isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/sessions/" + cancelledSession + "/cancel",
                                Map.of("reason", "Teacher ill"),
                                s.owner().token())
                        .status())
                .isLessThan(300);
        eventually(
                () -> rows(
                        "SELECT count(*) FROM notification_reminders WHERE org_id = :id AND status = 'pending'",
                        s.owner().orgId()),
                n -> n == 2);
        assertThat(rows(
                        "SELECT count(*) FROM notification_reminders WHERE org_id = :id AND status = 'pending'",
                        s.owner().orgId()))
                .isEqualTo(2);

        Instant due24 = jdbc.sql(
                        "SELECT due_at FROM notification_reminders WHERE entity_id = :id AND offset_minutes = 1440")
                .param("id", kept)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
        assertThat(due24).isEqualTo(start.minusDays(1).toInstant());

        clock.fixAt(due24.minusSeconds(61));
        reminderDispatch.dispatchBatch();
        assertThat(reminders(s)).isZero();

        clock.fixAt(due24.plusSeconds(30));
        reminderDispatch.dispatchBatch();
        reminderDispatch.dispatchBatch();
        assertThat(reminders(s)).isEqualTo(1);
        assertThat(rows("SELECT count(*) FROM notification_reminders WHERE entity_id = :id AND status = 'sent'", kept))
                .isEqualTo(1);

        // after the start nothing is sent any more: the 2-hour reminder of a class that began is skipped
        clock.fixAt(start.plusMinutes(5).toInstant());
        reminderDispatch.dispatchBatch();
        assertThat(reminders(s)).isEqualTo(1);
        assertThat(rows(
                        "SELECT count(*) FROM notification_reminders WHERE entity_id = :id AND status = 'skipped'",
                        kept))
                .isEqualTo(1);

        JsonNode data = inbox(s, "");
        assertThat(data.findValuesAsString("type"))
                .contains("class.reminder", "booking.cancelled", "session.cancelled");
    }

    private long reminders(Studio s) {
        return rows(
                "SELECT count(*) FROM notifications WHERE org_id = :id AND type = 'class.reminder'",
                s.owner().orgId());
    }

    @Test
    void preferencesAndSettingsDecideWhatGoesOutAndBadInputChangesNothing() {
        Studio s = studio("Notify D");
        Api.Response prefs = api.get("/api/v1/notifications/preferences", s.clientToken());
        assertThat(prefs.field("channels.bookings.email")).isEqualTo("true");

        Api.Response off = api.put(
                "/api/v1/notifications/preferences",
                Map.of(
                        "channels", Map.of("bookings", Map.of("email", false)),
                        "quietHours", Map.of("start", "22:00", "end", "07:00", "timezone", "Europe/Berlin")),
                s.clientToken());
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.field("channels.bookings.email")).isEqualTo("false");
        assertThat(off.field("channels.bookings.in_app")).isEqualTo("true");
        assertThat(off.field("quietHours.timezone")).isEqualTo("Europe/Berlin");

        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("channels", Map.of("gossip", Map.of("email", false))),
                Map.of("channels", Map.of("bookings", Map.of("pigeon", false))),
                Map.of("channels", Map.of("account", Map.of("email", false))),
                Map.of(
                        "channels",
                        Map.of(),
                        "quietHours",
                        Map.of("start", "22:00", "end", "07:00", "timezone", "Mars/Base")))) {
            Api.Response r = api.put("/api/v1/notifications/preferences", bad, s.clientToken());
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
        }
        assertThat(api.get("/api/v1/notifications/preferences", s.clientToken()).field("channels.bookings.email"))
                .isEqualTo("false");

        Api.Response settings = api.put(
                "/api/v1/notifications/settings",
                Map.of("reminderOffsetMinutes", List.of(60), "disabledCategories", List.of()),
                s.owner().token());
        assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
        assertThat(api.put(
                                "/api/v1/notifications/settings",
                                Map.of("reminderOffsetMinutes", List.of(0), "disabledCategories", List.of()),
                                s.owner().token())
                        .status())
                .isEqualTo(400);
        assertThat(api.put(
                                "/api/v1/notifications/settings",
                                Map.of("reminderOffsetMinutes", List.of(60), "disabledCategories", List.of("account")),
                                s.owner().token())
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/notifications/settings", s.clientToken()).status())
                .isEqualTo(403);

        UUID booking = book(s, session(s, inDays(3)));
        eventually(() -> inbox(s, "").size(), n -> n == 1);
        assertThat(rows("SELECT count(*) FROM notification_reminders WHERE entity_id = :id", booking))
                .isEqualTo(1);
        assertThat(rows("SELECT count(*) FROM notification_deliveries WHERE client_id = :id", s.client()))
                .as("email switched off for bookings")
                .isZero();
    }

    @Test
    void anOrganizationSwitchesAChannelOffForEveryoneButNeverACriticalOne() {
        Studio s = studio("Notify Org Channels");
        String t = s.owner().token();
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("bookings", Map.of("pigeon", false)),
                Map.of("gossip", Map.of("email", false)),
                Map.of("account", Map.of("email", false)))) {
            Api.Response r = api.put(
                    "/api/v1/notifications/settings",
                    Map.of("reminderOffsetMinutes", List.of(60), "disabledCategories", List.of(), "channels", bad),
                    t);
            assertThat(r.status()).as(bad + " → " + r).isEqualTo(400);
        }
        Api.Response settings = api.put(
                "/api/v1/notifications/settings",
                Map.of(
                        "reminderOffsetMinutes",
                        List.of(60),
                        "disabledCategories",
                        List.of(),
                        "channels",
                        Map.of("bookings", Map.of("email", false))),
                t);
        assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
        assertThat(settings.json()
                        .path("channels")
                        .path("bookings")
                        .path("email")
                        .asBoolean())
                .isFalse();
        assertThat(settings.json()
                        .path("channels")
                        .path("bookings")
                        .path("in_app")
                        .asBoolean())
                .isTrue();

        book(s, session(s, inDays(3)));
        eventually(() -> inbox(s, "").size(), n -> n == 1);
        assertThat(rows(
                        "SELECT count(*) FROM notification_deliveries WHERE client_id = :id AND type = 'booking.confirmed'",
                        s.client()))
                .as("the organization sends no booking email")
                .isZero();
    }

    @Test
    void everyEmailCarriesAOneClickUnsubscribeLinkThatWorksWithoutSigningIn() throws Exception {
        Studio s = studio("Notify G");
        book(s, session(s, inDays(3)));
        eventually(
                () -> {
                    dispatcher.dispatchBatch();
                    return mailsTo(s.clientEmail(), "Booked").size();
                },
                n -> n == 1);
        jakarta.mail.internet.MimeMessage mail =
                mailsTo(s.clientEmail(), "Booked").get(0);
        String headers = io.wellbase.support.TestSmtp.header(mail, "List-Unsubscribe") + " "
                + io.wellbase.support.TestSmtp.header(mail, "List-Unsubscribe-Post");
        String text = io.wellbase.support.TestSmtp.text(mail);
        assertThat(headers)
                .as(String.join("\n", java.util.Collections.list(mail.getAllHeaderLines())))
                .contains("List-Unsubscribe=One-Click");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile(
                        "(/api/v1/notifications/unsubscribe\\?token=[^&]+&category=bookings)")
                .matcher(text);
        assertThat(link.find()).as(text).isTrue();
        assertThat(io.wellbase.support.TestSmtp.html(mail))
                .as("the HTML part links it too")
                .contains(link.group(1).replace("&", "&amp;"));
        assertThat(headers).contains(link.group(1));
        String path = link.group(1);

        // opening the link changes nothing; the one-click POST (no token of a user) does
        Api.Response page = api.get(path, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("<form method=\"post\"");
        assertThat(rows(
                        "SELECT count(*) FROM notification_optouts WHERE client_id = :id AND cardinality(categories) > 0",
                        s.client()))
                .isZero();
        Api.Response done = api.post(path, Map.of(), null);
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.field("unsubscribed")).isEqualTo("bookings");
        assertThat(api.post(path.replaceAll("token=[^&]+", "token=forged"), Map.of(), null)
                        .status())
                .isEqualTo(404);
        assertThat(api.post(path.replace("category=bookings", "category=account"), Map.of(), null)
                        .status())
                .isEqualTo(400);

        // the next booking's email is not queued; the in-app notification still is
        book(s, session(s, inDays(4)));
        eventually(() -> inbox(s, "").size(), n -> n == 2);
        assertThat(rows(
                        "SELECT count(*) FROM notification_deliveries WHERE client_id = :id AND type = 'booking.confirmed'",
                        s.client()))
                .isEqualTo(1);
    }

    @Test
    void newReminderOffsetsReplanTheUpcomingBookingsReminders() {
        Studio s = studio("Notify F");
        UUID booking = book(s, session(s, inDays(3)));
        UUID past = book(s, session(s, OffsetDateTime.now().plusMinutes(90).truncatedTo(ChronoUnit.MINUTES)));
        String pending = "SELECT count(*) FROM notification_reminders WHERE entity_id = :id AND status = 'pending'";
        assertThat(eventually(() -> rows(pending, booking), n -> n == 2)).isEqualTo(2);

        Api.Response changed = api.put(
                "/api/v1/notifications/settings",
                Map.of("reminderOffsetMinutes", List.of(2880, 60), "disabledCategories", List.of()),
                s.owner().token());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        String offsets = "SELECT coalesce(string_agg(offset_minutes::text, ',' ORDER BY offset_minutes), '')"
                + " FROM notification_reminders WHERE entity_id = :id AND status = 'pending'";
        assertThat(eventually(
                        () -> jdbc.sql(offsets)
                                .param("id", booking)
                                .query(String.class)
                                .single(),
                        o -> o.equals("60,2880")))
                .isEqualTo("60,2880");
        assertThat(rows(
                        "SELECT count(*) FROM notification_reminders WHERE entity_id = :id AND status = 'cancelled'",
                        booking))
                .isEqualTo(2);
        // the class in 90 minutes: only the 60-minute reminder is still ahead
        assertThat(eventually(
                        () -> jdbc.sql(offsets)
                                .param("id", past)
                                .query(String.class)
                                .single(),
                        o -> o.equals("60")))
                .isEqualTo("60");
    }

    @Test
    void aProviderThatIsDownDelaysMessagesWhichGoOutOnceWhenItIsBackAndTheLastFailureIsADeadLetter() {
        Studio s = studio("Notify E");
        book(s, session(s, inDays(3)));
        eventually(
                () -> rows("SELECT count(*) FROM notification_deliveries WHERE client_id = :id", s.client()),
                n -> n == 1);
        // take the row out of the shared dispatcher's way: it is this test's provider that is down
        UUID id = jdbc.sql(
                        "UPDATE notification_deliveries SET channel = 'sms', recipient = '+4915100000000', status = 'queued',"
                                + " attempts = 0, next_attempt_at = now() + interval '1 day'"
                                + " WHERE client_id = :id RETURNING id")
                .param("id", s.client())
                .query(UUID.class)
                .single();

        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
        ChannelSender flaky = sender(Channel.SMS, message -> {
            calls.incrementAndGet();
            if (down.get()) {
                throw new IllegalStateException("503 from the provider");
            }
            return "SM" + calls.get();
        });
        setEverythingButTheClientsAside(s);
        Dispatcher own = ownDispatcher(3, flaky);
        Instant now = Instant.now().plus(Duration.ofDays(2));
        clock.fixAt(now);
        own.dispatchBatch();
        Api.Response afterFirst =
                api.get("/api/v1/notifications/deliveries/" + id, s.owner().token());
        assertThat(afterFirst.field("status")).isEqualTo("queued");
        assertThat(afterFirst.field("attempts")).isEqualTo("1");
        assertThat(afterFirst.field("lastError")).contains("503");
        Instant next = OffsetDateTime.parse(afterFirst.field("nextAttemptAt")).toInstant();
        assertThat(next).isBetween(now.plusSeconds(15), now.plusSeconds(30));

        own.dispatchBatch(); // not due yet
        assertThat(calls.get()).isEqualTo(1);

        clock.fixAt(next.plusSeconds(1));
        own.dispatchBatch();
        clock.fixAt(next.plus(Duration.ofHours(2)));
        own.dispatchBatch();
        assertThat(calls.get()).isEqualTo(3);
        Api.Response failed = api.get(
                "/api/v1/notifications/deliveries?status=failed", s.owner().token());
        List<String> failedOfTheClient = new java.util.ArrayList<>();
        failed.json().path("data").forEach(d -> {
            if (d.path("clientId").asString().equals(s.client().toString())) {
                failedOfTheClient.add(d.path("id").asString());
            }
        });
        assertThat(failedOfTheClient).containsExactly(id.toString());

        down.set(false);
        Api.Response retried = api.post(
                "/api/v1/notifications/deliveries/" + id + "/retry",
                Map.of(),
                s.owner().token());
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.field("status")).isEqualTo("queued");
        assertThat(api.post(
                                "/api/v1/notifications/deliveries/" + id + "/retry",
                                Map.of(),
                                s.owner().token())
                        .status())
                .isEqualTo(409);
        clock.fixAt(next.plus(Duration.ofHours(2)).plusSeconds(5));
        own.dispatchBatch();
        own.dispatchBatch();
        assertThat(calls.get()).isEqualTo(4);
        Api.Response sent =
                api.get("/api/v1/notifications/deliveries/" + id, s.owner().token());
        assertThat(sent.field("status")).isEqualTo("sent");
        assertThat(sent.field("providerId")).isEqualTo("SM4");
        assertThat(api.get(
                                "/api/v1/notifications/deliveries?status=lost",
                                s.owner().token())
                        .status())
                .isEqualTo(400);
        assertThat(providersHealth.health().getDetails()).containsKeys("email", "sms", "push");
    }

    @Test
    void aProviderFailingAgainAndAgainIsNotHammeredTheBreakerHoldsTheRestBackWithoutCountingAttempts() {
        Studio s = studio("Notify I");
        int total = ProviderBreakers.FAILURES_TO_OPEN + 2;
        for (int day = 3; day < 3 + total; day++) {
            book(s, session(s, inDays(day)));
        }
        eventually(
                () -> rows("SELECT count(*) FROM notification_deliveries WHERE client_id = :id", s.client()),
                n -> n == total);
        jdbc.sql("UPDATE notification_deliveries SET channel = 'sms', status = 'queued', attempts = 0,"
                        + " next_attempt_at = now() + interval '1 day'"
                        + " WHERE client_id = :id")
                .param("id", s.client())
                .update();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        ChannelSender refusing = sender(Channel.SMS, message -> {
            calls.incrementAndGet();
            throw new IllegalStateException("500 from the provider");
        });
        setEverythingButTheClientsAside(s);
        Dispatcher own = ownDispatcher(8, refusing);
        clock.fixAt(Instant.now().plus(Duration.ofDays(2)));
        own.dispatchBatch();
        assertThat(calls.get()).isEqualTo(ProviderBreakers.FAILURES_TO_OPEN);
        assertThat(own.breakerStates()).containsEntry(Channel.SMS, ProviderBreakers.State.OPEN);
        assertThat(rows(
                        "SELECT count(*) FROM notification_deliveries WHERE client_id = :id AND attempts = 0",
                        s.client()))
                .as("held back, no attempt counted")
                .isEqualTo(2);
        assertThat(rows(
                        "SELECT count(*) FROM notification_deliveries WHERE client_id = :id AND status = 'queued'",
                        s.client()))
                .as("nothing lost")
                .isEqualTo(total);
    }

    @Test
    void aDispatcherKilledBetweenTheSmtpHandOverAndTheCommitSendsAgainUnderTheSameMessageIdAndEndsSentOnce()
            throws Exception {
        Studio s = studio("Notify H");
        UUID id = parkedBookingMail(s);
        int before = mailsTo(s.clientEmail(), "Booked").size();
        java.util.concurrent.atomic.AtomicInteger providerCalls = new java.util.concurrent.atomic.AtomicInteger();
        ChannelSender dying = sender(Channel.EMAIL, message -> {
            providerCalls.incrementAndGet();
            emailSender.send(message); // the SMTP server took it
            throw new NodeDied(); // the node dies before the commit
        });
        ChannelSender counting = sender(Channel.EMAIL, message -> {
            providerCalls.incrementAndGet();
            return emailSender.send(message);
        });
        setEverythingElseAside(id);
        clock.fixAt(Instant.now().plus(Duration.ofDays(2)));
        try {
            ownDispatcher(8, dying).dispatchBatch();
        } catch (NodeDied expected) {
            // the dispatcher's transaction died with it
        }
        assertThat(api.get("/api/v1/notifications/deliveries/" + id, s.owner().token())
                        .field("status"))
                .as("the row is still queued: the node died before it could say sent")
                .isEqualTo("queued");

        ownDispatcher(8, counting).dispatchBatch();
        ownDispatcher(8, counting).dispatchBatch();
        assertThat(providerCalls.get()).as("sent again once, then never more").isEqualTo(2);
        List<jakarta.mail.internet.MimeMessage> received = mailsTo(s.clientEmail(), "Booked");
        assertThat(received).hasSize(before + 2);
        // SMTP has no idempotency key: the second copy carries the first one's Message-ID, by which mail
        // providers and clients recognise it as the same message
        String first = io.wellbase.support.TestSmtp.header(received.get(before), "Message-ID");
        assertThat(first).startsWith("<" + id + "@");
        assertThat(io.wellbase.support.TestSmtp.header(received.get(before + 1), "Message-ID"))
                .isEqualTo(first);
        Api.Response delivery =
                api.get("/api/v1/notifications/deliveries/" + id, s.owner().token());
        assertThat(delivery.field("status")).isEqualTo("sent");
        assertThat(delivery.field("attempts")).isEqualTo("1");
    }

    @Test
    void withoutAProviderAMessageIsMarkedLoggedNotSent() {
        Studio s = studio("Notify Logged");
        UUID id = parkedBookingMail(s);
        ChannelSender logOnly = new ChannelSender() {
            @Override
            public Channel channel() {
                return Channel.EMAIL;
            }

            @Override
            public String send(Deliveries.Due message) {
                return null;
            }

            @Override
            public boolean delivers() {
                return false;
            }
        };
        setEverythingElseAside(id);
        clock.fixAt(Instant.now().plus(Duration.ofDays(2)));

        ownDispatcher(8, logOnly).dispatchBatch();

        Api.Response delivery =
                api.get("/api/v1/notifications/deliveries/" + id, s.owner().token());
        assertThat(delivery.field("status")).as("nobody received it").isEqualTo("logged");
        assertThat(api.get(
                                "/api/v1/notifications/deliveries?status=logged",
                                s.owner().token())
                        .text())
                .contains(id.toString());
    }

    @Test
    void aBroadcastReachesAListOrASegmentOfTheClientListOnceAndCountsWhatBecameOfIt() {
        Studio s = studio("Notify J");
        String t = s.owner().token();
        UUID vip1 = api.post(
                        "/api/v1/clients",
                        Map.of("firstName", "V", "lastName", "One", "email", uniqueEmail("v1"), "tags", List.of("vip")),
                        t)
                .id();
        api.post(
                "/api/v1/clients",
                Map.of("firstName", "V", "lastName", "Two", "email", uniqueEmail("v2"), "tags", List.of("vip")),
                t);
        api.post("/api/v1/clients", Map.of("firstName", "N", "lastName", "Other", "email", uniqueEmail("n")), t);
        assertThat(vip1).isNotNull();

        Api.Response segment = api.post(
                "/api/v1/notifications",
                Map.of(
                        "title",
                        "Studio closed Monday",
                        "body",
                        "We are closed on Monday.",
                        "segment",
                        Map.of("status", List.of("active"), "tag", List.of("vip"))),
                t);
        assertThat(segment.status()).as(segment.toString()).isEqualTo(202);
        String id = segment.field("id");
        Api.Response done = eventually(
                () -> api.get("/api/v1/notifications/broadcasts/" + id, t),
                r -> r.field("status").equals("completed"));
        assertThat(done.field("targeted")).isEqualTo("2");
        assertThat(rows("SELECT count(*) FROM notification_deliveries WHERE entity_id = :id", UUID.fromString(id)))
                .isEqualTo(2);

        // a list: the portal client sees it in the app and opens it
        Api.Response listed = api.post(
                "/api/v1/notifications",
                Map.of("title", "Hello Rosa", "body", "A personal note.", "clientIds", List.of(s.client(), s.client())),
                t);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(202);
        String listedId = listed.field("id");
        eventually(
                () -> api.get("/api/v1/notifications/broadcasts/" + listedId, t),
                r -> r.field("status").equals("completed"));
        JsonNode mine = eventually(() -> inbox(s, "?category=announcements"), d -> d.size() == 1);
        api.patch("/api/v1/notifications/" + mine.get(0).path("id").asString() + "/read", Map.of(), s.clientToken());
        Api.Response counted = api.get("/api/v1/notifications/broadcasts/" + listedId, t);
        assertThat(counted.field("targeted")).isEqualTo("1");
        assertThat(counted.field("inApp")).isEqualTo("1");
        assertThat(counted.field("opened")).isEqualTo("1");

        // bad input changes nothing
        long before = rows(
                "SELECT count(*) FROM notification_broadcasts WHERE org_id = :id",
                s.owner().orgId());
        Studio other = studio("Notify J other");
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("title", "x", "body", "y"),
                Map.of("title", "x", "body", "y", "clientIds", List.of(other.client())),
                Map.of(
                        "title",
                        "x",
                        "body",
                        "y",
                        "clientIds",
                        List.of(s.client()),
                        "segment",
                        Map.of("tag", List.of("vip"))),
                Map.of("title", "x", "body", "y", "segment", Map.of("status", List.of("bogus"))),
                Map.of("title", "", "body", "y", "clientIds", List.of(s.client())))) {
            Api.Response r = api.post("/api/v1/notifications", bad, t);
            assertThat(r.status()).as(bad + " → " + r).isEqualTo(400);
        }
        assertThat(rows(
                        "SELECT count(*) FROM notification_broadcasts WHERE org_id = :id",
                        s.owner().orgId()))
                .isEqualTo(before);
        assertThat(api.post(
                                "/api/v1/notifications",
                                Map.of("title", "x", "body", "y", "clientIds", List.of(s.client())),
                                s.clientToken())
                        .status())
                .isEqualTo(403);
        assertThat(api.get(
                                "/api/v1/notifications/broadcasts/" + id,
                                other.owner().token())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void messagesAreWrittenInTheOrganizationsLanguageAndInItsOwnWordsWithTheTypesPlaceholdersOnly() {
        Studio s = studio("Notify K");
        String t = s.owner().token();
        Api.Response list = api.get("/api/v1/notifications/templates", t);
        assertThat(list.status()).isEqualTo(200);
        JsonNode confirmedDe = null;
        for (JsonNode row : list.json().path("data")) {
            if (row.path("type").asString().equals("booking.confirmed")
                    && row.path("language").asString().equals("de")) {
                confirmedDe = row;
            }
        }
        assertThat(confirmedDe).isNotNull();
        assertThat(confirmedDe.path("title").asString()).isEqualTo("Gebucht: {class}");
        assertThat(confirmedDe.path("placeholders").toString()).isEqualTo("[\"class\",\"when\",\"place\"]");

        assertThat(api.put(
                                "/api/v1/notifications/settings",
                                Map.of(
                                        "reminderOffsetMinutes",
                                        List.of(1440, 120),
                                        "disabledCategories",
                                        List.of(),
                                        "language",
                                        "de"),
                                t)
                        .field("language"))
                .isEqualTo("de");
        OffsetDateTime start = inDays(3).withHour(9);
        book(s, session(s, start));
        JsonNode german = eventually(() -> inbox(s, ""), d -> d.size() == 1);
        assertThat(german.get(0).path("title").asString()).isEqualTo("Gebucht: Hatha");
        String weekday = start.atZoneSameInstant(java.time.ZoneId.of("Europe/Berlin"))
                .getDayOfWeek()
                .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.GERMAN);
        assertThat(german.get(0).path("body").asString())
                .startsWith("Dein Platz in Hatha am " + weekday)
                .contains("in Main");

        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("title", "Platz sicher: {klasse}", "body", "Am {when}."),
                Map.of("title", "ok", "body", "{price}"))) {
            Api.Response r = api.put("/api/v1/notifications/templates/booking.confirmed/de", bad, t);
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
        }
        assertThat(api.put("/api/v1/notifications/templates/booking.exploded/de", Map.of("title", "a", "body", "b"), t)
                        .status())
                .isEqualTo(404);
        assertThat(api.put("/api/v1/notifications/templates/booking.confirmed/it", Map.of("title", "a", "body", "b"), t)
                        .status())
                .isEqualTo(400);
        assertThat(rows(
                        "SELECT count(*) FROM notification_templates WHERE org_id = :id",
                        s.owner().orgId()))
                .isZero();

        Api.Response own = api.put(
                "/api/v1/notifications/templates/booking.confirmed/de",
                Map.of("title", "Platz sicher: {class}", "body", "Wir sehen uns am {when}."),
                t);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        book(s, session(s, start.plusDays(1)));
        JsonNode mine = eventually(() -> inbox(s, ""), d -> d.size() == 2);
        assertThat(mine.get(0).path("title").asString()).isEqualTo("Platz sicher: Hatha");
        assertThat(api.delete("/api/v1/notifications/templates/booking.confirmed/de", t)
                        .status())
                .isEqualTo(204);
        assertThat(api.delete("/api/v1/notifications/templates/booking.confirmed/de", t)
                        .status())
                .isEqualTo(404);

        // a person who chose French for their account reads French, whatever the studio's language
        Api.Response french = api.patch("/api/v1/users/me/profile", Map.of("language", "fr-CH"), s.clientToken());
        assertThat(french.status()).as(french.toString()).isEqualTo(200);
        book(s, session(s, start.plusDays(2)));
        JsonNode inFrench = eventually(() -> inbox(s, ""), d -> d.size() == 3);
        assertThat(inFrench.get(0).path("title").asString()).isEqualTo("Réservé : Hatha");
    }

    @Test
    void aClientWithAPushSubscriptionGetsPushDeliveriesForTypesThatPush() {
        Studio s = studio("Notify L");
        UUID session = session(s, inDays(3));
        UUID booking = book(s, session);
        java.security.KeyPair browser = WebPushCrypto.newKeyPair();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        Api.Response subscribed = api.post(
                "/api/v1/notifications/push-subscriptions",
                Map.of(
                        "endpoint",
                        "http://127.0.0.1:9/push/phone",
                        "keys",
                        Map.of(
                                "p256dh",
                                        b64.encodeToString(WebPushCrypto.uncompressed(
                                                (java.security.interfaces.ECPublicKey) browser.getPublic())),
                                "auth", b64.encodeToString(new byte[16]))),
                s.clientToken());
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
        var promoted = SchedulingNotifications.message(
                s.owner().orgId(),
                NotificationType.WAITLIST_PROMOTED,
                new io.wellbase.scheduling.BookedClasses.BookedClass(
                        booking, s.client(), session, "Hatha", inDays(3), "Europe/Berlin", "Main", true, false),
                "promoted");
        assertThat(notifier.tell(promoted).queued()).as("email and push").isEqualTo(2);
        assertThat(rows(
                        "SELECT count(*) FROM notification_deliveries WHERE client_id = :id AND channel = 'push'",
                        s.client()))
                .isEqualTo(1);
    }

    @Test
    void weMissYouGoesOnceToClientsWhoseLastVisitWasThatLongAgoAndWhoHaveNothingBooked() {
        Studio s = studio("Notify M");
        String t = s.owner().token();
        Api.Response on = api.put(
                "/api/v1/notifications/settings",
                Map.of(
                        "reminderOffsetMinutes",
                        List.of(1440, 120),
                        "disabledCategories",
                        List.of(),
                        "missYouAfterDays",
                        14),
                t);
        assertThat(on.field("missYouAfterDays")).isEqualTo("14");
        assertThat(api.put(
                                "/api/v1/notifications/settings",
                                Map.of(
                                        "reminderOffsetMinutes",
                                        List.of(120),
                                        "disabledCategories",
                                        List.of(),
                                        "missYouAfterDays",
                                        3),
                                t)
                        .status())
                .isEqualTo(400);

        java.time.ZoneId zone = java.time.ZoneId.of(jdbc.sql("SELECT timezone FROM organizations WHERE id = :id")
                .param("id", s.owner().orgId())
                .query(String.class)
                .single());
        java.time.LocalDate today = java.time.LocalDate.now(zone);
        UUID comesBack = api.post(
                        "/api/v1/clients",
                        Map.of("firstName", "B", "lastName", "Back", "email", uniqueEmail("back")),
                        t)
                .id();
        UUID recent = api.post(
                        "/api/v1/clients",
                        Map.of("firstName", "R", "lastName", "Recent", "email", uniqueEmail("recent")),
                        t)
                .id();
        attendedOn(s, s.client(), today.minusDays(14));
        attendedOn(s, s.client(), today.minusDays(20));
        attendedOn(s, comesBack, today.minusDays(14));
        attendedOn(s, recent, today.minusDays(13));
        api.post(
                "/api/v1/sessions/" + session(s, inDays(5)) + "/bookings",
                Map.of("clientId", comesBack, "override", true),
                t);

        assertThat(missYou.runFor(s.owner().orgId(), 14))
                .as("in the app and by email, one client")
                .isEqualTo(2);
        assertThat(missYou.runFor(s.owner().orgId(), 14)).as("told once").isZero();
        assertThat(rows(
                        "SELECT count(*) FROM notifications WHERE org_id = :id AND type = 'client.miss_you'",
                        s.owner().orgId()))
                .isEqualTo(1);
        JsonNode mine = eventually(() -> inbox(s, "?category=announcements"), d -> d.size() == 1);
        assertThat(mine.get(0).path("title").asString()).isEqualTo("We miss you at Notify M");
    }

    /** An attended class of the client on that day (history, written as an import would). */
    private void attendedOn(Studio s, UUID client, java.time.LocalDate day) {
        UUID session = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO class_sessions (id, org_id, class_type_id, location_id, starts_at, ends_at, local_date, capacity)
                VALUES (:id, :org, :type, :location, CAST(:day AS date) + time '10:00', CAST(:day AS date) + time '11:00', :day, 10)
                """)
                .param("id", session)
                .param("org", s.owner().orgId())
                .param("type", s.classType())
                .param("location", s.location())
                .param("day", day)
                .update();
        jdbc.sql(
                        "INSERT INTO bookings (id, org_id, session_id, client_id, status) VALUES (:id, :org, :session, :client, 'attended')")
                .param("id", UUID.randomUUID())
                .param("org", s.owner().orgId())
                .param("session", session)
                .param("client", client)
                .update();
    }

    @Autowired
    MissYou missYou;

    /** What a provider stand-in does with a message (answers the provider's id, or throws). */
    @FunctionalInterface
    interface Send {
        String apply(Deliveries.Due message) throws Exception;
    }

    private static ChannelSender sender(Channel channel, Send send) {
        return new ChannelSender() {
            @Override
            public Channel channel() {
                return channel;
            }

            @Override
            public String send(Deliveries.Due message) throws Exception {
                return send.apply(message);
            }
        };
    }

    /** A dispatcher of the test's own, with its provider stand-in, on the application's outbox and clock. */
    private Dispatcher ownDispatcher(int maxAttempts, ChannelSender sender) {
        return new Dispatcher(
                applicationDeliveries,
                List.of(sender),
                transactions,
                dispatcherProperties(maxAttempts),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                clock);
    }

    /** A test dispatcher's settings: first retry after 30 s, at most an hour apart, {@code maxAttempts} tries. */
    private static io.wellbase.notifications.NotificationsProperties dispatcherProperties(int maxAttempts) {
        return new io.wellbase.notifications.NotificationsProperties(
                Duration.ofSeconds(2),
                200,
                maxAttempts,
                Duration.ofSeconds(30),
                Duration.ofHours(1),
                new io.wellbase.notifications.NotificationsProperties.Webhooks(true, List.of(), Duration.ofSeconds(15)),
                new io.wellbase.notifications.NotificationsProperties.Twilio("", "", "", "https://api.twilio.com"),
                new io.wellbase.notifications.NotificationsProperties.Push(""),
                Duration.ofDays(8),
                Duration.ofDays(90));
    }

    /** Not an exception the dispatcher handles: the process is gone. */
    static final class NodeDied extends Error {}

    @Autowired
    EmailSender emailSender;

    @Autowired
    NotificationProvidersHealth providersHealth;

    @Autowired
    Deliveries applicationDeliveries;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;
}
