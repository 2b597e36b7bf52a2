package io.wellbase.insights;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A generated studio with known leavers: each client visits every few days (their own gap, with jitter) on
 * rolling monthly memberships bought a few days ahead; a leaver slows down and late-cancels more in the weeks
 * before the day they stop, and lets the membership run out; some stayers take a three-week break. Written
 * straight into the tables (the test is the owner of nothing, so it may), in bulk.
 */
public final class ChurnStudio {

    public record Client(UUID id, int gap, LocalDate start, LocalDate leaves) {}

    private final JdbcClient jdbc;
    private final UUID org;
    private final LocalDate today;
    private final Random random;

    public ChurnStudio(JdbcClient jdbc, UUID org, LocalDate today, long seed) {
        this.jdbc = jdbc;
        this.org = org;
        this.today = today;
        this.random = new Random(seed);
    }

    public List<Client> generate(int clients) {
        UUID location = UUID.randomUUID();
        jdbc.sql("INSERT INTO locations (id, org_id, name, timezone) VALUES (:id, :org, 'Generated', 'UTC')")
                .param("id", location)
                .param("org", org)
                .update();
        UUID type = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO class_types (id, org_id, name, duration_minutes, default_capacity)
                VALUES (:id, :org, 'Generated Flow', 60, 5000)""").param("id", type).param("org", org).update();
        UUID plan = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO membership_plans (id, org_id, name, kind, price_amount, currency, period_unit, period_count)
                VALUES (:id, :org, 'Monthly', 'unlimited', 9900, 'EUR', 'month', 1)""").param("id", plan).param("org", org).update();
        LocalDate first = today.minusDays(430);
        jdbc.sql("""
                INSERT INTO class_sessions (id, org_id, class_type_id, location_id, starts_at, ends_at, local_date, capacity)
                SELECT gen_random_uuid(), :org, :type, :location, d + time '18:00', d + time '19:00', d::date, 5000
                FROM generate_series(CAST(:first AS date), CAST(:last AS date), interval '1 day') AS g(d)
                """)
                .param("org", org)
                .param("type", type)
                .param("location", location)
                .param("first", first)
                .param("last", today.plusDays(60))
                .update();
        List<Client> made = new ArrayList<>();
        List<UUID> bookingClient = new ArrayList<>();
        List<LocalDate> bookingDay = new ArrayList<>();
        List<String> bookingStatus = new ArrayList<>();
        List<UUID> msClient = new ArrayList<>();
        List<LocalDate> msStart = new ArrayList<>();
        List<LocalDate> msEnd = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int gap = 2 + random.nextInt(9);
            LocalDate start = first.plusDays(random.nextInt(200));
            boolean leaver = random.nextDouble() < 0.4;
            LocalDate leaves = leaver
                    ? start.plusDays(60
                            + random.nextInt(
                                    Math.max(1, (int) (today.plusDays(60).toEpochDay() - start.toEpochDay() - 60))))
                    : null;
            LocalDate breakStart =
                    !leaver && random.nextDouble() < 0.15 ? start.plusDays(30 + random.nextInt(300)) : null;
            Client c = new Client(UUID.randomUUID(), gap, start, leaves);
            made.add(c);
            LocalDate last = leaves == null ? today : (leaves.isBefore(today) ? leaves : today);
            LocalDate d = start;
            while (!d.isAfter(last)) {
                boolean slowing = leaves != null && d.isAfter(leaves.minusDays(35));
                boolean onBreak = breakStart != null && !d.isBefore(breakStart) && d.isBefore(breakStart.plusDays(21));
                if (!onBreak) {
                    double lateChance = slowing ? 0.3 : 0.04;
                    double r = random.nextDouble();
                    bookingClient.add(c.id());
                    bookingDay.add(d);
                    bookingStatus.add(
                            r < lateChance ? "late_cancelled" : r < lateChance + 0.03 ? "no_show" : "attended");
                }
                double step = gap * (0.6 + 0.8 * random.nextDouble()) * (slowing ? 1.9 : 1.0);
                d = d.plusDays(Math.max(1, Math.round(step)));
            }
            LocalDate ms = start;
            LocalDate until = leaves == null ? today.plusDays(30) : leaves.plusDays(random.nextInt(10));
            while (!ms.isAfter(until)) {
                msClient.add(c.id());
                msStart.add(ms);
                msEnd.add(ms.plusDays(29));
                ms = ms.plusDays(30);
            }
        }
        jdbc.sql("""
                INSERT INTO clients (id, org_id, first_name, last_name, created_at)
                SELECT c, :org, 'Generated', 'Client ' || n, :created
                FROM unnest(CAST(:ids AS uuid[])) WITH ORDINALITY AS x(c, n)
                """)
                .param("org", org)
                .param("created", first.atStartOfDay().atOffset(ZoneOffset.UTC))
                .param("ids", made.stream().map(Client::id).toArray(UUID[]::new))
                .update();
        jdbc.sql("""
                INSERT INTO client_memberships (id, org_id, client_id, plan_id, status, starts_on, ends_on, created_at)
                SELECT gen_random_uuid(), :org, c, :plan,
                       CASE WHEN e < :today THEN 'expired' WHEN s > :today THEN 'pending' ELSE 'active' END,
                       s, e, (s - 3)::timestamp AT TIME ZONE 'UTC'
                FROM unnest(CAST(:clients AS uuid[]), CAST(:starts AS date[]), CAST(:ends AS date[])) AS x(c, s, e)
                """)
                .param("org", org)
                .param("plan", plan)
                .param("today", today)
                .param("clients", msClient.toArray(UUID[]::new))
                .param("starts", msStart.stream().map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new))
                .param("ends", msEnd.stream().map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new))
                .update();
        jdbc.sql("""
                INSERT INTO bookings (id, org_id, session_id, client_id, status, confirmed_at, created_at, checked_in_at)
                SELECT gen_random_uuid(), :org, cs.id, x.c, x.st, cs.starts_at - interval '2 days', cs.starts_at - interval '2 days',
                       CASE WHEN x.st = 'attended' THEN cs.starts_at END
                FROM unnest(CAST(:clients AS uuid[]), CAST(:days AS date[]), CAST(:statuses AS text[])) AS x(c, d, st)
                JOIN class_sessions cs ON cs.org_id = :org AND cs.local_date = x.d
                """)
                .param("org", org)
                .param("clients", bookingClient.toArray(UUID[]::new))
                .param("days", bookingDay.stream().map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new))
                .param("statuses", bookingStatus.toArray(String[]::new))
                .update();
        jdbc.sql("ANALYZE bookings").update();
        jdbc.sql("ANALYZE class_sessions").update();
        return made;
    }
}
