package io.wellbase.memberships.internal;

import io.wellbase.platform.data.Ids;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Plays a year of the demo studio's sales forward, client by client: an intro offer first for
 * many, then class packs, drop-ins, a monthly subscription or an annual membership, with freezes,
 * renewals and cancellations. Every row's status follows from its dates and today, as the
 * lifecycle job would have left it. Collects rows; {@link DemoMemberships} writes them.
 */
final class DemoMembershipHistory {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** A plan as the simulation needs it. */
    record DemoPlan(
            UUID id, String name, String kind, long price, Integer credits, String unit, int count, boolean autoRenew) {

        LocalDate end(LocalDate start) {
            return Periods.end(start, unit, count);
        }
    }

    /** A demo client: status and the day they joined. */
    record DemoClient(UUID id, String status, LocalDate joined) {}

    final List<MapSqlParameterSource> memberships = new ArrayList<>();
    final List<MapSqlParameterSource> freezes = new ArrayList<>();
    final List<MapSqlParameterSource> ledger = new ArrayList<>();
    final List<MapSqlParameterSource> sales = new ArrayList<>();
    final List<MapSqlParameterSource> items = new ArrayList<>();
    final List<MapSqlParameterSource> refunds = new ArrayList<>();
    final List<MapSqlParameterSource> charges = new ArrayList<>();

    private final UUID orgId;
    private final List<UUID> staff;
    private final Map<String, DemoPlan> plans;
    private final Random random;
    private final LocalDate today;
    private final OffsetDateTime now;

    DemoMembershipHistory(
            UUID orgId, List<UUID> staff, Map<String, DemoPlan> plans, Random random, OffsetDateTime now) {
        this.orgId = orgId;
        this.staff = staff;
        this.plans = plans;
        this.random = random;
        this.now = now;
        this.today = LocalDate.now(); // the day the lifecycle job goes by
    }

    void play(DemoClient c) {
        boolean current = c.status().equals("active");
        if (c.status().equals("lead")) {
            return;
        }
        LocalDate from = c.joined().isAfter(today.minusMonths(12))
                ? c.joined()
                : today.minusMonths(12).plusDays(1);
        LocalDate stop = current
                ? today
                : today.minusDays(c.status().equals("inactive") ? 30 + random.nextInt(75) : 75 + random.nextInt(200));
        if (stop.isBefore(from.plusDays(14))) {
            dropIn(c, current ? from : from.isBefore(today) ? from : today);
            return;
        }
        LocalDate t = from.plusDays(random.nextInt(5));
        if (random.nextInt(100) < 65) {
            t = membership(c, plans.get("intro"), t, null).end().plusDays(1 + random.nextInt(6));
        }
        int persona = random.nextInt(100);
        while (!t.isAfter(stop)) {
            if (persona < 30) {
                subscription(c, t, stop, current);
                return;
            } else if (persona < 38 && current) {
                annual(c, t);
                return;
            } else if (persona < 82) {
                DemoPlan pack = plans.get(persona < 65 ? "pack10" : "pack5");
                t = current || pack.end(t).isBefore(today) ? pack(c, pack, t, stop) : dropIn(c, t);
                if (current && random.nextInt(100) < 8) {
                    persona = 0; // liked it enough to subscribe
                }
            } else {
                t = dropIn(c, t);
            }
        }
    }

    /** A membership row with its sale and credit grant; the status follows from the dates. */
    private Membership membership(DemoClient c, DemoPlan plan, LocalDate start, LocalDate end) {
        LocalDate ends = end == null ? plan.end(start) : end;
        OffsetDateTime soldAt = at(start, 8 + random.nextInt(12));
        UUID id = Ids.newId();
        MapSqlParameterSource row = new MapSqlParameterSource("id", id)
                .addValue("org", orgId)
                .addValue("client", c.id())
                .addValue("plan", plan.id())
                .addValue("status", status(start, ends))
                .addValue("start", start)
                .addValue("end", ends)
                .addValue("autoRenew", plan.autoRenew())
                .addValue("cancelAtEnd", false)
                .addValue("cancelledAt", null)
                .addValue("reason", null)
                .addValue("at", soldAt)
                .addValue("updatedAt", soldAt);
        memberships.add(row);
        sale(c, plan, id, soldAt);
        if (plan.credits() != null) {
            ledger(c, id, plan.credits(), "grant", null, "Sold: " + plan.name(), soldAt);
        }
        return new Membership(id, row, plan, start, ends);
    }

