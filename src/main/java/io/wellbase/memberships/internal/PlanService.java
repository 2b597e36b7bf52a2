package io.wellbase.memberships.internal;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.memberships.PlanScope;
import io.wellbase.organizations.Locations;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Membership plans: unlimited for a period, class packs, drop-ins, intro offers and recurring
 * subscriptions, optionally limited to some class types, services and locations.
 */
@Service
class PlanService {

    static final Set<String> KINDS = Set.of("unlimited", "class_pack", "drop_in", "intro_offer", "subscription");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final PlanScope scope;
    private final Locations locations;

    PlanService(JdbcClient jdbc, AuditTrail audit, PlanScope scope, Locations locations) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.scope = scope;
        this.locations = locations;
    }

    /** A plan as the API shows it; {@code price} in minor units. */
    record Plan(
            UUID id,
            String name,
            String description,
            String kind,
            Money price,
            Integer credits,
            String periodUnit,
            int periodCount,
            boolean autoRenew,
            Integer weeklyBookingLimit,
            List<UUID> classTypeIds,
            List<UUID> serviceIds,
            List<UUID> locationIds,
            boolean archived,
            OffsetDateTime createdAt,
            boolean premiumContent) {

        boolean usesCredits() {
            return credits != null;
        }
    }

    /** An amount of money in minor units. */
    record Money(long amount, String currency) {}

    @Transactional
    Plan create(UUID orgId, Plan p) {
        validate(p);
        validateScope(orgId, p);
        UUID id = Ids.newId();
        jdbc.sql("""
                INSERT INTO membership_plans (id, org_id, name, description, kind, price_amount, currency, credits,
                    period_unit, period_count, auto_renew, weekly_booking_limit, class_type_ids, service_ids, location_ids,
                    premium_content)
                VALUES (:id, :org, :name, :description, :kind, :amount, :currency, :credits, :unit, :count, :autoRenew,
                    :weekly, :classTypes, :services, :locations, :premium)
                """)
                .param("id", id)
                .param("org", orgId)
                .param("name", p.name().trim())
                .param("description", p.description())
                .param("kind", p.kind())
                .param("amount", p.price().amount())
                .param("currency", p.price().currency().toUpperCase(Locale.ROOT))
                .param("credits", p.credits())
                .param("unit", p.periodUnit())
                .param("count", p.periodCount())
                .param("autoRenew", p.autoRenew())
                .param("weekly", p.weeklyBookingLimit())
                .param("classTypes", uuids(p.classTypeIds()))
                .param("services", uuids(p.serviceIds()))
                .param("locations", uuids(p.locationIds()))
                .param("premium", p.premiumContent())
                .update();
        Plan created = get(orgId, id);
        audit.record(AuditRecord.of(
                orgId, "membership_plan.created", "membership_plan", id, AuditChange.created(snapshot(created))));
        return created;
    }

    @Transactional(readOnly = true)
    Plan get(UUID orgId, UUID id) {
        return jdbc.sql("SELECT * FROM membership_plans WHERE org_id = :org AND id = :id")
                .param("org", orgId)
                .param("id", id)
                .query((rs, n) -> plan(rs))
                .optional()
                .orElseThrow(() -> ApiException.notFound("Membership plan"));
    }

    @Transactional(readOnly = true)
    PageResult<Plan> list(UUID orgId, boolean includeArchived, PageQuery page) {
        String where = " WHERE org_id = :org" + (includeArchived ? "" : " AND archived_at IS NULL");
        List<Plan> plans = jdbc.sql(
                        "SELECT * FROM membership_plans" + where + " ORDER BY name, id LIMIT :limit OFFSET :offset")
                .param("org", orgId)
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query((rs, n) -> plan(rs))
                .list();
        long total = jdbc.sql("SELECT count(*) FROM membership_plans" + where)
                .param("org", orgId)
                .query(Long.class)
                .single();
        return PageResult.of(plans, page, total);
    }

    @Transactional
    Plan update(
            UUID orgId,
            UUID id,
            String name,
            String description,
            Long priceAmount,
            Integer weeklyLimit,
            Boolean autoRenew,
            Boolean premiumContent) {
        Plan current = get(orgId, id);
        if (priceAmount != null && priceAmount < 0) {
            throw ApiException.invalidField("price.amount", "must not be negative");
        }
        jdbc.sql("""
                UPDATE membership_plans SET name = :name, description = :description, price_amount = :amount,
                    weekly_booking_limit = :weekly, auto_renew = :autoRenew, premium_content = :premium, updated_at = now()
                WHERE org_id = :org AND id = :id
                """)
                .param("name", name == null ? current.name() : name.trim())
                .param("description", description == null ? current.description() : description)
                .param("amount", priceAmount == null ? current.price().amount() : priceAmount)
                .param("weekly", weeklyLimit == null ? current.weeklyBookingLimit() : weeklyLimit)
                .param("autoRenew", autoRenew == null ? current.autoRenew() : autoRenew)
                .param("premium", premiumContent == null ? current.premiumContent() : premiumContent)
                .param("org", orgId)
                .param("id", id)
                .update();
        Plan updated = get(orgId, id);
        audit.record(AuditRecord.of(
                orgId,
                "membership_plan.updated",
                "membership_plan",
                id,
                AuditChange.diff(snapshot(current), snapshot(updated))));
        return updated;
    }

    @Transactional
    void archive(UUID orgId, UUID id) {
        get(orgId, id);
        jdbc.sql(
                        "UPDATE membership_plans SET archived_at = coalesce(archived_at, now()) WHERE org_id = :org AND id = :id")
                .param("org", orgId)
                .param("id", id)
                .update();
        audit.record(AuditRecord.of(orgId, "membership_plan.archived", "membership_plan", id, Map.of()));
    }

    private static void validate(Plan p) {
        if (!KINDS.contains(p.kind())) {
            throw ApiException.invalidField(
                    "kind",
                    "must be one of "
                            + String.join(", ", KINDS.stream().sorted().toList()));
        }
        try {
            Currency.getInstance(p.price().currency().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw ApiException.invalidField("price.currency", "must be an ISO 4217 currency code");
        }
        boolean creditKind = p.kind().equals("class_pack") || p.kind().equals("drop_in");
        if (creditKind && p.credits() == null) {
            throw ApiException.invalidField("credits", "a " + p.kind() + " needs a number of credits");
        }
        if (p.kind().equals("drop_in") && p.credits() != 1) {
            throw ApiException.invalidField("credits", "a drop-in has exactly 1 credit");
        }
        if (p.autoRenew() && !p.kind().equals("subscription")) {
            throw ApiException.invalidField("autoRenew", "only subscriptions renew by themselves");
        }
        if (p.kind().equals("subscription") && !Set.of("month", "year").contains(p.periodUnit())) {
            throw ApiException.invalidField("periodUnit", "a subscription renews monthly or yearly");
        }
    }

    private void validateScope(UUID orgId, Plan p) {
        List<UUID> classTypes = p.classTypeIds() == null ? List.of() : p.classTypeIds();
        if (!scope.ownClassTypes(orgId, classTypes).containsAll(classTypes)) {
            throw ApiException.invalidField("classTypeIds", "must be class types of this organization");
        }
        List<UUID> services = p.serviceIds() == null ? List.of() : p.serviceIds();
        if (!scope.ownServices(orgId, services).containsAll(services)) {
            throw ApiException.invalidField("serviceIds", "must be services of this organization");
        }
        for (UUID location : p.locationIds() == null ? List.<UUID>of() : p.locationIds()) {
            if (locations.find(orgId, location).isEmpty()) {
                throw ApiException.invalidField("locationIds", "must be locations of this organization");
            }
        }
    }

    static Plan plan(ResultSet rs) throws SQLException {
        return new Plan(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("kind"),
                new Money(rs.getLong("price_amount"), rs.getString("currency")),
                (Integer) rs.getObject("credits"),
                rs.getString("period_unit"),
                rs.getInt("period_count"),
                rs.getBoolean("auto_renew"),
                (Integer) rs.getObject("weekly_booking_limit"),
                uuidList(rs.getArray("class_type_ids")),
                uuidList(rs.getArray("service_ids")),
                uuidList(rs.getArray("location_ids")),
                rs.getObject("archived_at") != null,
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getBoolean("premium_content"));
    }

    private static List<UUID> uuidList(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }

    private static UUID[] uuids(List<UUID> ids) {
        return ids == null ? new UUID[0] : ids.toArray(UUID[]::new);
    }

    private static Map<String, Object> snapshot(Plan p) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", p.name());
        map.put("kind", p.kind());
        map.put("price", p.price());
        map.put("credits", p.credits());
        map.put("period", p.periodCount() + " " + p.periodUnit());
        map.put("autoRenew", p.autoRenew());
        map.put("weeklyBookingLimit", p.weeklyBookingLimit());
        map.put("classTypeIds", p.classTypeIds());
        map.put("locationIds", p.locationIds());
        map.put("premiumContent", p.premiumContent());
        return map;
    }
}
