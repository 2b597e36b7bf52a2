package io.wellbase.memberships.internal;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.clients.ClientDirectory;
import io.wellbase.clients.ClientListChanges;
import io.wellbase.memberships.MembershipSold;
import io.wellbase.organizations.OrganizationProfiles;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.web.ApiException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Selling or assigning a plan to a client, and the life of the membership after: freezes (the end
 * moves out by the frozen days), cancellation now or at the period's end, renewal.
 */
@Service
class MembershipService {

    private final JdbcClient jdbc;
    private final PlanService plans;
    private final CreditLedger ledger;
    private final SalesService sales;
    private final ClientDirectory clients;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    private final ClientListChanges clientList;
    private final OrganizationProfiles organizations;
    private final Clock clock;

    /** Today where the organization is: a plan sold at 00:30 in Berlin starts that day, whatever the server's zone. */
    private LocalDate today(UUID orgId) {
        ZoneId zone = organizations
                .find(orgId)
                .map(OrganizationProfiles.Profile::zone)
                .orElse(ZoneOffset.UTC);
        return LocalDate.now(clock.withZone(zone));
    }

    MembershipService(
            JdbcClient jdbc,
            PlanService plans,
            CreditLedger ledger,
            SalesService sales,
            ClientDirectory clients,
            AuditTrail audit,
            ApplicationEventPublisher events,
            ClientListChanges clientList,
            OrganizationProfiles organizations,
            Clock clock) {
        this.clientList = clientList;
        this.organizations = organizations;
        this.clock = clock;
        this.jdbc = jdbc;
        this.plans = plans;
        this.ledger = ledger;
        this.sales = sales;
        this.clients = clients;
        this.audit = audit;
        this.events = events;
    }

    /** A sale of a plan to a client. */
    record Sell(UUID planId, LocalDate startsOn, String paymentMethod, long discount, long tax, String note, UUID by) {}

