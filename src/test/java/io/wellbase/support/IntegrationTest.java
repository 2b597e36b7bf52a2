package io.wellbase.support;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * Base of the integration tests: the whole application on a random port against real PostgreSQL,
 * one shared context (so keep its configuration identical across subclasses), and helpers that
 * sign people up through the API itself. The application's clock is {@link #clock}: the system's
 * unless a test fixes it, reset after every test.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "wellbase.platform.demo.enabled=false",
            "wellbase.platform.rate-limits.anonymous-per-minute=100000",
            "wellbase.platform.rate-limits.authenticated-per-minute=100000",
            "wellbase.platform.rate-limits.uploads-per-minute=100000",
            "wellbase.platform.events.retry-after=1s",
            "wellbase.platform.events.retry-interval=1s",
            "wellbase.identity.argon2.memory-kib=1024",
            "wellbase.identity.argon2.iterations=1",
            "db-scheduler.polling-interval=200ms",
            "wellbase.files.local.root=target/test-files",
            // webhook receivers in tests listen on 127.0.0.1 over plain HTTP; every other internal address stays
            // refused
            "wellbase.notifications.webhooks.require-https=false",
            "wellbase.notifications.webhooks.allowed-hosts=127.0.0.1",
            "spring.mail.properties.mail.smtp.connectiontimeout=2000",
            "spring.mail.properties.mail.smtp.timeout=5000",
            "wellbase.messaging.presence-grace=500ms",
            // small enough that a test reaches it with a few memberships counted per day
            "wellbase.insights.max-groups=300",
            // one browser front end may call the API (CorsIntegrationTests)
            "wellbase.platform.http.cors-allowed-origins=https://app.example.test",
            "logging.level.io.wellbase=WARN"
        })
@org.springframework.context.annotation.Import(TestCrisisClassifier.class)
public abstract class IntegrationTest {

    public static final String PASSWORD = "correct-horse-battery-staple";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected Api api;

    /** The application's clock; one instance for the one shared context. */
    protected static final TestClock clock = new TestClock(ZoneId.systemDefault());

    @TestBean(name = "clock", methodName = "applicationClock")
    Clock applicationClock;

    static Clock applicationClock() {
        return clock;
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String database = TestDatabase.urlForThisContext();
        registry.add("wellbase.platform.db.url", () -> database);
        registry.add("wellbase.platform.db.user", TestDatabase::user);
        registry.add("wellbase.platform.db.password", TestDatabase::password);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestSmtp::port);
        registry.add("wellbase.billing.stripe.api-base", LocalStripe::baseUrl);
    }

    @BeforeEach
    void setUpApi() {
        api = new Api(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A signed-up user with tokens. */
    public record Account(UUID userId, String email, String accessToken, String refreshToken) {}

    protected static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    protected Account register(String prefix) {
        String email = uniqueEmail(prefix);
        Api.Response r = api.post(
                "/api/v1/auth/register",
                Map.of("email", email, "password", PASSWORD, "firstName", "Test", "lastName", prefix),
                null);
        if (r.status() != 201) {
            throw new AssertionError("register failed: " + r);
        }
        return new Account(UUID.fromString(r.field("user.id")), email, r.field("accessToken"), r.field("refreshToken"));
    }

    /** A new user who owns a new organization, with a token scoped to it. */
    protected Owner ownerWithOrganization(String name) {
        Account account = register("owner");
        Api.Response org = api.post(
                "/api/v1/organizations",
                Map.of("name", name, "timezone", "Europe/Berlin", "currency", "EUR", "country", "DE"),
                account.accessToken());
        if (org.status() != 201) {
            throw new AssertionError("create organization failed: " + org);
        }
        UUID orgId = org.id();
        Api.Response switched =
                api.post("/api/v1/auth/switch-organization", Map.of("organizationId", orgId), account.accessToken());
        return new Owner(
                account.userId(),
                account.email(),
                orgId,
                switched.field("accessToken"),
                switched.field("refreshToken"));
    }

    /** An owner with a token scoped to their organization. */
    public record Owner(UUID userId, String email, UUID orgId, String token, String refreshToken) {}

    /**
     * Invites the client to the portal and accepts as a new user with {@link #PASSWORD}: the access token
     * of the client's own account (role client).
     */
    protected String portalToken(Owner owner, UUID clientId, String email) {
        Api.Response invited = api.post("/api/v1/clients/" + clientId + "/portal-invitations", Map.of(), owner.token());
        if (invited.status() != 202) {
            throw new AssertionError(invited.toString());
        }
        Api.Response accepted = api.post(
                "/api/v1/auth/client-invitations/accept",
                Map.of("token", tokenIn(lastEmailBody(email, "client_invitation")), "password", PASSWORD),
                null);
        if (accepted.status() != 200) {
            throw new AssertionError(accepted.toString());
        }
        return accepted.field("accessToken");
    }

    /** Reads a count until it is {@code expected} (15 s at most) and answers the last value read. */
    protected static long eventuallyCount(java.util.function.Supplier<Long> read, long expected)
            throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plus(java.time.Duration.ofSeconds(15));
        long value = read.get();
        while (value != expected && java.time.Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            value = read.get();
        }
        return value;
    }

    /** How many outbox rows of a notification type the organization has. */
    protected long deliveriesOf(UUID orgId, String type) {
        return jdbc.sql("SELECT count(*) FROM notification_deliveries WHERE org_id = :org AND type = :type")
                .param("org", orgId)
                .param("type", type)
                .query(Long.class)
                .single();
    }

    /** The newest account email of a kind (password_reset, invitation, …) in the outbox to an address. */
    protected String lastEmailBody(String to, String kind) {
        return jdbc.sql("""
                SELECT body FROM notification_deliveries
                WHERE channel = 'email' AND lower(recipient) = lower(:to) AND type = :type
                ORDER BY created_at DESC, id DESC LIMIT 1
                """)
                .param("to", to)
                .param("type", "account." + kind)
                .query(String.class)
                .single();
    }

    protected static String tokenIn(String body) {
        return body.lines()
                .filter(l -> l.startsWith("Token: "))
                .findFirst()
                .orElseThrow()
                .substring(7)
                .trim();
    }
}
