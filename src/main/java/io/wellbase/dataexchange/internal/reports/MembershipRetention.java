package io.wellbase.dataexchange.internal.reports;

import static io.wellbase.dataexchange.internal.reports.ReportData.Column.of;
import static io.wellbase.dataexchange.internal.reports.ReportData.Column.text;
import static io.wellbase.dataexchange.internal.reports.ReportData.Unit.COUNT;
import static io.wellbase.dataexchange.internal.reports.ReportData.Unit.PERCENT;

import io.wellbase.dataexchange.internal.reports.ReportData.Chart;
import io.wellbase.dataexchange.internal.reports.ReportData.Kpi;
import io.wellbase.dataexchange.internal.reports.ReportData.Table;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Members per month: active on the first day, new (started in the month), churned (their
 * membership ended in the month, was not renewed within 7 days, and the end has passed), and the
 * month's retention (1 − churned ÷ active on the first day; none for a month that began without members). The retention curve follows the
 * memberships that started in the period: the share still running N months after their start, for
 * as many months as some of them are old.
 */
@Component
class MembershipRetention implements ReportBuilder {

    static final int RENEWAL_GRACE_DAYS = 7;
    static final int CURVE_MONTHS = 12;

    private final JdbcClient jdbc;

    MembershipRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ReportType type() {
        return ReportType.MEMBERSHIP_RETENTION;
    }

    /** A membership with the day it really ended (its end, or the day it was cancelled if earlier). */
    record Held(UUID client, LocalDate start, LocalDate end, boolean ended) {}

    List<Held> memberships(ReportScope scope) {
        return jdbc.sql("""
                SELECT client_id, starts_on,
                       least(ends_on, coalesce((cancelled_at AT TIME ZONE :zone)::date, ends_on)) AS effective_end,
                       status IN ('expired', 'cancelled') AS ended
                FROM report_client_memberships WHERE org_id = :org AND status <> 'pending' AND starts_on <= :to
                """)
                .param("org", scope.orgId())
                .param("zone", scope.zone().getId())
                .param("to", scope.to())
                .query((rs, n) -> new Held(
                        rs.getObject("client_id", UUID.class),
                        rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("effective_end", LocalDate.class),
                        rs.getBoolean("ended")))
                .list();
    }

