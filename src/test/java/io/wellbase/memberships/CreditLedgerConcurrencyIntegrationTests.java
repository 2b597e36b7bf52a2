package io.wellbase.memberships;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.IntegrationTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many bookings racing for the last credits: exactly as many win as there were credits, the
 * balance ends at zero and never goes below it; cancellations in time give credits back.
 */
class CreditLedgerConcurrencyIntegrationTests extends IntegrationTest {

    /** The test organizations' zone: a membership sold today starts on this day there. */
    private static final java.time.ZoneId BERLIN = java.time.ZoneId.of("Europe/Berlin");

    @Autowired
    Entitlements entitlements;

    @Autowired
    TransactionTemplate tx;

    @Test
    void concurrentReservationsNeverOverdrawAPack() throws Exception {
        Owner owner = ownerWithOrganization("Race");
        UUID client = api.post("/api/v1/clients", Map.of("firstName", "R", "lastName", "Ace"), owner.token())
                .id();
        UUID plan = api.post(
                        "/api/v1/membership-plans",
                        Map.of(
                                "name",
                                "3 pack",
                                "kind",
                                "class_pack",
                                "credits",
                                3,
                                "price",
                                Map.of("amount", 3000, "currency", "EUR"),
                                "periodUnit",
                                "month",
                                "periodCount",
                                1),
                        owner.token())
                .id();
        UUID membership = api.post(
                        "/api/v1/clients/" + client + "/memberships",
                        Map.of("planId", plan, "paymentMethod", "cash"),
                        owner.token())
                .id();

        int contenders = 40;
        OffsetDateTime startsAt =
                LocalDate.now(BERLIN).atTime(18, 0).atZone(BERLIN).toOffsetDateTime();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < contenders; i++) {
                outcomes.add(pool.submit(() -> {
                    go.await();
                    return outcome(tx.execute(s -> entitlements.reserve(
                            owner.orgId(),
                            client,
                            UUID.randomUUID(),
                            new Entitlements.Coverage(null, null, null),
                            startsAt)));
                }));
            }
            go.countDown();
        }
        List<String> results = new ArrayList<>();
        for (Future<String> f : outcomes) {
            results.add(f.get());
        }
        assertThat(results.stream().filter("ok"::equals).count()).isEqualTo(3);
        assertThat(results.stream().filter(r -> !r.equals("ok"))).containsOnly("membership.no_credits");
        assertThat(api.get("/api/v1/memberships/" + membership, owner.token()).field("creditsRemaining"))
                .isEqualTo("0");
        Integer negativeEver =
                jdbc.sql("""
                SELECT count(*) FROM (
                  SELECT sum(delta) OVER (ORDER BY created_at, id) AS running FROM credit_ledger WHERE membership_id = :m
                ) r WHERE running < 0
                """).param("m", membership).query(Integer.class).single();
        assertThat(negativeEver).isZero();
    }

    @Test
    void releaseGivesTheCreditBackOnceAndUnlimitedPlansHonourWeeklyLimits() {
        Owner owner = ownerWithOrganization("Release");
        UUID client = api.post("/api/v1/clients", Map.of("firstName", "L", "lastName", "Imit"), owner.token())
                .id();
        UUID unlimited = api.post(
                        "/api/v1/membership-plans",
                        Map.of(
                                "name",
                                "2 a week",
                                "kind",
                                "unlimited",
                                "weeklyBookingLimit",
                                2,
                                "price",
                                Map.of("amount", 9000, "currency", "EUR"),
                                "periodUnit",
                                "month",
                                "periodCount",
                                1),
                        owner.token())
                .id();
        api.post(
                "/api/v1/clients/" + client + "/memberships",
                Map.of("planId", unlimited, "paymentMethod", "cash"),
                owner.token());
        OffsetDateTime day = LocalDate.now(BERLIN).atTime(9, 0).atZone(BERLIN).toOffsetDateTime();
        UUID first = UUID.randomUUID();
        var coverage = new Entitlements.Coverage(null, null, null);
        tx.executeWithoutResult(s -> entitlements.reserve(owner.orgId(), client, first, coverage, day));
        tx.executeWithoutResult(s -> entitlements.reserve(owner.orgId(), client, UUID.randomUUID(), coverage, day));
        String third =
                outcome(tx.execute(s -> entitlements.reserve(owner.orgId(), client, UUID.randomUUID(), coverage, day)));
        assertThat(third).isEqualTo("membership.weekly_limit_reached");
        tx.executeWithoutResult(s -> entitlements.release(owner.orgId(), first));
        tx.executeWithoutResult(s -> entitlements.release(owner.orgId(), first));
        tx.executeWithoutResult(s -> entitlements.reserve(owner.orgId(), client, UUID.randomUUID(), coverage, day));
        assertThat(jdbc.sql("SELECT count(*) FROM credit_ledger WHERE booking_id = :b AND reason = 'refund'")
                        .param("b", first)
                        .query(Integer.class)
                        .single())
                .as("released once")
                .isEqualTo(1);
    }

    private static String outcome(Entitlements.Reservation reservation) {
        return switch (reservation) {
            case Entitlements.Entitlement covered -> "ok";
            case Entitlements.NotCovered(Entitlements.Reason reason) -> reason.code();
        };
    }
}
