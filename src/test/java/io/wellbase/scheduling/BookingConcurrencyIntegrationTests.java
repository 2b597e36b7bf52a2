package io.wellbase.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Capacity holds whatever the concurrency: many requests for the last seat, exactly one wins; a
 * storm of bookings and cancellations leaves confirmed ≤ capacity and the counters exact.
 */
class BookingConcurrencyIntegrationTests extends IntegrationTest {

    private static <T> List<T> race(int threads, List<java.util.concurrent.Callable<T>> tasks) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (var task : tasks) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
        }
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        return results;
    }

    @Test
    void manyRequestsForTheLastSeatExactlyOneWins() throws Exception {
        Owner owner = ownerWithOrganization("Last seat");
        var f = SchedulingFixture.create(api, owner.token());
        UUID session = f.session(1);
        List<UUID> clients = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            clients.add(f.member("C" + i));
        }
        List<java.util.concurrent.Callable<Integer>> tasks = new ArrayList<>();
        for (UUID client : clients) {
            tasks.add(() -> f.book(session, client, false).status());
        }
        List<Integer> statuses = race(30, tasks);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(statuses).filteredOn(s -> s != 201).containsOnly(409);
        assertThat(api.get("/api/v1/sessions/" + session, owner.token()).field("spotsLeft"))
                .isEqualTo("0");
    }

    @Test
    void stormsOfBookingsAndCancellationsKeepCapacityAndOrder() throws Exception {
        Owner owner = ownerWithOrganization("Storm");
        var f = SchedulingFixture.create(api, owner.token());
        int capacity = 5;
        UUID session = f.session(capacity);
        List<UUID> clients = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            clients.add(f.member("S" + i));
        }
        List<java.util.concurrent.Callable<String>> tasks = new ArrayList<>();
        for (UUID client : clients) {
            tasks.add(() -> {
                Api.Response r = f.book(session, client, true);
                if (r.status() == 201 && client.hashCode() % 2 == 0) {
                    api.post("/api/v1/bookings/" + r.id() + "/cancel", Map.of(), owner.token());
                    return "cancelled";
                }
                return r.field("status");
            });
        }
        race(12, tasks);

        int confirmed = jdbc.sql("SELECT count(*) FROM bookings WHERE session_id = :s AND status = 'confirmed'")
                .param("s", session)
                .query(Integer.class)
                .single();
        int counter = jdbc.sql("SELECT confirmed_count FROM class_sessions WHERE id = :s")
                .param("s", session)
                .query(Integer.class)
                .single();
        int waitlisted = jdbc.sql("SELECT count(*) FROM bookings WHERE session_id = :s AND status = 'waitlisted'")
                .param("s", session)
                .query(Integer.class)
                .single();
        assertThat(confirmed).isLessThanOrEqualTo(capacity).isEqualTo(counter);
        assertThat(confirmed == capacity || waitlisted == 0)
                .as("a free seat never stays free while people wait")
                .isTrue();
        Long lastPromoted = jdbc.sql("""
                SELECT coalesce(max(waitlist_position), 0) FROM bookings
                WHERE session_id = :s AND status = 'confirmed' AND waitlist_position IS NOT NULL
                """).param("s", session).query(Long.class).single();
        Long firstWaiting = jdbc.sql("""
                SELECT coalesce(min(waitlist_position), 9223372036854775807) FROM bookings
                WHERE session_id = :s AND status = 'waitlisted'
                """).param("s", session).query(Long.class).single();
        assertThat(lastPromoted).as("promotions follow the waitlist order").isLessThan(firstWaiting);
        int creditsUsed = jdbc.sql("""
                SELECT -coalesce(sum(l.delta), 0) FROM credit_ledger l JOIN bookings b ON b.id = l.booking_id
                WHERE b.session_id = :s
                """).param("s", session).query(Integer.class).single();
        assertThat(creditsUsed).as("exactly one credit per confirmed seat").isEqualTo(confirmed);
    }
}
