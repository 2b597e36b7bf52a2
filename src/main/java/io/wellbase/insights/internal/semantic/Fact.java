package io.wellbase.insights.internal.semantic;

import org.jspecify.annotations.Nullable;

/**
 * A set of rows metrics are counted over: its tables (published views only), the conditions that make a row
 * count, the local date that places it in time, and the client it belongs to, if any. Every table access
 * carries {@code org_id = :org}; {@code :zone}, {@code :today} and {@code :currency} are the organization's.
 */
enum Fact {
    /** One row per booking of a held class session, placed on the session's local date. */
    ATTENDANCE(
            "report_bookings b JOIN report_class_sessions cs ON cs.org_id = b.org_id AND cs.id = b.session_id",
            "b.org_id = :org AND cs.org_id = :org AND cs.status = 'scheduled'",
            "cs.local_date",
            "b.client_id"),
    /** One row per held class session. */
    SESSIONS("report_class_sessions cs", "cs.org_id = :org AND cs.status = 'scheduled'", "cs.local_date", null),
    /** One row per client (merged and erased ones left out), placed on the day the record was created. */
    CLIENTS(
            "report_clients c",
            "c.org_id = :org AND c.merged_into_id IS NULL AND c.erased_at IS NULL",
            "(c.created_at AT TIME ZONE :zone)::date",
            "c.id",
            "c.created_at"),
    /** One row per membership or pack sold, placed on its first day. */
    MEMBERSHIP_STARTS(
            "report_client_memberships m", "m.org_id = :org AND m.status <> 'pending'", "m.starts_on", "m.client_id"),
    /**
     * One row per membership that ended before today (its last day, or the day it was cancelled) with no other
     * membership of the client starting within 7 days of its end and running past it: a member who left.
     */
    MEMBERSHIP_ENDS(
            "report_client_memberships m",
            """
            m.org_id = :org AND m.status <> 'pending'
              AND least(m.ends_on, coalesce((m.cancelled_at AT TIME ZONE :zone)::date, m.ends_on)) < :today
              AND NOT EXISTS (
                  SELECT 1 FROM report_client_memberships n
                  WHERE n.org_id = :org AND n.client_id = m.client_id AND n.id <> m.id AND n.status <> 'pending'
                    AND n.starts_on <= least(m.ends_on, coalesce((m.cancelled_at AT TIME ZONE :zone)::date, m.ends_on)) + 7
                    AND n.ends_on > least(m.ends_on, coalesce((m.cancelled_at AT TIME ZONE :zone)::date, m.ends_on)))""",
            "least(m.ends_on, coalesce((m.cancelled_at AT TIME ZONE :zone)::date, m.ends_on))",
            "m.client_id"),
    /**
     * One row per membership and period (the time dimension's buckets, or the whole range) in which it was
     * held for at least a day: active members are counted per bucket, not summed over days.
     */
    MEMBERSHIP_ACTIVE(
            "report_client_memberships m", "m.org_id = :org AND m.status <> 'pending'", "t.bucket", "m.client_id"),
    /**
     * One row per item sold, in the organization's currency, placed on the day of the sale: the memberships' sales,
     * the paid orders of products (their items' amount before tax, as a sale item's) and billing's succeeded
     * payments that paid no order (renewals, invoices, amounts; their net of the invoice's tax), side by side. A
     * payment of an order counts once, as the order.
     */
    SALES(
            """
            (SELECT org_id, sale_id, plan_id, total FROM report_sale_items
             UNION ALL SELECT org_id, order_id, NULL::uuid, net FROM report_order_items
             UNION ALL SELECT org_id, id, NULL::uuid, net FROM report_payments
             WHERE status = 'succeeded' AND order_id IS NULL) si
            JOIN (SELECT org_id, id, client_id, sold_at, currency, payment_method FROM report_sales
                  UNION ALL SELECT org_id, id, client_id, paid_at, currency, payment_method FROM report_orders
                  WHERE paid_at IS NOT NULL
                  UNION ALL SELECT org_id, id, client_id, succeeded_at, currency, method FROM report_payments
                  WHERE status = 'succeeded') s ON s.org_id = si.org_id AND s.id = si.sale_id""",
            "si.org_id = :org AND s.org_id = :org AND s.currency = :currency",
            "(s.sold_at AT TIME ZONE :zone)::date",
            "s.client_id",
            "s.sold_at"),
    /**
     * One row per refund of a sale, of a paid order (also a card payment's refund, recorded on its order) or of a
     * payment that paid no order (billing's, pending or succeeded) in the organization's currency, placed on the day
     * it was given.
     */
    REFUNDS(
            """
            (SELECT org_id, sale_id, amount, created_at FROM report_sale_refunds
             UNION ALL SELECT org_id, order_id, amount, created_at FROM report_order_refunds
             UNION ALL SELECT org_id, payment_id, amount, created_at FROM report_payment_refunds
             WHERE status IN ('pending', 'succeeded')) r
            JOIN (SELECT org_id, id, client_id, currency, payment_method FROM report_sales
                  UNION ALL SELECT org_id, id, client_id, currency, payment_method FROM report_orders
                  WHERE paid_at IS NOT NULL
                  UNION ALL SELECT org_id, id, client_id, currency, method FROM report_payments
                  WHERE status = 'succeeded' AND order_id IS NULL) s ON s.org_id = r.org_id AND s.id = r.sale_id""",
            "r.org_id = :org AND s.org_id = :org AND s.currency = :currency",
            "(r.created_at AT TIME ZONE :zone)::date",
            "s.client_id",
            "r.created_at"),
    /** One row per appointment that was kept or missed (not pending, not cancelled), on its day. */
    APPOINTMENTS(
            "report_appointments a",
            "a.org_id = :org AND a.status IN ('confirmed', 'completed', 'no_show')",
            "(a.starts_at AT TIME ZONE :zone)::date",
            "a.client_id",
            "a.starts_at"),
    /** One row per credit used from a membership, on the day of the class it paid for. */
    CREDITS(
            "report_credit_ledger cl",
            "cl.org_id = :org AND cl.reason = 'use'",
            "(coalesce(cl.used_for, cl.created_at) AT TIME ZONE :zone)::date",
            "cl.client_id"),
    /** The daily rollup of {@link #ATTENDANCE} for closed days: counts by location, class type, instructor, hour. */
    ROLLUP_ATTENDANCE("insight_daily_attendance r", "r.org_id = :org", "r.day", null),
    /** The daily rollup of {@link #SESSIONS} for closed days. */
    ROLLUP_SESSIONS("insight_daily_sessions r", "r.org_id = :org", "r.day", null),
    /** Both rollups summed per day, for splits by period or weekday alone. */
    ROLLUP_TOTALS("insight_daily_totals r", "r.org_id = :org", "r.day", null),
    /** Both rollups summed per day and location, for splits and filters by period and location alone. */
    ROLLUP_LOCATIONS("insight_daily_locations r", "r.org_id = :org", "r.day", null);

