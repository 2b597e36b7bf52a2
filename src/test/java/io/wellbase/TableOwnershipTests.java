package io.wellbase;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.platform.data.OwnsTables;
import io.wellbase.platform.data.PublishesViews;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table belongs to exactly one module (declared with {@link OwnsTables} on its package-info), and so does
 * every view (declared with {@link PublishesViews}, defined in a migration over the owner's own tables only). A
 * module's SQL writes only its own tables, never a view, and reads another module's data through the views that
 * module publishes (or its Java API), never another's tables. The Java boundary check cannot see coupling through
 * SQL; this test does, by reading every statement in {@code src/main/java} and every view definition in the
 * migrations.
 */
class TableOwnershipTests {

    private static final Path SOURCES = Path.of("src/main/java/io/wellbase");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern CREATE = Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?([a-z_][a-z0-9_]*)");
    private static final Pattern DROP_TABLE = Pattern.compile("(?i)DROP TABLE (?:IF EXISTS )?([a-z_][a-z0-9_]*)");
    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:INSERT INTO|UPDATE|DELETE FROM|TRUNCATE(?: TABLE)?|COPY|MERGE INTO)\\s+(?:ONLY\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern READ = Pattern.compile("\\b(?:FROM|JOIN)\\s+([a-z_][a-z0-9_]*)");
    /** A view's definition, up to the end of its statement; or a view dropped. */
    private static final Pattern VIEW = Pattern.compile(
            "(?i)\\b(?:CREATE (?:OR REPLACE )?(?:MATERIALIZED )?VIEW (?:IF NOT EXISTS )?([a-z_][a-z0-9_]*)([^;]*)"
                    + "|DROP (?:MATERIALIZED )?VIEW (?:IF EXISTS )?([a-z_][a-z0-9_]*))");

    private static final Pattern READ_IN_MIGRATION = Pattern.compile("(?i)\\b(?:FROM|JOIN)\\s+([a-z_][a-z0-9_]*)");

    @Test
    void everyTableHasExactlyOneOwner() {
        Map<String, String> owners = owners();
        Set<String> created = new TreeSet<>();
        java.util.List<Path> inOrder = files(MIGRATIONS, ".sql").stream()
                .sorted(java.util.Comparator.comparingInt(TableOwnershipTests::version))
                .toList();
        for (Path migration : inOrder) {
            String sql = withoutComments(read(migration));
            Matcher m = CREATE.matcher(sql);
            while (m.find()) {
                created.add(m.group(1).toLowerCase());
            }
            Matcher dropped = DROP_TABLE.matcher(sql);
            while (dropped.find()) {
                created.remove(dropped.group(1).toLowerCase());
            }
        }
        assertThat(new TreeSet<>(owners.keySet()))
                .as("tables declared by @OwnsTables vs created by migrations")
                .isEqualTo(created);
    }

    @Test
    void everyViewIsPublishedByExactlyOneModule() {
        assertThat(new TreeSet<>(views().keySet()))
                .as("views declared by @PublishesViews vs created by migrations")
                .isEqualTo(new TreeSet<>(definitions().keySet()));
        assertThat(views().keySet()).as("names both a table and a view").doesNotContainAnyElementsOf(owners().keySet());
    }

    @Test
    void aViewReadsOnlyItsOwnersTables() {
        Map<String, String> owners = owners();
        Map<String, String> views = views();
        Set<String> found = new TreeSet<>();
        definitions().forEach((view, definition) -> {
            String module = views.get(view);
            if (module == null) {
                return; // a view nobody publishes: everyViewIsPublishedByExactlyOneModule says so
            }
            Matcher m = READ_IN_MIGRATION.matcher(definition);
            while (m.find()) {
                String name = m.group(1).toLowerCase();
                String owner = owners.getOrDefault(name, views.get(name));
                if (owner != null && !owner.equals(module)) {
                    found.add(module + " view " + view + " -> " + name);
                }
            }
        });
        assertThat(found)
                .as("a view published by one module over another module's data")
                .isEmpty();
    }

    @Test
    void modulesWriteOnlyTheirOwnTables() {
        assertThat(foreign(WRITE, owners()))
                .as("writes into another module's tables: call the owner's API instead")
                .isEmpty();
    }

    @Test
    void nobodyWritesAView() {
        Map<String, String> views = views();
        Map<String, String> anyWriter = new TreeMap<>();
        views.keySet().forEach(view -> anyWriter.put(view, "(views are read-only)"));
        assertThat(foreign(WRITE, anyWriter))
                .as("writes into a published view: call the owner's API instead")
                .isEmpty();
    }

    @Test
    void modulesReadOtherModulesTablesOnlyWhereAllowed() {
        assertThat(foreign(READ, owners()))
                .as("reads of another module's tables: read the owner's API or published views")
                .isEmpty();
    }

    /**
     * "module -> name" for every statement of the kind in a module's code that names a table or view whose owner
     * (in {@code owners}) is another module.
     */
    private static Set<String> foreign(Pattern statement, Map<String, String> owners) {
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
            OwnsTables owns = packageAnnotation("io.wellbase." + module, OwnsTables.class);
            if (owns == null) {
                continue;
            }
            for (String table : owns.value()) {
                String previous = owners.put(table, module);
                assertThat(previous)
                        .as("table " + table + " is claimed by " + previous + " and " + module)
                        .isNull();
            }
        }
        return owners;
    }

    /** Every published view and the module that publishes it. */
    private static Map<String, String> views() {
        Map<String, String> publishers = new TreeMap<>();
        for (Path dir : modules()) {
            String module = dir.getFileName().toString();
            PublishesViews publishes = packageAnnotation("io.wellbase." + module, PublishesViews.class);
            if (publishes == null) {
                continue;
            }
            for (String view : publishes.value()) {
                String previous = publishers.put(view, module);
                assertThat(previous)
                        .as("view " + view + " is published by " + previous + " and " + module)
                        .isNull();
            }
        }
        return publishers;
    }

    /** The views the migrations leave, by name, each with its latest definition (migrations in version order). */
    private static Map<String, String> definitions() {
        Map<String, String> definitions = new TreeMap<>();
        java.util.List<Path> migrations = files(MIGRATIONS, ".sql").stream()
                .sorted(Comparator.comparingInt(TableOwnershipTests::version))
                .toList();
        for (Path migration : migrations) {
            Matcher m = VIEW.matcher(withoutComments(read(migration)));
            while (m.find()) {
                if (m.group(1) != null) {
                    definitions.put(m.group(1).toLowerCase(), m.group(2));
                } else {
                    definitions.remove(m.group(3).toLowerCase());
                }
            }
        }
        return definitions;
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("--[^\\n]*", "");
    }

    private static <A extends java.lang.annotation.Annotation> A packageAnnotation(String pkg, Class<A> type) {
        try {
            return Class.forName(pkg + ".package-info").getAnnotation(type);
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
