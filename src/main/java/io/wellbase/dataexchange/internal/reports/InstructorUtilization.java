package io.wellbase.dataexchange.internal.reports;

import static io.wellbase.dataexchange.internal.reports.ReportData.Column.of;
import static io.wellbase.dataexchange.internal.reports.ReportData.Column.text;
import static io.wellbase.dataexchange.internal.reports.ReportData.Unit.COUNT;
import static io.wellbase.dataexchange.internal.reports.ReportData.Unit.HOURS;
import static io.wellbase.dataexchange.internal.reports.ReportData.Unit.PERCENT;

import io.wellbase.dataexchange.internal.reports.ReportData.Chart;
import io.wellbase.dataexchange.internal.reports.ReportData.Kpi;
import io.wellbase.dataexchange.internal.reports.ReportData.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per instructor: classes taught and their hours, places offered and taken (fill rate), visits,
 * no-shows and late cancels, plus appointments held and their hours, in the period.
 */
@Component
class InstructorUtilization implements ReportBuilder {

    private final SessionStats sessions;
    private final JdbcClient jdbc;

    InstructorUtilization(SessionStats sessions, JdbcClient jdbc) {
        this.sessions = sessions;
        this.jdbc = jdbc;
    }

    @Override
    public ReportType type() {
        return ReportType.INSTRUCTOR_UTILIZATION;
    }

    private record Appointments(long count, long minutes) {}

    @Override
    public ReportData build(ReportScope scope) {
        Map<String, SessionStats.Tally> classes =
                AttendanceSummary.group(sessions.load(scope), SessionStats.Row::instructor);
        Map<String, Appointments> appointments = new HashMap<>();
        jdbc.sql("""
                SELECT u.first_name || ' ' || u.last_name AS instructor, count(*) AS n,
                       (sum(extract(epoch FROM a.ends_at - a.starts_at)) / 60)::bigint AS minutes
                FROM report_appointments a
                JOIN report_users u ON u.id = a.staff_id
                JOIN report_locations l ON l.id = a.location_id
                WHERE a.org_id = :org AND a.status IN ('confirmed', 'completed')
                  AND (a.starts_at AT TIME ZONE l.timezone)::date BETWEEN :from AND :to
                  AND (CAST(:location AS uuid) IS NULL OR a.location_id = CAST(:location AS uuid))
                GROUP BY u.first_name, u.last_name
                """)
                .param("org", scope.orgId())
                .param("from", scope.from())
                .param("to", scope.to())
                .param("location", scope.locationId())
                .query(rs -> {
                    appointments.put(
                            rs.getString("instructor"), new Appointments(rs.getLong("n"), rs.getLong("minutes")));
                });
        TreeSet<String> names = new TreeSet<>(classes.keySet());
        names.addAll(appointments.keySet());
        List<List<Object>> rows = new ArrayList<>();
        SessionStats.Tally total = new SessionStats.Tally();
        long appointmentCount = 0;
        long appointmentMinutes = 0;
        Map<String, Number> sessionsBy = new TreeMap<>();
        Map<String, Number> fillBy = new TreeMap<>();
        for (String name : names) {
            SessionStats.Tally t = classes.getOrDefault(name, new SessionStats.Tally());
            Appointments a = appointments.getOrDefault(name, new Appointments(0, 0));
            rows.add(List.of(
                    name,
                    t.sessions,
                    hours(t.minutes),
                    t.capacity,
                    t.seats,
                    t.fillRate(),
                    t.visits,
                    t.noShows,
                    t.lateCancels,
                    a.count(),
                    hours(a.minutes())));
            sessionsBy.put(name, t.sessions);
            fillBy.put(name, t.fillRate());
            total.sessions += t.sessions;
            total.minutes += t.minutes;
            total.capacity += t.capacity;
            total.seats += t.seats;
            appointmentCount += a.count();
            appointmentMinutes += a.minutes();
        }
        List<Kpi> kpis = List.of(
                new Kpi("instructors", "Instructors", (long) names.size(), COUNT),
                new Kpi("sessions", "Classes taught", total.sessions, COUNT),
                new Kpi("classHours", "Class hours", hours(total.minutes), HOURS),
                new Kpi("fillRate", "Fill rate", total.fillRate(), PERCENT),
                new Kpi("appointments", "Appointments", appointmentCount, COUNT),
                new Kpi("appointmentHours", "Appointment hours", hours(appointmentMinutes), HOURS));
        Table table = new Table(
                "byInstructor",
                "By instructor",
                List.of(
                        text("instructor", "Instructor"),
                        of("sessions", "Classes", COUNT),
                        of("classHours", "Class hours", HOURS),
                        of("capacity", "Places", COUNT),
                        of("seatsTaken", "Taken", COUNT),
                        of("fillRate", "Fill rate", PERCENT),
                        of("visits", "Visits", COUNT),
                        of("noShows", "No-shows", COUNT),
                        of("lateCancels", "Late cancels", COUNT),
                        of("appointments", "Appointments", COUNT),
                        of("appointmentHours", "Appt. hours", HOURS)),
                rows);
        List<Chart> charts = List.of(
                new Chart(
                        "sessionsByInstructor",
                        "Classes taught",
                        ReportData.Kind.BAR,
                        "Classes",
                        List.copyOf(sessionsBy.keySet()),
                        Map.of("Classes", List.copyOf(sessionsBy.values()))),
                new Chart(
                        "fillRateByInstructor",
                        "Fill rate by instructor (%)",
                        ReportData.Kind.BAR,
                        "Fill rate %",
                        List.copyOf(fillBy.keySet()),
                        Map.of("Fill rate", List.copyOf(fillBy.values()))));
        return new ReportData(type(), scope, kpis, List.of(table), charts);
    }

    static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }
}