    private record Membership(UUID id, MapSqlParameterSource row, DemoPlan plan, LocalDate start, LocalDate end) {}

    private String status(LocalDate start, LocalDate end) {
        return end.isBefore(today) ? "expired" : start.isAfter(today) ? "pending" : "active";
    }

    /** Uses credits a few times a week until they run out, the pack ends or the client stops coming; returns the next purchase day. */
    private LocalDate pack(DemoClient c, DemoPlan plan, LocalDate start, LocalDate stop) {
        Membership m = membership(c, plan, start, null);
        double every = 7.0 / (1 + random.nextInt(3));
        LocalDate day = start.plusDays(1 + random.nextInt(3));
        int used = 0;
        LocalDate last = start;
        while (used < plan.credits() && !day.isAfter(m.end()) && day.isBefore(today) && !day.isAfter(stop)) {
            OffsetDateTime classAt = at(day, 7 + random.nextInt(13));
            ledger(c, m.id(), -1, "use", classAt, "Class attended", classAt);
            used++;
            last = day;
            day = day.plusDays(Math.max(1, Math.round(every + random.nextGaussian())));
        }
        int left = plan.credits() - used;
        if (m.end().isBefore(today) && left > 0) {
            ledger(
                    c,
                    m.id(),
                    -left,
                    "expiry",
                    null,
                    "Expired with the membership",
                    at(m.end().plusDays(1), 0));
        }
        return used == plan.credits()
                ? last.plusDays(1 + random.nextInt(7))
                : m.end().plusDays(1 + random.nextInt(21));
    }

    private LocalDate dropIn(DemoClient c, LocalDate day) {
        Membership m = membership(c, plans.get("dropin"), day, null);
        if (day.isBefore(today)) {
            OffsetDateTime classAt = ((OffsetDateTime) m.row().getValue("at")).plusMinutes(30);
            ledger(c, m.id(), -1, "use", classAt, "Class attended", classAt);
        }
        return day.plusDays(5 + random.nextInt(20));
    }

    /** A monthly subscription renewed by the lifecycle job (one collected charge per period) until today or the client stops. */
    private void subscription(DemoClient c, LocalDate start, LocalDate stop, boolean current) {
        DemoPlan plan = plans.get("monthly");
        Membership m = membership(c, plan, start, null);
        LocalDate end = m.end();
        boolean frozeOnce = false;
        while (end.isBefore(current ? today : stop)) {
            if (!frozeOnce && random.nextInt(100) < 4 && end.isBefore(today.minusDays(40))) {
                frozeOnce = true;
                end = end.plusDays(freeze(m, end.minusDays(20 + random.nextInt(5)), 7 + random.nextInt(21)));
                continue;
            }
            LocalDate next = end.plusDays(1);
            end = Periods.end(next, plan.unit(), plan.count());
            charges.add(new MapSqlParameterSource("id", Ids.newId())
                    .addValue("org", orgId)
                    .addValue("membership", m.id())
                    .addValue("amount", plan.price())
                    .addValue("start", next)
                    .addValue("end", end)
                    .addValue("at", at(next, 3)));
        }
        if (current && !frozeOnce && random.nextInt(100) < 8) {
            LocalDate from = today.minusDays(random.nextInt(6));
            if (!from.isBefore(m.start())) {
                end = end.plusDays(freeze(m, from, 10 + random.nextInt(15)));
                m.row().addValue("status", "frozen");
            }
        }
        m.row().addValue("end", end);
        if (!"frozen".equals(m.row().getValue("status"))) {
            m.row().addValue("status", status(m.start(), end));
        }
        if (current && random.nextInt(100) < 10) {
            cancel(m, false, today.minusDays(random.nextInt(10)), "Moving to Hamburg");
        } else if (!current) {
            cancel(
                    m,
                    random.nextBoolean(),
                    stop.minusDays(random.nextInt(5)),
                    pick(List.of(
                            "Too expensive", "Moved away", "Injury", "Schedule does not fit", "Switched studios")));
            m.row().addValue("status", m.row().getValue("cancelledAt") != null ? "cancelled" : status(m.start(), end));
        }
    }

