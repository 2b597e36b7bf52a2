package io.wellbase.platform.internal.db;

import io.wellbase.platform.PlatformProperties;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A consistent backup of the whole database in one file, and its restore, without any PostgreSQL
 * client tools (the embedded server ships none): every table is copied out inside one read-only,
 * repeatable-read transaction (a single snapshot, taken while the server keeps serving), into a zip
 * with a manifest naming the schema version. A restore needs an empty database: it builds the schema
 * with the application's own migrations up to that version, loads the rows, sets the sequences and
 * refreshes the statistics; the next start migrates further if the application is newer.
 * Used by {@code bin/backup} and {@code bin/restore} (through {@code java -jar wellbase.jar backup|restore}).
 */
public final class DatabaseBackup {

    private static final String FORMAT = "wellbase-backup-1";
    private static final String SCHEMA_HISTORY = "flyway_schema_history";

    private DatabaseBackup() {}

    /** Where to connect, and the embedded server to stop afterwards if this tool started it. */
    record Target(String url, String user, String password, AutoCloseable server) implements AutoCloseable {
        Connection connect() throws SQLException {
            Properties props = new Properties();
            props.setProperty("user", user);
            if (password != null) {
                props.setProperty("password", password);
            }
            props.setProperty("ApplicationName", "wellbase-backup");
            return DriverManager.getConnection(url, props);
        }

        @Override
        public void close() throws Exception {
            if (server != null) {
                server.close();
            }
        }
    }

