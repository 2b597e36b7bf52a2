package io.wellbase.insights.internal.semantic;

import java.util.List;

/**
 * A table a dimension needs beside its fact's own, joined with the organization forced ({@code org_id = :org}
 * on every tenant view; {@code report_users} has no organization and is reached only through the
 * organization's own rows). Joins are left joins, so a row never disappears because its label is missing.
 */
enum Join {
    CLIENT("LEFT JOIN report_clients c ON c.org_id = :org AND c.id = %s"),
    CLIENT_TAGS("LEFT JOIN LATERAL unnest(c.tags) AS tg(name) ON true", CLIENT),
    SESSION_LOCATION("LEFT JOIN report_locations l ON l.org_id = :org AND l.id = cs.location_id"),
    SESSION_CLASS_TYPE("LEFT JOIN report_class_types ct ON ct.org_id = :org AND ct.id = cs.class_type_id"),
    SESSION_INSTRUCTOR("LEFT JOIN report_users iu ON iu.id = coalesce(cs.substitute_instructor_id, cs.instructor_id)"),
    BOOKING_PLAN("LEFT JOIN report_client_memberships bm ON bm.org_id = :org AND bm.id = b.membership_id "
            + "LEFT JOIN report_membership_plans p ON p.org_id = :org AND p.id = bm.plan_id"),
    MEMBERSHIP_PLAN("LEFT JOIN report_membership_plans p ON p.org_id = :org AND p.id = m.plan_id"),
    SALE_PLAN("LEFT JOIN report_membership_plans p ON p.org_id = :org AND p.id = si.plan_id"),
    CREDIT_PLAN("LEFT JOIN report_client_memberships bm ON bm.org_id = :org AND bm.id = cl.membership_id "
            + "LEFT JOIN report_membership_plans p ON p.org_id = :org AND p.id = bm.plan_id"),
    APPOINTMENT_LOCATION("LEFT JOIN report_locations l ON l.org_id = :org AND l.id = a.location_id"),
    APPOINTMENT_STAFF("LEFT JOIN report_users iu ON iu.id = a.staff_id"),
    ROLLUP_LOCATION("LEFT JOIN report_locations l ON l.org_id = :org AND l.id = r.location_id"),
    ROLLUP_CLASS_TYPE("LEFT JOIN report_class_types ct ON ct.org_id = :org AND ct.id = r.class_type_id"),
    ROLLUP_INSTRUCTOR("LEFT JOIN report_users iu ON iu.id = r.instructor_id");

    private final String sql;
    private final List<Join> needs;

    Join(String sql, Join... needs) {
        this.sql = sql;
        this.needs = List.of(needs);
    }

    /** The join's SQL for a fact ({@code %s} is the fact's client column where the join needs it). */
    String sql(Fact fact) {
        return sql.contains("%s") ? sql.formatted(fact.client()) : sql;
    }

    List<Join> needs() {
        return needs;
    }
}
