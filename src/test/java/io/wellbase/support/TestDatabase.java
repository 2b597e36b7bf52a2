package io.wellbase.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.boot.SpringApplication;

/**
 * One PostgreSQL database for the whole test JVM: a fresh database on the server named by
 * {@code WELLBASE_TEST_DB_URL} (user and password in {@code WELLBASE_TEST_DB_USER} and
 * {@code WELLBASE_TEST_DB_PASSWORD}) when set, otherwise on an embedded PostgreSQL 17 started once.
 * The application reaches it through {@code WELLBASE_DB_URL}, the same path production uses.
 */
public final class TestDatabase {

    private static String serverUrl;
    private static String url;
    private static String pendingSeparateUrl;
    private static String user;
    private static String password;

    private TestDatabase() {}

    public static synchronized String url() {
        if (url == null) {
            start();
        }
        return url;
    }

    public static synchronized String user() {
        url();
        return user;
    }

    public static synchronized String password() {
        url();
        return password;
    }

    /**
     * Asks that the test context being created now get a fresh database of its own: every context's db-scheduler
     * polls the database it is given, so a context with settings of its own (a model stand-in, say) keeps its jobs
     * from the other contexts of the JVM this way. A subclass's {@code @DynamicPropertySource} method calls it;
     * {@link IntegrationTest}'s, which Spring calls after the subclass's, takes the database (a property registered
     * by the subclass itself would be overwritten by the base class's).
     */
    public static synchronized void separateForThisContext() {
        pendingSeparateUrl = freshUrl();
    }

    /** A fresh database of its own on the same server (for a context that registers its own properties). */
    public static synchronized String freshUrl() {
        url();
        return withDatabase(serverUrl, create());
    }

    /** The database of the context being created: the shared one unless a separate one was asked for. */
    static synchronized String urlForThisContext() {
        String separate = pendingSeparateUrl;
        pendingSeparateUrl = null;
        return separate != null ? separate : url();
    }

    private static void start() {
        String external = System.getenv("WELLBASE_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            serverUrl = external;
            user = System.getenv().getOrDefault("WELLBASE_TEST_DB_USER", "postgres");
            password = System.getenv().getOrDefault("WELLBASE_TEST_DB_PASSWORD", "");
        } else {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
                // after Spring has closed every test context: a JVM hook of its own raced the contexts' shutdown,
                // which then waited for connections to a stopped server (30 s past System.exit in CI)
                SpringApplication.getShutdownHandlers().add(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is ending anyway
                    }
                });
                serverUrl = postgres.getJdbcUrl("postgres", "postgres");
                user = "postgres";
                password = "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        url = withDatabase(serverUrl, create());
    }

    private static String create() {
        String database =
                "wellbase_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password)) {
            connection.createStatement().execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database on " + serverUrl, e);
        }
        String external = System.getenv("WELLBASE_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            String server = serverUrl;
            SpringApplication.getShutdownHandlers().add(() -> dropQuietly(server, database));
        }
        return database;
    }

    private static void dropQuietly(String serverUrl, String database) {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password)) {
            connection.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // best effort; a leftover test database is harmless
        }
    }

    static String withDatabase(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + database + params;
    }
}
