package io.wellbase.platform.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wellbase.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link Rows#of} maps as Spring's {@code .query(Record.class)} does, on a real PostgreSQL result. */
class RowsTests {

    enum Shade {
        LIGHT,
        DEEP
    }

    record Everything(
            UUID id,
            String displayName,
            Long amountMinor,
            long count,
            Integer maybeNumber,
            boolean active,
            Instant createdAt,
            LocalDate startsOn,
            Shade shade) {}

    record Missing(UUID id, String notSelected) {}

    private static final String QUERY = """
            SELECT gen_random_uuid() AS id, 'Ada ' || n AS display_name, n * 100 AS amount_minor,
                   n AS "COUNT", CASE WHEN n % 2 = 0 THEN NULL ELSE n END AS maybe_number,
                   n % 3 = 0 AS active, now() - make_interval(days => n) AS created_at,
                   current_date + n AS starts_on, CASE WHEN n % 2 = 0 THEN 'DEEP' ELSE 'LIGHT' END AS shade,
                   'unused' AS extra_column
            FROM generate_series(1, 25) AS n ORDER BY n
            """;

    private static JdbcClient jdbc;

    @BeforeAll
    static void connect() {
        jdbc = JdbcClient.create(
                new DriverManagerDataSource(TestDatabase.url(), TestDatabase.user(), TestDatabase.password()));
    }

    @Test
    void aRecordIsMappedAsSpringsMapperMapsItWithoutAnExceptionPerColumn() {
        List<Everything> ours = jdbc.sql(QUERY).query(Rows.of(Everything.class)).list();
        List<Everything> spring = jdbc.sql(QUERY)
                .query(new SimplePropertyRowMapper<>(Everything.class))
                .list();

        assertThat(ours).hasSize(25);
        for (int i = 0; i < ours.size(); i++) {
            Everything a = ours.get(i);
            Everything b = spring.get(i);
            assertThat(a.displayName()).isEqualTo(b.displayName()).isEqualTo("Ada " + (i + 1));
            assertThat(a.amountMinor()).isEqualTo(b.amountMinor()).isEqualTo((i + 1) * 100L);
            assertThat(a.count()).isEqualTo(b.count()).isEqualTo(i + 1);
            assertThat(a.maybeNumber()).isEqualTo(b.maybeNumber());
            assertThat(a.active()).isEqualTo(b.active());
            assertThat(a.createdAt())
                    .isCloseTo(
                            b.createdAt(),
                            org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.SECONDS));
            assertThat(a.startsOn()).isEqualTo(b.startsOn());
            assertThat(a.shade()).isEqualTo(b.shade());
        }
        assertThat(ours.get(1).maybeNumber()).isNull();
        assertThat(ours.get(2).active()).isTrue();
    }

    @Test
    void theSameMapperServesResultSetsOfDifferentShapesOneAfterTheOther() {
        record Pair(String displayName, UUID id) {}
        Pair first = jdbc.sql("SELECT 'a' AS display_name, gen_random_uuid() AS id")
                .query(Rows.of(Pair.class))
                .single();
        Pair second = jdbc.sql("SELECT gen_random_uuid() AS id, 'b' AS \"displayName\"")
                .query(Rows.of(Pair.class))
                .single();
        assertThat(first.displayName()).isEqualTo("a");
        assertThat(second.displayName()).isEqualTo("b");
        assertThat(second.id()).isNotNull();
    }

    @Test
    void aComponentWithoutAColumnIsAnErrorThatNamesIt() {
        assertThatThrownBy(() -> jdbc.sql("SELECT gen_random_uuid() AS id")
                        .query(Rows.of(Missing.class))
                        .single())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("notSelected");
    }

    /** A record mapped by {@code .query(Record.class)} would cost the exception per column again. */
    @Test
    void noQueryOfTheApplicationMapsARecordThroughSpringsPropertyMapper() throws Exception {
        Pattern byClass = Pattern.compile("\\.query\\(\\s*([A-Z][\\w.]*)\\.class\\)");
        Set<String> simple = Set.of(
                "UUID",
                "Long",
                "Boolean",
                "String",
                "Integer",
                "LocalDate",
                "OffsetDateTime",
                "Instant",
                "Double",
                "BigDecimal",
                "Short",
                "LocalTime",
                "LocalDateTime");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = byClass.matcher(Files.readString(file));
                while (matcher.find()) {
                    String name = matcher.group(1);
                    if (!simple.contains(name.substring(name.lastIndexOf('.') + 1))) {
                        offenders.add(file.getFileName() + ": " + name);
                    }
                }
            }
        }
        assertThat(offenders).as("use .query(Rows.of(X.class))").isEmpty();
    }

    @Test
    void simpleTypesTakeTheSingleColumn() {
        assertThat(jdbc.sql("SELECT 42::bigint").query(Rows.of(Long.class)).single())
                .isEqualTo(42L);
        assertThat(jdbc.sql("SELECT 'DEEP'").query(Rows.of(Shade.class)).single())
                .isEqualTo(Shade.DEEP);
    }
}