    /** Writes every table of the database into {@code file}; answers the rows written per table. */
    static Map<String, Long> backup(Target target, Path file) throws SQLException, IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = target.connect();
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            String version = schemaVersion(c);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables(c)) {
                zip.putNextEntry(new ZipEntry("tables/" + table + ".copy"));
                rows.put(table, copy.copyOut("COPY public." + quote(table) + " TO STDOUT", new NonClosing(zip)));
                zip.closeEntry();
            }
            StringBuilder manifest = new StringBuilder(
                    "format=" + FORMAT + "\nschemaVersion=" + version + "\ncreatedAt=" + Instant.now() + "\n");
            rows.forEach((table, n) -> manifest.append("table.")
                    .append(table)
                    .append('=')
                    .append(n)
                    .append('\n'));
            for (Map.Entry<String, Long> seq : sequences(c).entrySet()) {
                manifest.append("sequence.")
                        .append(seq.getKey())
                        .append('=')
                        .append(seq.getValue())
                        .append('\n');
            }
            zip.putNextEntry(new ZipEntry("manifest.properties"));
            zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            c.rollback();
        }
        Files.move(
                partial,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return rows;
    }

    /** Loads a backup into an empty database; answers the rows loaded per table. */
    static Map<String, Long> restore(Target target, Path file) throws SQLException, IOException {
        Properties manifest = manifest(file);
        if (!FORMAT.equals(manifest.getProperty("format"))) {
            throw new IllegalArgumentException(file + " is not a Wellbase backup");
        }
        try (Connection c = target.connect()) {
            if (!tables(c).isEmpty()) {
                throw new IllegalStateException("The target database is not empty: restore into a new, empty one");
            }
        }
        Flyway.configure()
                .dataSource(target.url(), target.user(), target.password())
                .locations("classpath:db/migration")
                .target(manifest.getProperty("schemaVersion"))
                .load()
                .migrate();
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = target.connect();
                ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // the rows are loaded as they were, in any order: foreign keys and triggers wait
                s.execute("SET session_replication_role = replica");
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (!name.startsWith("tables/") || !name.endsWith(".copy")) {
                    continue;
                }
                String table = name.substring("tables/".length(), name.length() - ".copy".length());
                if (table.equals(SCHEMA_HISTORY)) {
                    continue;
                }
                try (Statement s = c.createStatement()) {
                    s.execute("DELETE FROM public." + quote(table));
                }
                rows.put(table, copy.copyIn("COPY public." + quote(table) + " FROM STDIN", new NonClosingIn(zip)));
            }
            for (String key : manifest.stringPropertyNames()) {
                if (key.startsWith("sequence.")) {
                    try (var s = c.prepareStatement("SELECT setval(?::regclass, ?)")) {
                        s.setString(1, "public." + quote(key.substring("sequence.".length())));
                        s.setLong(2, Long.parseLong(manifest.getProperty(key)));
                        s.execute();
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("SET session_replication_role = origin");
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("ANALYZE");
            }
        }
        for (String key : manifest.stringPropertyNames()) {
            if (key.startsWith("table.") && !key.equals("table." + SCHEMA_HISTORY)) {
                String table = key.substring("table.".length());
                if (rows.getOrDefault(table, -1L) != Long.parseLong(manifest.getProperty(key))) {
                    throw new IllegalStateException("Table " + table + " was restored with " + rows.get(table)
                            + " rows; the backup holds " + manifest.getProperty(key));
                }
            }
        }
        return rows;
    }

    static Properties manifest(Path file) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals("manifest.properties")) {
                    Properties p = new Properties();
                    p.load(new java.io.InputStreamReader(zip, StandardCharsets.UTF_8));
                    return p;
                }
            }
        }
        throw new IllegalArgumentException(file + " has no manifest: not a Wellbase backup");
    }

    private static String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM " + SCHEMA_HISTORY
                        + " WHERE success AND version IS NOT NULL " + "ORDER BY installed_rank DESC LIMIT 1")) {
            if (!rs.next()) {
                throw new IllegalStateException("The database has no Wellbase schema to back up");
            }
            return rs.getString(1);
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                ORDER BY c.relname
                """)) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static Map<String, Long> sequences(Connection c) throws SQLException {
        Map<String, Long> values = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' AND last_value IS NOT NULL")) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getLong(2));
            }
        }
        return values;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The embedded database of a data directory, or the external one the environment names. */
    static Target target(PlatformProperties.Db db) {
        if (!db.embedded()) {
            return new Target(db.url(), db.user(), db.password(), null);
        }
        EmbeddedDatabase running = EmbeddedDatabase.running(db);
        if (running != null) {
            return new Target(running.jdbcUrl(), EmbeddedDatabase.USER, running.password(), null);
        }
        EmbeddedDatabase started = EmbeddedDatabase.start(db);
        return new Target(started.jdbcUrl(), EmbeddedDatabase.USER, started.password(), started.server());
    }

    /** Whether the command line asks for a backup or a restore rather than the server. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    /**
     * {@code backup FILE} or {@code restore FILE} against the database the server would use:
     * {@code WELLBASE_DB_URL} (with {@code WELLBASE_DB_USER}, {@code WELLBASE_DB_PASSWORD}) when set,
     * otherwise the embedded one under {@code WELLBASE_DATA_DIR} (default {@code .wellbase}).
     */
    public static int run(String[] args) {
        Map<String, String> env = System.getenv();
        String dataDir = env.getOrDefault("WELLBASE_DATA_DIR", ".wellbase");
        return run(
                args,
                new PlatformProperties.Db(
                        env.get("WELLBASE_DB_URL"),
                        env.get("WELLBASE_DB_USER"),
                        env.get("WELLBASE_DB_PASSWORD"),
                        dataDir + "/pgdata",
                        0,
                        2,
                        0,
                        null,
                        1));
    }

    /** The same against the given database settings. */
    public static int run(String[] args, PlatformProperties.Db db) {
        if (args.length != 2 || !isCommand(args)) {
            System.err.println("usage: backup FILE | restore FILE");
            return 2;
        }
        Path file = Path.of(args[1]).toAbsolutePath();
        try (Target target = target(db)) {
            Map<String, Long> rows = args[0].equals("backup") ? backup(target, file) : restore(target, file);
            long total = rows.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf(
                    "%s %s: %d tables, %d rows%n",
                    args[0].equals("backup") ? "Backed up to" : "Restored from", file, rows.size(), total);
            return 0;
        } catch (Exception e) {
            System.err.println(args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }

    /** Lets COPY write into the zip without closing it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Lets COPY read one zip entry without closing the zip. */
    private static final class NonClosingIn extends java.io.FilterInputStream {
        NonClosingIn(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the zip stays open for the next entry
        }
    }
}