    private void cancel(Membership m, boolean now, LocalDate on, String reason) {
        LocalDate day = on.isBefore(m.start()) ? m.start() : on;
        m.row()
                .addValue("autoRenew", false)
                .addValue("cancelAtEnd", !now)
                .addValue("reason", reason)
                .addValue("cancelledAt", now ? at(day, 10 + random.nextInt(8)) : null)
                .addValue("updatedAt", at(day, 18));
    }

    private void annual(DemoClient c, LocalDate start) {
        Membership m = membership(c, plans.get("annual"), start, null);
        if (random.nextInt(100) < 25 && start.isBefore(today.minusDays(90))) {
            int days = 14 + random.nextInt(21);
            m.row().addValue("end", m.end().plusDays(freeze(m, start.plusDays(30 + random.nextInt(30)), days)));
        }
        m.row().addValue("status", status(m.start(), (LocalDate) m.row().getValue("end")));
    }

    /** Records a freeze of {@code days} days from {@code from}; returns the days the end moves out by. */
    private int freeze(Membership m, LocalDate from, int days) {
        LocalDate to = from.plusDays(days - 1);
        freezes.add(new MapSqlParameterSource("id", Ids.newId())
                .addValue("org", orgId)
                .addValue("membership", m.id())
                .addValue("start", from)
                .addValue("end", to)
                .addValue("by", pick(staff))
                .addValue("at", at(from.minusDays(2), 12)));
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    private void sale(DemoClient c, DemoPlan plan, UUID membershipId, OffsetDateTime soldAt) {
        UUID id = Ids.newId();
        String method = plan.kind().equals("unlimited")
                ? "bank_transfer"
                : pick(List.of(
                        "card_terminal",
                        "card_terminal",
                        "card_terminal",
                        "card_terminal",
                        "cash",
                        "cash",
                        "bank_transfer"));
        long discount = random.nextInt(100) < 8 ? plan.price() / 10 : 0;
        String note = discount > 0 ? "Student discount" : null;
        if (plan.kind().equals("intro_offer") && random.nextInt(100) < 4) {
            method = "complimentary";
            discount = plan.price();
            note = "Gift card from a friend";
        }
        long total = plan.price() - discount;
        long refunded = 0;
        if (total > 0 && random.nextInt(100) < 3 && soldAt.isBefore(now.minusDays(3))) {
            refunded = plan.credits() != null && plan.credits() > 1 ? total / 2 : total;
            refunds.add(new MapSqlParameterSource("id", Ids.newId())
                    .addValue("org", orgId)
                    .addValue("sale", id)
                    .addValue("amount", refunded)
                    .addValue("by", pick(staff))
                    .addValue("at", soldAt.plusDays(1 + random.nextInt(2)))
                    .addValue("reason", refunded == total ? "Class cancelled by the studio" : "Goodwill: injury"));
        }
        UUID by = pick(staff);
        sales.add(new MapSqlParameterSource("id", id)
                .addValue("org", orgId)
                .addValue("client", c.id())
                .addValue("at", soldAt)
                .addValue("subtotal", plan.price())
                .addValue("discount", discount)
                .addValue("total", total)
                .addValue("refunded", refunded)
                .addValue("method", method)
                .addValue("note", note)
                .addValue("by", by));
        items.add(new MapSqlParameterSource("id", Ids.newId())
                .addValue("org", orgId)
                .addValue("sale", id)
                .addValue("description", plan.name())
                .addValue("plan", plan.id())
                .addValue("membership", membershipId)
                .addValue("unit", plan.price())
                .addValue("total", total));
    }

    private void ledger(
            DemoClient c,
            UUID membershipId,
            int delta,
            String reason,
            OffsetDateTime usedFor,
            String note,
            OffsetDateTime at) {
        ledger.add(new MapSqlParameterSource("id", Ids.newId())
                .addValue("org", orgId)
                .addValue("client", c.id())
                .addValue("membership", membershipId)
                .addValue("delta", delta)
                .addValue("reason", reason)
                .addValue("usedFor", usedFor)
                .addValue("note", note)
                .addValue("at", at));
    }

    /** A time on a day in Berlin, never later than now. */
    private OffsetDateTime at(LocalDate day, int hour) {
        OffsetDateTime at = day.atTime(LocalTime.of(hour, random.nextInt(4) * 15))
                .atZone(BERLIN)
                .toOffsetDateTime();
        return at.isAfter(now) ? now.minusMinutes(1) : at;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
