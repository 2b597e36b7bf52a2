package io.wellbase.platform.internal.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What waits in the background, for an operator's dashboard: the event publications not completed yet (the outbox
 * depth; a growing one means a listener keeps failing) and the jobs by state (running on a node, due and waiting
 * for a worker, scheduled for later). Counted at most every 15 seconds, whatever the scrape interval.
 */
@Component
class BackgroundGauges implements SmartInitializingSingleton {

    private static final Duration REUSE = Duration.ofSeconds(15);

    private record Counts(Instant at, long outbox, long running, long due, long scheduled) {}

    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    private final AtomicReference<Counts> last = new AtomicReference<>();

    BackgroundGauges(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.meters = meters;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Gauge.builder("wellbase.outbox.depth", this, g -> g.counts().outbox())
                .description("Event publications not completed yet")
                .register(meters);
        Map.of("running", 0, "due", 1, "scheduled", 2)
                .forEach((state, i) -> Gauge.builder("wellbase.jobs", this, g -> switch (i) {
                            case 0 -> g.counts().running();
                            case 1 -> g.counts().due();
                            default -> g.counts().scheduled();
                        })
                        .tag("state", state)
                        .description("Background jobs and recurring tasks by state")
                        .register(meters));
    }

    Counts counts() {
        Counts known = last.get();
        Instant now = Instant.now();
        if (known != null && known.at().plus(REUSE).isAfter(now)) {
            return known;
        }
        Counts fresh = jdbc.sql("""
                SELECT (SELECT count(*) FROM event_publication WHERE completion_date IS NULL),
                       count(*) FILTER (WHERE picked),
                       count(*) FILTER (WHERE NOT picked AND execution_time <= now()),
                       count(*) FILTER (WHERE NOT picked AND execution_time > now())
                FROM scheduled_tasks
                """)
                .query((rs, n) -> new Counts(now, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
        last.set(fresh);
        return fresh;
    }
}