    @Transactional
    MembershipView sell(UUID orgId, UUID clientId, Sell sell) {
        clientList.changed(orgId); // the membership filters and the plan facet of the client list
        clients.find(orgId, clientId).orElseThrow(() -> ApiException.notFound("Client"));
        PlanService.Plan plan = plans.get(orgId, sell.planId());
        if (plan.archived()) {
            throw ApiException.unprocessable("membership.plan_archived", "This plan is archived and no longer sold");
        }
        // serialise sales to one client, so the intro-offer rule holds under concurrent requests (a lock
        // of this module's own, not a row of the clients module's table)
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('membership-sale:' || :org || ':' || :client, 0))")
                .param("org", orgId.toString())
                .param("client", clientId.toString())
                .query((rs, n) -> 1)
                .list();
        if (plan.kind().equals("intro_offer") && hadIntroOffer(orgId, clientId)) {
            throw ApiException.unprocessable(
                    "membership.intro_offer_used", "An intro offer can be bought once per client");
        }
        LocalDate today = today(orgId);
        LocalDate start = sell.startsOn() == null ? today : sell.startsOn();
        LocalDate end = Periods.end(start, plan.periodUnit(), plan.periodCount());
        String status = start.isAfter(today) ? "pending" : "active";
        UUID id = Ids.newId();
        jdbc.sql("""
                INSERT INTO client_memberships (id, org_id, client_id, plan_id, status, starts_on, ends_on, auto_renew)
                VALUES (:id, :org, :client, :plan, :status, :start, :end, :autoRenew)
                """)
                .param("id", id)
                .param("org", orgId)
                .param("client", clientId)
                .param("plan", plan.id())
                .param("status", status)
                .param("start", start)
                .param("end", end)
                .param("autoRenew", plan.autoRenew())
                .update();
        if (plan.usesCredits()) {
            ledger.append(orgId, clientId, id, plan.credits(), "grant", null, null, "Sold: " + plan.name(), sell.by());
        }
        UUID saleId = sales.record(
                orgId,
                new SalesService.NewSale(
                        clientId,
                        plan.price().currency(),
                        plan.name(),
                        plan.id(),
                        id,
                        plan.price().amount(),
                        sell.discount(),
                        sell.tax(),
                        sell.paymentMethod(),
                        sell.note(),
                        sell.by()));
        audit.record(AuditRecord.of(
                orgId,
                "membership.sold",
                "membership",
                id,
                AuditChange.created(Map.of(
                        "clientId",
                        clientId,
                        "planId",
                        plan.id(),
                        "startsOn",
                        start,
                        "endsOn",
                        end,
                        "saleId",
                        saleId))));
        events.publishEvent(new MembershipSold(orgId, id, clientId, plan.id(), saleId));
        return get(orgId, id);
    }

    private boolean hadIntroOffer(UUID orgId, UUID clientId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM client_memberships m JOIN membership_plans p ON p.org_id = m.org_id AND p.id = m.plan_id
                               WHERE m.org_id = :org AND m.client_id = :client AND p.kind = 'intro_offer')
                """)
                .param("org", orgId)
                .param("client", clientId)
                .query(Boolean.class)
                .single();
    }

    @Transactional(readOnly = true)
    MembershipView get(UUID orgId, UUID id) {
        return views(orgId, "m.id = :id", Map.of("id", id)).stream()
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("Membership"));
    }

    @Transactional(readOnly = true)
    List<MembershipView> forClient(UUID orgId, UUID clientId) {
        clients.find(orgId, clientId).orElseThrow(() -> ApiException.notFound("Client"));
        return views(orgId, "m.client_id = :client", Map.of("client", clientId));
    }

    private List<MembershipView> views(UUID orgId, String condition, Map<String, Object> params) {
        List<MembershipView> rows = jdbc.sql("""
                SELECT m.id, m.client_id, m.plan_id, p.name AS plan_name, p.kind, m.status, m.starts_on, m.ends_on,
                       m.auto_renew, m.cancel_at_period_end, m.cancelled_at,
                       CASE WHEN p.credits IS NULL THEN NULL
                            ELSE (SELECT coalesce(sum(l.delta), 0) FROM credit_ledger l
                                  WHERE l.org_id = m.org_id AND l.membership_id = m.id)::int END AS credits_remaining,
                       m.created_at
                FROM client_memberships m JOIN membership_plans p ON p.org_id = m.org_id AND p.id = m.plan_id
                WHERE m.org_id = :org AND %s
                ORDER BY m.starts_on DESC, m.id DESC
                """.formatted(condition))
                .param("org", orgId)
                .params(params)
                .query((rs, n) -> new MembershipView(
                        rs.getObject("id", UUID.class),
                        rs.getObject("client_id", UUID.class),
                        rs.getObject("plan_id", UUID.class),
                        rs.getString("plan_name"),
                        rs.getString("kind"),
                        rs.getString("status"),
                        rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class),
                        rs.getBoolean("auto_renew"),
                        rs.getBoolean("cancel_at_period_end"),
                        rs.getObject("cancelled_at", OffsetDateTime.class),
                        (Integer) rs.getObject("credits_remaining"),
                        List.of(),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<MembershipView.Freeze>> freezes = jdbc
                .sql("""
                SELECT membership_id, id, starts_on, ends_on FROM membership_freezes
                WHERE org_id = :org AND membership_id IN (:ids) ORDER BY starts_on
                """)
                .param("org", orgId)
                .param("ids", rows.stream().map(MembershipView::id).toList())
                .query((rs, n) -> Map.entry(
                        rs.getObject(1, UUID.class),
                        new MembershipView.Freeze(
                                rs.getObject(2, UUID.class),
                                rs.getObject(3, LocalDate.class),
                                rs.getObject(4, LocalDate.class))))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        Map.Entry::getKey,
                        java.util.stream.Collectors.mapping(
                                Map.Entry::getValue, java.util.stream.Collectors.toList())));
        return rows.stream()
                .map(r -> new MembershipView(
                        r.id(),
                        r.clientId(),
                        r.planId(),
                        r.planName(),
                        r.kind(),
                        r.status(),
                        r.startsOn(),
                        r.endsOn(),
                        r.autoRenew(),
                        r.cancelAtPeriodEnd(),
                        r.cancelledAt(),
                        r.creditsRemaining(),
                        freezes.getOrDefault(r.id(), List.of()),
                        r.createdAt()))
                .toList();
    }

    @Transactional
    MembershipView freeze(UUID orgId, UUID id, LocalDate from, LocalDate to, UUID by) {
        clientList.changed(orgId); // the membership filters and the plan facet of the client list
        ledger.lock(orgId, id);
        MembershipView m = get(orgId, id);
        if (!MembershipStatus.of(m.status()).canBecome(MembershipStatus.FROZEN)) {
            throw ApiException.unprocessable("membership.not_active", "Only an active membership can be frozen");
        }
        if (to.isBefore(from)) {
            throw ApiException.invalidField("endsOn", "must not be before startsOn");
        }
        if (from.isBefore(m.startsOn()) || from.isAfter(m.endsOn())) {
            throw ApiException.invalidField("startsOn", "must fall within the membership's period");
        }
        boolean overlaps = m.freezes().stream()
                .anyMatch(f -> !f.endsOn().isBefore(from) && !f.startsOn().isAfter(to));
        if (overlaps) {
            throw ApiException.conflict("membership.freeze_overlaps", "The membership is already frozen in that time");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate newEnd = m.endsOn().plusDays(days);
        jdbc.sql(
                        "INSERT INTO membership_freezes (id, org_id, membership_id, starts_on, ends_on, created_by) VALUES (:id, :org, :m, :from, :to, :by)")
                .param("id", Ids.newId())
                .param("org", orgId)
                .param("m", id)
                .param("from", from)
                .param("to", to)
                .param("by", by)
                .update();
        LocalDate today = today(orgId);
        String status = !today.isBefore(from) && !today.isAfter(to) ? MembershipStatus.FROZEN.value() : m.status();
        jdbc.sql(
                        "UPDATE client_memberships SET ends_on = :end, status = :status, updated_at = now(), version = version + 1 WHERE org_id = :org AND id = :id")
                .param("end", newEnd)
                .param("status", status)
                .param("org", orgId)
                .param("id", id)
                .update();
        audit.record(AuditRecord.of(
                orgId,
                "membership.frozen",
                "membership",
                id,
                Map.of(
                        "endsOn",
                        new AuditChange(m.endsOn(), newEnd),
                        "freeze",
                        new AuditChange(null, from + ".." + to))));
        return get(orgId, id);
    }

    @Transactional
    MembershipView cancel(UUID orgId, UUID id, boolean atPeriodEnd, String reason, UUID by) {
        clientList.changed(orgId); // the membership filters and the plan facet of the client list
        ledger.lock(orgId, id);
        MembershipView m = get(orgId, id);
        if (!MembershipStatus.of(m.status()).running()) {
            throw ApiException.unprocessable("membership.already_ended", "The membership has already ended");
        }
        if (atPeriodEnd) {
            jdbc.sql("""
                    UPDATE client_memberships SET cancel_at_period_end = true, auto_renew = false, cancel_reason = :reason,
                        updated_at = now(), version = version + 1
                    WHERE org_id = :org AND id = :id
                    """)
                    .param("reason", reason)
                    .param("org", orgId)
                    .param("id", id)
                    .update();
        } else {
            jdbc.sql("""
                    UPDATE client_memberships SET status = 'cancelled', cancelled_at = now(), auto_renew = false,
                        cancel_reason = :reason, updated_at = now(), version = version + 1
                    WHERE org_id = :org AND id = :id
                    """)
                    .param("reason", reason)
                    .param("org", orgId)
                    .param("id", id)
                    .update();
            if (m.creditsRemaining() != null && m.creditsRemaining() > 0) {
                ledger.append(orgId, m.clientId(), id, -m.creditsRemaining(), "expiry", null, null, "Cancelled", by);
            }
        }
        audit.record(AuditRecord.of(
                orgId,
                "membership.cancelled",
                "membership",
                id,
                Map.of(
                        "status", new AuditChange(m.status(), atPeriodEnd ? m.status() : "cancelled"),
                        "cancelAtPeriodEnd", new AuditChange(m.cancelAtPeriodEnd(), atPeriodEnd))));
        return get(orgId, id);
    }

    /** Extends the membership by one period from its end (or today, when it already ended) and records the sale. */
    @Transactional
    MembershipView renew(UUID orgId, UUID id, String paymentMethod, long discount, long tax, UUID by) {
        clientList.changed(orgId); // the membership filters and the plan facet of the client list
        ledger.lock(orgId, id);
        MembershipView m = get(orgId, id);
        if (!MembershipStatus.of(m.status()).canBecome(MembershipStatus.ACTIVE)) {
            throw ApiException.unprocessable(
                    "membership.already_ended", "A cancelled membership cannot be renewed; sell a new one");
        }
        PlanService.Plan plan = plans.get(orgId, m.planId());
        LocalDate today = today(orgId);
        LocalDate from = m.endsOn().isBefore(today) ? today : m.endsOn().plusDays(1);
        LocalDate newEnd = Periods.end(from, plan.periodUnit(), plan.periodCount());
        jdbc.sql("""
                UPDATE client_memberships SET ends_on = :end, status = 'active', cancel_at_period_end = false,
                    updated_at = now(), version = version + 1
                WHERE org_id = :org AND id = :id
                """).param("end", newEnd).param("org", orgId).param("id", id).update();
        if (plan.usesCredits()) {
            ledger.append(orgId, m.clientId(), id, plan.credits(), "grant", null, null, "Renewed", by);
        }
        sales.record(
                orgId,
                new SalesService.NewSale(
                        m.clientId(),
                        plan.price().currency(),
                        plan.name() + " (renewal)",
                        plan.id(),
                        id,
                        plan.price().amount(),
                        discount,
                        tax,
                        paymentMethod,
                        null,
                        by));
        audit.record(AuditRecord.of(
                orgId, "membership.renewed", "membership", id, Map.of("endsOn", new AuditChange(m.endsOn(), newEnd))));
        return get(orgId, id);
    }
}
