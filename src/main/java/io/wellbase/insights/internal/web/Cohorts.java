package io.wellbase.insights.internal.web;

import io.wellbase.insights.internal.semantic.Figures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly cohorts by first visit: for each month, the clients whose first visit fell in it, and the share of
 * them who came again in each following month (month 0 is 100 % by definition).
 */
@Component
class Cohorts {

    static final int MONTHS_AFTER = 12;

    record Cohort(LocalDate month, long clients, List<BigDecimal> retained) {}

    private final JdbcClient jdbc;

    Cohorts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<Cohort> of(UUID org, LocalDate fromMonth, LocalDate toMonth, LocalDate today) {
        Map<LocalDate, long[]> counts = new LinkedHashMap<>();
        jdbc.sql("""
                WITH visits AS (
                    SELECT DISTINCT b.client_id, date_trunc('month', cs.local_date)::date AS month
                    FROM report_bookings b
                    JOIN report_class_sessions cs ON cs.org_id = b.org_id AND cs.id = b.session_id
                    WHERE b.org_id = :org AND cs.org_id = :org AND b.status = 'attended' AND cs.status = 'scheduled'
                      AND cs.local_date <= :today
                ), firsts AS (
                    SELECT client_id, min(month) AS cohort FROM visits GROUP BY client_id
                )
                SELECT cohort, k, count(DISTINCT client_id) AS clients
                FROM (SELECT f.cohort, v.client_id,
                             ((extract(year FROM v.month) - extract(year FROM f.cohort)) * 12
                              + extract(month FROM v.month) - extract(month FROM f.cohort))::int AS k
                      FROM firsts f JOIN visits v ON v.client_id = f.client_id AND v.month >= f.cohort
                      WHERE f.cohort BETWEEN :from AND :to) x
                WHERE k < :after
                GROUP BY 1, 2
                ORDER BY 1, 2
                """)
                .param("org", org)
                .param("today", today)
                .param("from", fromMonth)
                .param("to", toMonth)
                .param("after", MONTHS_AFTER)
                .query(rs -> {
                    long[] row = counts.computeIfAbsent(
                            rs.getObject("cohort", LocalDate.class), m -> new long[MONTHS_AFTER]);
                    row[rs.getInt("k")] = rs.getLong("clients");
                });
        List<Cohort> cohorts = new ArrayList<>();
        LocalDate thisMonth = today.withDayOfMonth(1);
        counts.forEach((month, row) -> {
            List<BigDecimal> retained = new ArrayList<>();
            for (int k = 0; k < MONTHS_AFTER && !month.plusMonths(k).isAfter(thisMonth); k++) {
                retained.add(row[0] == 0 ? BigDecimal.ZERO : Figures.percent(row[k], row[0]));
            }
            cohorts.add(new Cohort(month, row[0], retained));
        });
        return cohorts;
    }
}
