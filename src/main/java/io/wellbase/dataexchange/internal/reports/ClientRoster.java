package io.wellbase.dataexchange.internal.reports;

import static io.wellbase.dataexchange.internal.reports.ReportData.Column.code;
import static io.wellbase.dataexchange.internal.reports.ReportData.Column.of;
import static io.wellbase.dataexchange.internal.reports.ReportData.Column.text;
import static io.wellbase.dataexchange.internal.reports.ReportData.Unit.COUNT;

import io.wellbase.dataexchange.internal.reports.ReportData.Chart;
import io.wellbase.dataexchange.internal.reports.ReportData.Kpi;
import io.wellbase.dataexchange.internal.reports.ReportData.Table;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every client who had joined by the end of the period (not merged or erased) with status, join date, last visit, visits in the period
 * (at the location, when one is chosen) and the plans they hold today.
 */
@Component
class ClientRoster implements ReportBuilder {

    private final JdbcClient jdbc;

    ClientRoster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ReportType type() {
        return ReportType.CLIENT_ROSTER;
    }

    @Override
    public ReportData build(ReportScope scope) {
        List<List<Object>> rows = new ArrayList<>();
        Map<String, Number> byStatus = new TreeMap<>();
        Map<String, Number> newPerMonth = new LinkedHashMap<>();
        for (YearMonth m = YearMonth.from(scope.from()); !m.isAfter(YearMonth.from(scope.to())); m = m.plusMonths(1)) {
            newPerMonth.put(m.toString(), 0L);
        }
        long[] totals = new long[3]; // new in period, active status, with a membership today
        jdbc.sql("""
                SELECT c.first_name || ' ' || c.last_name AS name, c.email, coalesce(c.mobile_phone, c.phone) AS phone,
                       c.status, (c.created_at AT TIME ZONE :zone)::date AS joined,
                       (SELECT max(cs.local_date) FROM report_bookings b JOIN report_class_sessions cs ON cs.id = b.session_id
                        WHERE b.org_id = c.org_id AND b.client_id = c.id AND b.status = 'attended') AS last_visit,
                       (SELECT count(*) FROM report_bookings b JOIN report_class_sessions cs ON cs.id = b.session_id
                        WHERE b.org_id = c.org_id AND b.client_id = c.id AND b.status = 'attended'
                          AND cs.local_date BETWEEN :from AND :to
                          AND (CAST(:location AS uuid) IS NULL OR cs.location_id = CAST(:location AS uuid))) AS visits,
                       (SELECT string_agg(DISTINCT p.name, ', ') FROM report_client_memberships m
                        JOIN report_membership_plans p ON p.id = m.plan_id
                        WHERE m.org_id = c.org_id AND m.client_id = c.id AND m.status IN ('active', 'frozen')) AS plans
                FROM report_clients c
                WHERE c.org_id = :org AND c.merged_into_id IS NULL AND c.erased_at IS NULL
                  AND (c.created_at AT TIME ZONE :zone)::date <= :to
                ORDER BY c.last_name, c.first_name, c.id
                """)
                .param("org", scope.orgId())
                .param("zone", scope.zone().getId())
                .param("from", scope.from())
                .param("to", scope.to())
                .param("location", scope.locationId())
                .query(rs -> {
                    LocalDate joined = rs.getObject("joined", LocalDate.class);
                    LocalDate last = rs.getObject("last_visit", LocalDate.class);
                    String status = rs.getString("status");
                    String plans = rs.getString("plans");
                    rows.add(java.util.Arrays.asList(
                            rs.getString("name"),
                            rs.getString("email"),
                            rs.getString("phone"),
                            status,
                            joined.toString(),
                            last == null ? null : last.toString(),
                            rs.getLong("visits"),
                            plans));
                    byStatus.merge(status, 1L, (a, b) -> a.longValue() + b.longValue());
                    if (!joined.isBefore(scope.from()) && !joined.isAfter(scope.to())) {
                        totals[0]++;
                        newPerMonth.merge(
                                YearMonth.from(joined).toString(), 1L, (a, b) -> a.longValue() + b.longValue());
                    }
                    if (status.equals("active")) {
                        totals[1]++;
                    }
                    if (plans != null) {
                        totals[2]++;
                    }
                });
        List<Kpi> kpis = List.of(
                new Kpi("clients", "Clients", (long) rows.size(), COUNT),
                new Kpi("active", "Active", totals[1], COUNT),
                new Kpi("newInPeriod", "New in the period", totals[0], COUNT),
                new Kpi("withMembership", "Holding a membership", totals[2], COUNT));
        Table table = new Table(
                "clients",
                "Clients",
                List.of(
                        text("name", "Name"),
                        text("email", "Email"),
                        text("phone", "Phone"),
                        code("status", "Status"),
                        text("joined", "Joined"),
                        text("lastVisit", "Last visit"),
                        of("visits", "Visits in period", COUNT),
                        text("plans", "Plans")),
                rows);
        List<Chart> charts = List.of(
                new Chart(
                        "clientsByStatus",
                        "Clients by status",
                        ReportData.Kind.BAR,
                        "Clients",
                        List.copyOf(byStatus.keySet()),
                        Map.of("Clients", List.copyOf(byStatus.values())),
                        true),
                new Chart(
                        "newClientsPerMonth",
                        "New clients per month",
                        ReportData.Kind.LINE,
                        "Clients",
                        List.copyOf(newPerMonth.keySet()),
                        Map.of("New clients", List.copyOf(newPerMonth.values()))));
        return new ReportData(type(), scope, kpis, List.of(table), charts);
    }
}