    @Override
    public ReportData build(ReportScope scope) {
        List<Held> all = memberships(scope);
        LocalDate today = LocalDate.now(scope.zone());
        List<List<Object>> rows = new ArrayList<>();
        Map<String, Number> newSeries = new LinkedHashMap<>();
        Map<String, Number> churnSeries = new LinkedHashMap<>();
        long totalNew = 0;
        long totalChurned = 0;
        long activeAtStart = 0;
        YearMonth first = YearMonth.from(scope.from());
        for (YearMonth month = first; !month.isAfter(YearMonth.from(scope.to())); month = month.plusMonths(1)) {
            LocalDate m0 = month.atDay(1);
            LocalDate m1 = month.plusMonths(1).atDay(1);
            long active = all.stream()
                    .filter(h -> !h.start().isAfter(m0) && !h.end().isBefore(m0))
                    .map(Held::client)
                    .distinct()
                    .count();
            long started = all.stream()
                    .filter(h -> !h.start().isBefore(m0) && h.start().isBefore(m1))
                    .count();
            long churned = all.stream()
                    .filter(h -> churnedIn(h, m0, m1, today, all))
                    .map(Held::client)
                    .distinct()
                    .count();
            if (month.equals(first)) {
                activeAtStart = active;
            }
            totalNew += started;
            totalChurned += churned;
            rows.add(Arrays.asList(
                    month.toString(),
                    active,
                    started,
                    churned,
                    ReportData.rate(Math.max(0, active - churned), active)));
            newSeries.put(month.toString(), started);
            churnSeries.put(month.toString(), churned);
        }
        LocalDate end = scope.to().isAfter(today) ? today : scope.to();
        long activeAtEnd = all.stream()
                .filter(h -> !h.start().isAfter(end) && !h.end().isBefore(end))
                .map(Held::client)
                .distinct()
                .count();
        List<Held> cohort = all.stream()
                .filter(h -> !h.start().isBefore(scope.from()) && !h.start().isAfter(scope.to()))
                .toList();
        List<List<Object>> curveRows = new ArrayList<>();
        List<Number> curve = new ArrayList<>();
        List<String> offsets = new ArrayList<>();
        for (int k = 0; k <= CURVE_MONTHS; k++) {
            int months = k;
            long reached = cohort.stream()
                    .filter(h -> !h.start().plusMonths(months).isAfter(today))
                    .count();
            if (reached == 0) {
                break; // no membership of the period is that old yet
            }
            long running = cohort.stream()
                    .filter(h -> !h.start().plusMonths(months).isAfter(today)
                            && !h.end().isBefore(h.start().plusMonths(months)))
                    .count();
            curveRows.add(List.of((long) k, reached, running, ReportData.percent(running, reached)));
            offsets.add("M" + k);
            curve.add(ReportData.percent(running, reached));
        }
        List<Kpi> kpis = List.of(
                new Kpi("activeAtStart", "Members at start", activeAtStart, COUNT),
                new Kpi("activeAtEnd", "Members at end", activeAtEnd, COUNT),
                new Kpi("new", "New memberships", totalNew, COUNT),
                new Kpi("churned", "Churned members", totalChurned, COUNT),
                new Kpi(
                        "retention",
                        "Retention",
                        ReportData.rate(Math.max(0, activeAtStart + totalNew - totalChurned), activeAtStart + totalNew),
                        PERCENT));
        List<Table> tables = List.of(
                new Table(
                        "byMonth",
                        "Members per month",
                        List.of(
                                text("month", "Month"),
                                of("active", "Active on the 1st", COUNT),
                                of("new", "New", COUNT),
                                of("churned", "Churned", COUNT),
                                of("retention", "Retention", PERCENT)),
                        rows),
                new Table(
                        "retentionCurve",
                        "Retention curve (memberships started in the period)",
                        List.of(
                                of("monthsAfterStart", "Months after start", COUNT),
                                        of("memberships", "Memberships that far", COUNT),
                                of("running", "Still running", COUNT), of("retained", "Retained", PERCENT)),
                        curveRows));
        Map<String, List<Number>> newVersusChurned = new LinkedHashMap<>();
        newVersusChurned.put("New", List.copyOf(newSeries.values()));
        newVersusChurned.put("Churned", List.copyOf(churnSeries.values()));
        List<Chart> charts = List.of(
                new Chart(
                        "newVersusChurned",
                        "New and churned per month",
                        ReportData.Kind.BAR,
                        "Members",
                        List.copyOf(newSeries.keySet()),
                        newVersusChurned),
                new Chart(
                        "retentionCurve",
                        "Retention curve (%)",
                        ReportData.Kind.LINE,
                        "Retained %",
                        offsets,
                        Map.of("Retained", curve)));
        return new ReportData(type(), scope, kpis, tables, charts);
    }

    /** Ended in the month, the end has passed, and the client did not start another membership within the grace. */
    static boolean churnedIn(Held h, LocalDate m0, LocalDate m1, LocalDate today, List<Held> all) {
        if (!h.ended()
                || h.end().isBefore(m0)
                || !h.end().isBefore(m1)
                || !h.end().isBefore(today)) {
            return false;
        }
        LocalDate graceEnd = h.end().plusDays(RENEWAL_GRACE_DAYS);
        return all.stream()
                .noneMatch(o -> o != h
                        && o.client().equals(h.client())
                        && !o.start().isBefore(h.start())
                        && !o.start().isAfter(graceEnd)
                        && o.end().isAfter(h.end()));
    }
}