    private final String from;
    private final String where;
    private final String day;
    private final @Nullable String client;
    private final @Nullable String moment;

    Fact(String from, String where, String day, @Nullable String client) {
        this(from, where, day, client, null);
    }

    Fact(String from, String where, String day, @Nullable String client, @Nullable String moment) {
        this.from = from;
        this.where = where;
        this.day = day;
        this.client = client;
        this.moment = moment;
    }

    /**
     * The condition that keeps rows whose date lies in {@code :from}..{@code :to}: on the timestamp itself where
     * the date is computed from one (so an index on it serves), else on the date.
     */
    String inRange() {
        if (this == ATTENDANCE || this == SESSIONS) {
            // the local date, and a start time within a day of it in any zone, so the start-time index can serve
            return "cs.local_date BETWEEN :from AND :to"
                    + " AND cs.starts_at >= CAST(:from AS timestamp) AT TIME ZONE 'UTC' - interval '1 day'"
                    + " AND cs.starts_at < (CAST(:to AS timestamp) + interval '2 days') AT TIME ZONE 'UTC'";
        }
        if (moment != null) {
            return moment + " >= CAST(:from AS timestamp) AT TIME ZONE :zone AND " + moment
                    + " < (CAST(:to AS timestamp) + interval '1 day') AT TIME ZONE :zone";
        }
        return day + " BETWEEN :from AND :to";
    }

    String from() {
        return from;
    }

    String where() {
        return where;
    }

    /** The local date that places a row in time. */
    String day() {
        return day;
    }

    /** The client a row belongs to, for the client dimensions; null when rows have none. */
    @Nullable
    String client() {
        return client;
    }

    /** Whether rows are counted per period of the time dimension rather than placed on a day. */
    boolean bucketed() {
        return this == MEMBERSHIP_ACTIVE;
    }
}
