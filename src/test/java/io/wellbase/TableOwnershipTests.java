package io.wellbase;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.platform.data.OwnsTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table belongs to exactly one module (declared with {@link OwnsTables} on its package-info), and a
 * module's SQL writes only its own tables and reads another's only where the list below allows it. The
 * Java boundary check cannot see coupling through SQL; this test does, by reading every statement in
 * {@code src/main/java}. The list holds today's exceptions, each to be removed as the owning module
 * publishes what the reader needs; the test fails when one is no longer needed, so the list only shrinks.
 */
class TableOwnershipTests {

    private static final Path SOURCES = Path.of("src/main/java/io/wellbase");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern CREATE = Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?([a-z_][a-z0-9_]*)");
    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:INSERT INTO|UPDATE|DELETE FROM|TRUNCATE(?: TABLE)?|COPY|MERGE INTO)\\s+(?:ONLY\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern READ = Pattern.compile("\\b(?:FROM|JOIN)\\s+([a-z_][a-z0-9_]*)");

    /** Reads of another module's tables, as "module -> table"; to become the owner's query API or view. */
    private static final Set<String> FOREIGN_READS_TODAY = Set.of(
            "dataexchange -> appointments", "dataexchange -> bookings",
            "dataexchange -> class_schedules", "dataexchange -> class_sessions", "dataexchange -> class_types",
            "dataexchange -> client_memberships", "dataexchange -> clients", "dataexchange -> credit_ledger",
            "dataexchange -> locations", "dataexchange -> membership_plans", "dataexchange -> org_members",
            "dataexchange -> organizations", "dataexchange -> sale_items", "dataexchange -> sale_refunds",
            "dataexchange -> sales", "dataexchange -> users", "organizations -> users");

    @Test
    void everyTableHasExactlyOneOwner() {
        Map<String, String> owners = owners();
        Set<String> created = new TreeSet<>();
        for (Path migration : files(MIGRATIONS, ".sql")) {
            Matcher m = CREATE.matcher(read(migration));
            while (m.find()) {
                created.add(m.group(1).toLowerCase());
            }
        }
        assertThat(new TreeSet<>(owners.keySet())).as("tables declared by @OwnsTables vs created by migrations")
                .isEqualTo(created);
    }

    @Test
    void modulesWriteOnlyTheirOwnTables() {
        assertThat(foreign(WRITE)).as("writes into another module's tables: call the owner's API instead").isEmpty();
    }

    @Test
    void modulesReadOtherModulesTablesOnlyWhereAllowed() {
        assertThat(foreign(READ)).as("reads of another module's tables (FOREIGN_READS_TODAY only shrinks)")
                .isEqualTo(new TreeSet<>(FOREIGN_READS_TODAY));
    }

    /** "module -> table" for every statement of the kind in a module's code that names another module's table. */
    private static Set<String> foreign(Pattern statement) {
        Map<String, String> owners = owners();
        Set<String> found = new TreeSet<>();
        for (Path file : files(SOURCES, ".java")) {
            Path relative = SOURCES.relativize(file);
            if (relative.getNameCount() < 2) {
                continue;
            }
            String module = relative.getName(0).toString();
            Matcher m = statement.matcher(read(file));
            while (m.find()) {
                String owner = owners.get(m.group(1));
                if (owner != null && !owner.equals(module)) {
                    found.add(module + " -> " + m.group(1));
                }
            }
        }
        return found;
    }

    private static Map<String, String> owners() {
        Map<String, String> owners = new TreeMap<>();
        for (Path dir : modules()) {
            String module = dir.getFileName().toString();
            OwnsTables owns = packageAnnotation("io.wellbase." + module);
            if (owns == null) {
                continue;
            }
            for (String table : owns.value()) {
                String previous = owners.put(table, module);
                assertThat(previous).as("table " + table + " is claimed by " + previous + " and " + module).isNull();
            }
        }
        return owners;
    }

    private static OwnsTables packageAnnotation(String pkg) {
        try {
            return Class.forName(pkg + ".package-info").getAnnotation(OwnsTables.class);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static java.util.List<Path> modules() {
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.List<Path> files(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
