package io.wellbase.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * One PostgreSQL database for the whole test JVM: a fresh database on the server named by
 * {@code WELLBASE_TEST_DB_URL} (user and password in {@code WELLBASE_TEST_DB_USER} and
 * {@code WELLBASE_TEST_DB_PASSWORD}) when set, otherwise on an embedded PostgreSQL 17 started once.
 * The application reaches it through {@code WELLBASE_DB_URL}, the same path production uses.
 */
public final class TestDatabase {

    private static String url;
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

    private static void start() {
        String external = System.getenv("WELLBASE_TEST_DB_URL");
        String serverUrl;
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
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is ending anyway
                    }
                }));
                serverUrl = postgres.getJdbcUrl("postgres", "postgres");
                user = "postgres";
                password = "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String database =
                "wellbase_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password)) {
            connection.createStatement().execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database on " + serverUrl, e);
        }
        url = withDatabase(serverUrl, database);
        if (external != null && !external.isBlank()) {
            String server = serverUrl;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(server, database)));
        }
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
