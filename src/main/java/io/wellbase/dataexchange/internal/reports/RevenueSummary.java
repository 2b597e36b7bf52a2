package io.wellbase.dataexchange.internal.reports;

import static io.wellbase.dataexchange.internal.reports.ReportData.Column.code;
import static io.wellbase.dataexchange.internal.reports.ReportData.Column.of;
import static io.wellbase.dataexchange.internal.reports.ReportData.Column.text;
import static io.wellbase.dataexchange.internal.reports.ReportData.Unit.COUNT;
import static io.wellbase.dataexchange.internal.reports.ReportData.Unit.MONEY;

import io.wellbase.dataexchange.internal.reports.ReportData.Chart;
import io.wellbase.dataexchange.internal.reports.ReportData.Kpi;
import io.wellbase.dataexchange.internal.reports.ReportData.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sales in the period by day and month, plan, item and payment method (item totals, in the
 * organization's currency), with refunds made in the period and the net. Sales have no location,
 * so a location filter does not narrow this report.
 */
@Component
class RevenueSummary implements ReportBuilder {

    private final JdbcClient jdbc;

    RevenueSummary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ReportType type() {
        return ReportType.REVENUE_SUMMARY;
    }

    private record Item(String saleId, LocalDate day, String plan, String item, String method, long total) {}

    private static final class Sum {
        long amount;
        long count;
    }

    @Override
    public ReportData build(ReportScope scope) {
        List<Item> items = jdbc.sql("""
                SELECT x.id::text AS sale_id, (x.sold_at AT TIME ZONE :zone)::date AS day,
                       coalesce(p.name, 'Other items') AS plan, i.description, x.payment_method, i.total
                FROM report_sales x
                JOIN report_sale_items i ON i.org_id = x.org_id AND i.sale_id = x.id
                LEFT JOIN report_membership_plans p ON p.id = i.plan_id
                WHERE x.org_id = :org AND x.currency = :currency
                  AND x.sold_at >= CAST(CAST(:from AS date) AS timestamp) AT TIME ZONE :zone
                  AND x.sold_at < CAST(CAST(:to AS date) + 1 AS timestamp) AT TIME ZONE :zone
                UNION ALL
                SELECT o.id::text, (o.paid_at AT TIME ZONE :zone)::date, 'Products', i.title, o.payment_method, i.net
                FROM report_orders o
                JOIN report_order_items i ON i.org_id = o.org_id AND i.order_id = o.id
                WHERE o.org_id = :org AND i.org_id = :org AND o.currency = :currency AND o.paid_at IS NOT NULL
                  AND o.paid_at >= CAST(CAST(:from AS date) AS timestamp) AT TIME ZONE :zone
                  AND o.paid_at < CAST(CAST(:to AS date) + 1 AS timestamp) AT TIME ZONE :zone
                UNION ALL
                SELECT p.id::text, (p.succeeded_at AT TIME ZONE :zone)::date, 'Payments', p.method, p.method, p.net
                FROM report_payments p
                WHERE p.org_id = :org AND p.currency = :currency AND p.status = 'succeeded' AND p.order_id IS NULL
                  AND p.succeeded_at >= CAST(CAST(:from AS date) AS timestamp) AT TIME ZONE :zone
                  AND p.succeeded_at < CAST(CAST(:to AS date) + 1 AS timestamp) AT TIME ZONE :zone
                """)
                .param("org", scope.orgId())
                .param("zone", scope.zone().getId())
                .param("currency", scope.currency())
                .param("from", scope.from())
                .param("to", scope.to())
                .query((rs, n) -> new Item(
                        rs.getString("sale_id"),
                        rs.getObject("day", LocalDate.class),
                        rs.getString("plan"),
                        rs.getString("description"),
                        rs.getString("payment_method"),
                        rs.getLong("total")))
                .list();
        long refunds = jdbc.sql("""
                SELECT coalesce(sum(amount), 0) FROM (
                    SELECT r.amount FROM report_sale_refunds r JOIN report_sales x ON x.org_id = r.org_id AND x.id = r.sale_id
                    WHERE r.org_id = :org AND x.currency = :currency
                      AND r.created_at >= CAST(CAST(:from AS date) AS timestamp) AT TIME ZONE :zone
                      AND r.created_at < CAST(CAST(:to AS date) + 1 AS timestamp) AT TIME ZONE :zone
                    UNION ALL
                    SELECT r.amount FROM report_order_refunds r JOIN report_orders o ON o.org_id = r.org_id AND o.id = r.order_id
                    WHERE r.org_id = :org AND o.org_id = :org AND o.currency = :currency
                      AND r.created_at >= CAST(CAST(:from AS date) AS timestamp) AT TIME ZONE :zone
                      AND r.created_at < CAST(CAST(:to AS date) + 1 AS timestamp) AT TIME ZONE :zone
                    UNION ALL
                    SELECT r.amount FROM report_payment_refunds r
                    JOIN report_payments p ON p.org_id = r.org_id AND p.id = r.payment_id
                    WHERE r.org_id = :org AND p.org_id = :org AND p.currency = :currency AND p.order_id IS NULL
                      AND r.status IN ('pending', 'succeeded')
                      AND r.created_at >= CAST(CAST(:from AS date) AS timestamp) AT TIME ZONE :zone
                      AND r.created_at < CAST(CAST(:to AS date) + 1 AS timestamp) AT TIME ZONE :zone) refunded
                """)
                .param("org", scope.orgId())
                .param("zone", scope.zone().getId())
                .param("currency", scope.currency())
                .param("from", scope.from())
                .param("to", scope.to())
                .query(Long.class)
                .single();
        int digits = scope.fractionDigits();
        long gross = items.stream().mapToLong(Item::total).sum();
        long sales = items.stream().map(Item::saleId).distinct().count();
        List<Kpi> kpis = List.of(
                new Kpi("gross", "Sales", ReportData.money(gross, digits), MONEY),
                new Kpi("refunds", "Refunds", ReportData.money(refunds, digits), MONEY),
                new Kpi("net", "Net revenue", ReportData.money(gross - refunds, digits), MONEY),
                new Kpi("sales", "Number of sales", sales, COUNT),
                new Kpi(
                        "averageSale",
                        "Average sale",
                        ReportData.money(sales == 0 ? 0 : Math.round((double) gross / sales), digits),
                        MONEY));
        Map<String, Sum> byDay = group(items, i -> i.day().toString());
        Map<String, Sum> byMonth = group(items, i -> i.day().toString().substring(0, 7));
        Map<String, Sum> byMethod = group(items, Item::method);
        List<Table> tables = List.of(
                table("byDay", "Revenue per day", "day", "Day", byDay, digits),
                table("byMonth", "Revenue per month", "month", "Month", byMonth, digits),
                table("byPlan", "By plan", "plan", "Plan", group(items, Item::plan), digits),
                table("byItem", "By item", "item", "Item", group(items, Item::item), digits),
                table(
                        "byPaymentMethod",
                        "By payment method",
                        code("paymentMethod", "Payment method"),
                        byMethod,
                        digits));
        Map<LocalDate, BigDecimal> revenuePerDay = new TreeMap<>();
        items.forEach(i -> revenuePerDay.merge(i.day(), ReportData.money(i.total(), digits), BigDecimal::add));
        TimeSeries overTime = TimeSeries.of(scope.from(), scope.to(), revenuePerDay);
        String perStep = "Revenue per " + overTime.step().word;
        List<Chart> charts = List.of(
                new Chart(
                        "revenueOverTime",
                        perStep + " (" + scope.currency() + ")",
                        ReportData.Kind.LINE,
                        scope.currency(),
                        overTime.categories(),
                        Map.of(perStep, overTime.numbers())),
                new Chart(
                        "revenueByPaymentMethod",
                        "Revenue by payment method (" + scope.currency() + ")",
                        ReportData.Kind.BAR,
                        scope.currency(),
                        List.copyOf(byMethod.keySet()),
                        Map.of(
                                "Revenue",
                                byMethod.values().stream()
                                        .map(s -> (Number) ReportData.money(s.amount, digits))
                                        .toList()),
                        true));
        return new ReportData(type(), scope, kpis, tables, charts);
    }

    private static Map<String, Sum> group(List<Item> items, Function<Item, String> key) {
        Map<String, Sum> groups = new TreeMap<>();
        for (Item item : items) {
            Sum sum = groups.computeIfAbsent(key.apply(item), k -> new Sum());
            sum.amount += item.total();
            sum.count++;
        }
        return groups;
    }

    private static Table table(
            String key, String title, String dimension, String label, Map<String, Sum> groups, int digits) {
        return table(key, title, text(dimension, label), groups, digits);
    }

    private static Table table(
            String key, String title, ReportData.Column dimension, Map<String, Sum> groups, int digits) {
        List<List<Object>> rows = new ArrayList<>();
        groups.forEach((name, s) -> rows.add(List.of(name, s.count, ReportData.money(s.amount, digits))));
        return new Table(
                key,
                title,
                List.of(dimension, of("items", "Items sold", COUNT), of("revenue", "Revenue", MONEY)),
                rows);
    }
}
