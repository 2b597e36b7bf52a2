package io.wellbase.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events go through the JDBC publication registry: a listener that fails is retried by the
 * event-publication-retry job until it succeeds, and the publication is then marked completed.
 */
@SpringBootTest(
        properties = {
            "wellbase.platform.demo.enabled=false",
            "wellbase.platform.events.retry-after=500ms",
            "wellbase.platform.events.retry-interval=500ms",
            "db-scheduler.polling-interval=200ms",
            "logging.level.io.wellbase=WARN"
        })
@DirtiesContext
class EventPublicationIntegrationTests {

    /** An event only this test publishes. */
    record SomethingHappened(UUID id) {}

    static final AtomicInteger ATTEMPTS = new AtomicInteger();

    @TestConfiguration
    static class FlakyListenerConfig {

        @Bean
        FlakyListener flakyListener() {
            return new FlakyListener();
        }
    }

    static class FlakyListener {

        @ApplicationModuleListener
        void on(SomethingHappened event) {
            if (ATTEMPTS.incrementAndGet() < 3) {
                throw new IllegalStateException("failing on purpose, attempt " + ATTEMPTS.get());
            }
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // a database of its own: another context's publication-retry job would resubmit this context's failed
        // publication, find no listener for it there and never complete it
        String database = TestDatabase.freshUrl();
        registry.add("wellbase.platform.db.url", () -> database);
        registry.add("wellbase.platform.db.user", TestDatabase::user);
        registry.add("wellbase.platform.db.password", TestDatabase::password);
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFailingListenerIsRetriedUntilItSucceeds() throws InterruptedException {
        UUID id = UUID.randomUUID();
        tx.executeWithoutResult(status -> events.publishEvent(new SomethingHappened(id)));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Integer completed = 0;
        while (Instant.now().isBefore(deadline)) {
            completed = jdbc.sql("""
                    SELECT count(*) FROM event_publication
                    WHERE serialized_event LIKE :id AND completion_date IS NOT NULL
                    """)
                    .param("id", "%" + id + "%")
                    .query(Integer.class)
                    .single();
            if (completed == 1) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(completed).as("publication completed after retries").isEqualTo(1);
        assertThat(ATTEMPTS.get()).isGreaterThanOrEqualTo(3);
    }
}
