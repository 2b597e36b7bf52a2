package io.wellbase.memberships.internal;

import io.wellbase.clients.ClientDirectory;
import io.wellbase.memberships.internal.DemoMembershipHistory.DemoClient;
import io.wellbase.memberships.internal.DemoMembershipHistory.DemoPlan;
import io.wellbase.organizations.Locations;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.demo.DemoDataContributor;
import io.wellbase.platform.demo.DemoStudio;
import io.wellbase.platform.security.Role;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo studio's plans and a year of its clients' memberships, sales, refunds and credits. Runs
 * after the demo clients; does nothing when the studio has plans already.
 */
@Component
class DemoMemberships implements DemoDataContributor {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Logger log = LoggerFactory.getLogger(DemoMemberships.class);

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final Locations locations;
    private final ClientDirectory clientDirectory;
    private final DemoStudio studio;

    DemoMemberships(
            JdbcClient jdbc,
            NamedParameterJdbcTemplate batch,
            Locations locations,
            ClientDirectory clientDirectory,
            DemoStudio studio) {
        this.studio = studio;
        this.locations = locations;
        this.clientDirectory = clientDirectory;
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    @Transactional
    public void contribute() {
        Optional<UUID> found = studio.withoutRowsIn(jdbc, "membership_plans").map(DemoStudio.Studio::id);
        if (found.isEmpty()) {
            return;
        }
        UUID orgId = found.get();
        OffsetDateTime now = OffsetDateTime.now(BERLIN);
        Map<String, DemoPlan> plans = plans(orgId, now);
        // owners, then managers, then the front desk (the order the demo always used), each by joining date
        List<UUID> staff = locations.staff(orgId).stream()
                .filter(m -> m.role() == Role.OWNER || m.role() == Role.MANAGER || m.role() == Role.FRONT_DESK)
                .sorted(java.util.Comparator.comparing(
                                (Locations.StaffMember m) -> m.role().value())
                        .reversed()
                        .thenComparing(Locations.StaffMember::joinedAt))
                .map(Locations.StaffMember::userId)
                .toList();
        List<DemoClient> clients = clientDirectory.listing(orgId).stream()
                .map(c -> new DemoClient(
                        c.id(),
                        c.status(),
                        c.createdAt().atZoneSameInstant(BERLIN).toLocalDate()))
                .toList();
        DemoMembershipHistory history = new DemoMembershipHistory(orgId, staff, plans, new Random(20_260_302L), now);
        clients.forEach(history::play);
        write(history);
        log.info(
                "Demo data: {} membership plans, {} memberships, {} sales, {} refunds, {} ledger rows",
                plans.size(),
                history.memberships.size(),
                history.sales.size(),
                history.refunds.size(),
                history.ledger.size());
    }

    private Map<String, DemoPlan> plans(UUID orgId, OffsetDateTime now) {
        Map<String, DemoPlan> plans = new LinkedHashMap<>();
        plans.put(
                "monthly",
                new DemoPlan(Ids.newId(), "Unlimited monthly", "subscription", 12_900, null, "month", 1, true));
        plans.put("pack10", new DemoPlan(Ids.newId(), "10-class pack", "class_pack", 18_000, 10, "month", 3, false));
        plans.put("pack5", new DemoPlan(Ids.newId(), "5-class pack", "class_pack", 10_000, 5, "month", 2, false));
        plans.put("dropin", new DemoPlan(Ids.newId(), "Drop-in", "drop_in", 2_200, 1, "day", 1, false));
        plans.put(
                "intro",
                new DemoPlan(
                        Ids.newId(), "Intro offer: 2 weeks unlimited", "intro_offer", 3_900, null, "week", 2, false));
        plans.put(
                "annual", new DemoPlan(Ids.newId(), "Annual unlimited", "unlimited", 129_000, null, "year", 1, false));
        Map<String, String> descriptions = Map.of(
                "monthly", "Every class at both locations; renews monthly, cancel any time before the next period.",
                "pack10", "Ten classes within three months.",
                "pack5", "Five classes within two months.",
                "dropin", "One class, today.",
                "intro", "Two weeks of unlimited classes for new students; once per person.",
                "annual", "A year of unlimited classes at both locations, paid up front.");
        OffsetDateTime created = now.minusMonths(13);
        batch.batchUpdate(
                """
                INSERT INTO membership_plans (id, org_id, name, description, kind, price_amount, currency, credits,
                    period_unit, period_count, auto_renew, created_at, updated_at)
                VALUES (:id, :org, :name, :description, :kind, :price, 'EUR', :credits, :unit, :count, :autoRenew, :at, :at)
                """,
                plans.entrySet().stream()
                        .map(e -> new MapSqlParameterSource("id", e.getValue().id())
                                .addValue("org", orgId)
                                .addValue("name", e.getValue().name())
                                .addValue("description", descriptions.get(e.getKey()))
                                .addValue("kind", e.getValue().kind())
                                .addValue("price", e.getValue().price())
                                .addValue("credits", e.getValue().credits())
                                .addValue("unit", e.getValue().unit())
                                .addValue("count", e.getValue().count())
                                .addValue("autoRenew", e.getValue().autoRenew())
                                .addValue("at", created))
                        .toArray(MapSqlParameterSource[]::new));
        return plans;
    }

    private void write(DemoMembershipHistory h) {
        insert("""
                INSERT INTO client_memberships (id, org_id, client_id, plan_id, status, starts_on, ends_on, auto_renew,
                    cancel_at_period_end, cancelled_at, cancel_reason, created_at, updated_at)
                VALUES (:id, :org, :client, :plan, :status, :start, :end, :autoRenew, :cancelAtEnd, :cancelledAt, :reason,
                    :at, :updatedAt)
                """, h.memberships);
        insert("""
                INSERT INTO membership_freezes (id, org_id, membership_id, starts_on, ends_on, created_by, created_at)
                VALUES (:id, :org, :membership, :start, :end, :by, :at)
                """, h.freezes);
        insert("""
                INSERT INTO membership_charges (id, org_id, membership_id, amount, currency, period_start, period_end,
                    status, created_at)
                VALUES (:id, :org, :membership, :amount, 'EUR', :start, :end, 'collected', :at)
                """, h.charges);
        insert("""
                INSERT INTO credit_ledger (id, org_id, client_id, membership_id, delta, reason, used_for, note, created_at)
                VALUES (:id, :org, :client, :membership, :delta, :reason, :usedFor, :note, :at)
                """, h.ledger);
        insert("""
                INSERT INTO sales (id, org_id, client_id, sold_at, currency, subtotal, discount, tax, total, refunded,
                    payment_method, note, created_by)
                VALUES (:id, :org, :client, :at, 'EUR', :subtotal, :discount, 0, :total, :refunded, :method, :note, :by)
                """, h.sales);
        insert("""
                INSERT INTO sale_items (id, org_id, sale_id, description, plan_id, membership_id, quantity, unit_amount, total)
                VALUES (:id, :org, :sale, :description, :plan, :membership, 1, :unit, :total)
                """, h.items);
        insert("""
                INSERT INTO sale_refunds (id, org_id, sale_id, amount, reason, created_by, created_at)
                VALUES (:id, :org, :sale, :amount, :reason, :by, :at)
                """, h.refunds);
    }

    private void insert(String sql, List<MapSqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            batch.batchUpdate(sql, rows.toArray(MapSqlParameterSource[]::new));
        }
    }
}
