package io.wellbase.platform.internal.db;

import io.wellbase.platform.PlatformProperties;
import io.wellbase.platform.data.LocalSecrets;
import io.wellbase.platform.data.Secrets;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL, set up for real data: fsync and synchronous commits on, a password (made at
 * installation, kept owner-only beside the data) required on every connection, and no shutdown hook of
 * its own, so the application stops it after everything that uses it.
 *
 * @param server   the running server
 * @param jdbcUrl  where to connect
 * @param password the {@code postgres} user's password
 */
record EmbeddedDatabase(EmbeddedPostgres server, String jdbcUrl, String password) {

    static final String USER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** The file that keeps the embedded database's password: beside the data directory. */
    static Path passwordFile(Path dataDir) {
        return LocalSecrets.file(dataDir, "db-password");
    }

    /**
     * The embedded server a running Wellbase has open on this data directory (its port is in
     * {@code postmaster.pid}), or null when none answers; {@link #server()} is then null too.
     */
    static EmbeddedDatabase running(PlatformProperties.Db db) {
        Path dataDir = Path.of(db.embeddedDataDir()).toAbsolutePath();
        Path pid = dataDir.resolve("postmaster.pid");
        Path secret = passwordFile(dataDir);
        if (!Files.exists(pid) || !Files.exists(secret)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(pid, StandardCharsets.UTF_8);
            String url = "jdbc:postgresql://localhost:" + lines.get(3).strip() + "/postgres";
            String password = Files.readString(secret, StandardCharsets.UTF_8).strip();
            Properties props = new Properties();
            props.setProperty("user", USER);
            props.setProperty("password", password);
            DriverManager.getConnection(url, props).close();
            return new EmbeddedDatabase(null, url, password);
        } catch (IOException | SQLException | RuntimeException e) {
            return null;
        }
    }

    static EmbeddedDatabase start(PlatformProperties.Db db) {
        Path dataDir = Path.of(db.embeddedDataDir()).toAbsolutePath();
        String password = LocalSecrets.readOrCreate(passwordFile(dataDir), Secrets::newToken);
        boolean fresh = !Files.exists(dataDir.resolve("PG_VERSION"));
        try {
            Files.createDirectories(dataDir);
            Path pwfile = null;
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("listen_addresses", "localhost")
                    .setConnectConfig("password", password);
            if (fresh) {
                pwfile = Files.createTempFile("wellbase-pw", ".txt");
                Files.writeString(pwfile, password, StandardCharsets.UTF_8);
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", pwfile.toString());
            }
            if (db.embeddedPort() > 0) {
                builder.setPort(db.embeddedPort());
            }
            EmbeddedPostgres postgres;
            try {
                postgres = builder.start();
            } finally {
                if (pwfile != null) {
                    Files.deleteIfExists(pwfile);
                }
            }
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            requirePasswords(dataDir, url, password);
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDir);
            return new EmbeddedDatabase(postgres, url, password);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * A data directory made by an earlier version trusts every local connection: give the superuser the
     * password and require it from now on.
     */
    private static void requirePasswords(Path dataDir, String url, String password) throws IOException {
        Path hba = dataDir.resolve("pg_hba.conf");
        List<String> lines = Files.readAllLines(hba, StandardCharsets.UTF_8);
        boolean trusts = lines.stream()
                .anyMatch(l -> !l.strip().startsWith("#") && l.strip().endsWith("trust"));
        if (!trusts) {
            return;
        }
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", password);
        try (Connection c = DriverManager.getConnection(url, props)) {
            // a utility statement takes no parameters: the literal is quoted (the password is URL-safe base64)
            c.createStatement().execute("ALTER USER postgres PASSWORD '" + password.replace("'", "''") + "'");
            Files.write(
                    hba,
                    lines.stream()
                            .map(l -> l.strip().startsWith("#") ? l : l.replaceAll("\\btrust\\s*$", "scram-sha-256"))
                            .toList(),
                    StandardCharsets.UTF_8);
            c.createStatement().execute("SELECT pg_reload_conf()");
            log.warn(
                    "The embedded database trusted every local connection; it now requires the password in {}",
                    passwordFile(dataDir));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set the embedded database's password", e);
        }
    }
}
