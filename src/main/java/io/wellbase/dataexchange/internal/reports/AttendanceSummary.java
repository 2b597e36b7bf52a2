package io.wellbase.dataexchange.internal.reports;

import static io.wellbase.dataexchange.internal.reports.ReportData.Column.of;
import static io.wellbase.dataexchange.internal.reports.ReportData.Column.text;
import static io.wellbase.dataexchange.internal.reports.ReportData.Unit.COUNT;
import static io.wellbase.dataexchange.internal.reports.ReportData.Unit.PERCENT;

import io.wellbase.dataexchange.internal.reports.ReportData.Chart;
import io.wellbase.dataexchange.internal.reports.ReportData.Column;
import io.wellbase.dataexchange.internal.reports.ReportData.Kpi;
import io.wellbase.dataexchange.internal.reports.ReportData.Table;
import java.time.DayOfWeek;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Visits per day and week, by class type, instructor and location, with fill rate (places taken
 * of capacity), late cancels and no-shows, over the classes held in the period.
 */
@Component
class AttendanceSummary implements ReportBuilder {

    private final SessionStats sessions;
    private final JdbcClient jdbc;

    AttendanceSummary(SessionStats sessions, JdbcClient jdbc) {
        this.sessions = sessions;
        this.jdbc = jdbc;
    }

    @Override
    public ReportType type() {
        return ReportType.ATTENDANCE_SUMMARY;
    }

    @Override
    public ReportData build(ReportScope scope) {
        List<SessionStats.Row> rows = sessions.load(scope);
        SessionStats.Tally total = new SessionStats.Tally();
        rows.forEach(total::add);
        long clients = jdbc.sql("""
                SELECT count(DISTINCT b.client_id) FROM report_bookings b
                JOIN report_class_sessions cs ON cs.org_id = b.org_id AND cs.id = b.session_id
                WHERE b.org_id = :org AND b.status = 'attended' AND cs.status = 'scheduled'
                  AND cs.local_date BETWEEN :from AND :to
                  AND (CAST(:location AS uuid) IS NULL OR cs.location_id = CAST(:location AS uuid))
                """)
                .param("org", scope.orgId())
                .param("from", scope.from())
                .param("to", scope.to())
                .param("location", scope.locationId())
                .query(Long.class)
                .single();
        List<Kpi> kpis = List.of(
                new Kpi("sessions", "Classes held", total.sessions, COUNT),
                new Kpi("visits", "Visits", total.visits, COUNT),
                new Kpi("uniqueClients", "Clients who came", clients, COUNT),
                new Kpi("fillRate", "Fill rate", total.fillRate(), PERCENT),
                new Kpi("lateCancels", "Late cancels", total.lateCancels, COUNT),
                new Kpi("noShows", "No-shows", total.noShows, COUNT));
        Map<String, SessionStats.Tally> byDay = group(rows, r -> r.day().toString());
        Map<String, SessionStats.Tally> byWeek = group(
                rows,
                r -> r.day()
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                        .toString());
        Map<String, SessionStats.Tally> byType = group(rows, SessionStats.Row::classType);
        List<Table> tables = List.of(
                table("byDay", "Visits per day", "day", "Day", byDay),
                table("byWeek", "Visits per week", "week", "Week of", byWeek),
                table("byClassType", "By class type", "classType", "Class type", byType),
                table(
                        "byInstructor",
                        "By instructor",
                        "instructor",
                        "Instructor",
                        group(rows, SessionStats.Row::instructor)),
                table("byLocation", "By location", "location", "Location", group(rows, SessionStats.Row::location)));
        Map<java.time.LocalDate, Long> visitsPerDay = new TreeMap<>();
        rows.forEach(r -> visitsPerDay.merge(r.day(), r.visits(), Long::sum));
        TimeSeries overTime = TimeSeries.of(scope.from(), scope.to(), visitsPerDay);
        String perStep = "Visits per " + overTime.step().word;
        List<Chart> charts = List.of(
                new Chart(
                        "visitsOverTime",
                        perStep,
                        ReportData.Kind.LINE,
                        "Visits",
                        overTime.categories(),
                        Map.of(perStep, overTime.numbers())),
                new Chart(
                        "visitsByClassType",
                        "Visits by class type",
                        ReportData.Kind.BAR,
                        "Visits",
                        List.copyOf(byType.keySet()),
                        Map.of(
                                "Visits",
                                byType.values().stream()
                                        .map(t -> (Number) t.visits)
                                        .toList())));
        return new ReportData(type(), scope, kpis, tables, charts);
    }

    static Map<String, SessionStats.Tally> group(List<SessionStats.Row> rows, Function<SessionStats.Row, String> key) {
        Map<String, SessionStats.Tally> groups = new TreeMap<>();
        rows.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new SessionStats.Tally())
                .add(r));
        return groups;
    }

    private static Table table(
            String key, String title, String dimension, String label, Map<String, SessionStats.Tally> groups) {
        List<Column> columns = List.of(
                text(dimension, label),
                of("sessions", "Classes", COUNT),
                of("visits", "Visits", COUNT),
                of("lateCancels", "Late cancels", COUNT),
                of("noShows", "No-shows", COUNT),
                of("fillRate", "Fill rate", PERCENT));
        List<List<Object>> rows = new ArrayList<>();
        groups.forEach(
                (name, t) -> rows.add(List.of(name, t.sessions, t.visits, t.lateCancels, t.noShows, t.fillRate())));
        return new Table(key, title, columns, rows);
    }
}
