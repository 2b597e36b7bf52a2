package io.wellbase.billing.internal.dunning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.data.Rows;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.RequestDates;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Dunning figures per month of the first failure: how many renewals failed, came back, and lapsed. */
@RestController
@Tag(name = "Billing")
class DunningController {

    private final JdbcClient jdbc;
    private final Clock clock;

    DunningController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One month. {@code recoveredByRetry} of {@code recovered} came back through a retry of the saved card;
     * {@code involuntaryChurn} lapsed unpaid; {@code recoveryRate} is recovered / failed (0 when none failed).
     */
    record Month(
            String month,
            long failed,
            long recovered,
            long recoveredByRetry,
            long open,
            long involuntaryChurn,
            double recoveryRate,
            long recoveredAmount) {}

    record Summary(String currencyNote, List<Month> months) {}

    @GetMapping("/api/v1/billing/dunning/summary")
    @RequiresPermission(Permission.BILLING_MANAGE)
    @Operation(summary = "Failed renewal charges, recovered by retry, recovery rate and involuntary churn per month")
    @Transactional(readOnly = true)
    Summary summary(
            Caller caller,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        var org = caller.requireOrganization();
        LocalDate today = LocalDate.now(clock);
        LocalDate start = RequestDates.date("from", from, today.minusMonths(11).withDayOfMonth(1));
        LocalDate end = RequestDates.date("to", to, today);
        var months = jdbc.sql("""
                SELECT to_char(date_trunc('month', first_failed_on), 'YYYY-MM') AS month,
                       count(*) AS failed,
                       count(*) FILTER (WHERE status = 'recovered') AS recovered,
                       count(*) FILTER (WHERE status = 'recovered' AND recovered_by = 'retry') AS recovered_by_retry,
                       count(*) FILTER (WHERE status IN ('retrying', 'grace')) AS open,
                       count(*) FILTER (WHERE status = 'lapsed') AS involuntary_churn,
                       round(count(*) FILTER (WHERE status = 'recovered')::numeric / count(*), 4)::float8 AS recovery_rate,
                       coalesce(sum(amount) FILTER (WHERE status = 'recovered'), 0) AS recovered_amount
                FROM dunning_cases
                WHERE org_id = :org AND first_failed_on BETWEEN :start AND :end
                GROUP BY 1 ORDER BY 1
                """)
                .param("org", org)
                .param("start", start)
                .param("end", end)
                .query(Rows.of(Month.class))
                .list();
        return new Summary("amounts in minor units of the organization's currency", months);
    }
}
