package io.wellbase.insights.internal.semantic;

import static io.wellbase.insights.internal.semantic.DimensionSql.map;
import static io.wellbase.insights.internal.semantic.DimensionSql.of;
import static io.wellbase.insights.internal.semantic.DimensionSql.onClient;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What figures can be split and filtered by, declared once with the SQL it reads on each fact. The time
 * dimensions (day, week, month) and the weekday read every fact's own date; the others only the facts
 * listed, so asking for revenue by instructor is refused instead of answered wrongly.
 */
public enum Dimension {
    DAY("day", "Day", Kind.TIME, Map.of()),
    WEEK("week", "Week", Kind.TIME, Map.of()),
    MONTH("month", "Month", Kind.TIME, Map.of()),
    WEEKDAY("weekday", "Weekday", Kind.WEEKDAY, Map.of()),
    HOUR(
            "hour",
            "Hour",
            Kind.ATTRIBUTE,
            map(
                    Fact.ATTENDANCE, hourOfSession(),
                    Fact.SESSIONS, hourOfSession(),
                    Fact.ROLLUP_ATTENDANCE, hourOfRollup(),
                    Fact.ROLLUP_SESSIONS, hourOfRollup(),
                    Fact.APPOINTMENTS,
                            of(
                                    "extract(hour FROM a.starts_at AT TIME ZONE coalesce(l.timezone, :zone))::int",
                                    "lpad(extract(hour FROM a.starts_at AT TIME ZONE coalesce(l.timezone, :zone))::text, 2, '0') || ':00'",
                                    Join.APPOINTMENT_LOCATION))),
    LOCATION(
            "location",
            "Location",
            Kind.ATTRIBUTE,
            map(
                    Fact.ATTENDANCE, of("cs.location_id::text", "l.name", Join.SESSION_LOCATION),
                    Fact.SESSIONS, of("cs.location_id::text", "l.name", Join.SESSION_LOCATION),
                    Fact.ROLLUP_ATTENDANCE, of("r.location_id::text", "l.name", Join.ROLLUP_LOCATION),
                    Fact.ROLLUP_SESSIONS, of("r.location_id::text", "l.name", Join.ROLLUP_LOCATION),
                    Fact.ROLLUP_LOCATIONS, of("r.location_id::text", "l.name", Join.ROLLUP_LOCATION),
                    Fact.APPOINTMENTS, of("a.location_id::text", "l.name", Join.APPOINTMENT_LOCATION))),
    CLASS_TYPE(
            "classType",
            "Class type",
            Kind.ATTRIBUTE,
            map(
                    Fact.ATTENDANCE, of("cs.class_type_id::text", "ct.name", Join.SESSION_CLASS_TYPE),
                    Fact.SESSIONS, of("cs.class_type_id::text", "ct.name", Join.SESSION_CLASS_TYPE),
                    Fact.ROLLUP_ATTENDANCE, of("r.class_type_id::text", "ct.name", Join.ROLLUP_CLASS_TYPE),
                    Fact.ROLLUP_SESSIONS, of("r.class_type_id::text", "ct.name", Join.ROLLUP_CLASS_TYPE))),
    INSTRUCTOR(
            "instructor",
            "Instructor",
            Kind.ATTRIBUTE,
            map(
                    Fact.ATTENDANCE, instructorOfSession(),
                    Fact.SESSIONS, instructorOfSession(),
                    Fact.ROLLUP_ATTENDANCE, instructorOfRollup(),
                    Fact.ROLLUP_SESSIONS, instructorOfRollup(),
                    Fact.APPOINTMENTS,
                            of(
                                    "a.staff_id::text",
                                    "coalesce(iu.first_name || ' ' || iu.last_name, 'Unknown')",
                                    Join.APPOINTMENT_STAFF))),
    PLAN(
            "plan",
            "Plan",
            Kind.ATTRIBUTE,
            map(
                    Fact.ATTENDANCE, planOf(Join.BOOKING_PLAN),
                    Fact.MEMBERSHIP_STARTS, planOf(Join.MEMBERSHIP_PLAN),
                    Fact.MEMBERSHIP_ENDS, planOf(Join.MEMBERSHIP_PLAN),
                    Fact.MEMBERSHIP_ACTIVE, planOf(Join.MEMBERSHIP_PLAN),
                    Fact.SALES, planOf(Join.SALE_PLAN),
                    Fact.CREDITS, planOf(Join.CREDIT_PLAN))),
    PAYMENT_METHOD(
            "paymentMethod",
            "Payment method",
            Kind.ATTRIBUTE,
            map(
                    Fact.SALES, of("s.payment_method", "s.payment_method"),
                    Fact.REFUNDS, of("s.payment_method", "s.payment_method"))),
    CLIENT_STATUS("clientStatus", "Client status", Kind.ATTRIBUTE, onClient("c.status", "c.status")),
    SOURCE(
            "source",
            "Source",
            Kind.ATTRIBUTE,
            onClient("coalesce(c.source, '(none)')", "coalesce(c.source, '(none)')")),
    TAG(
            "tag",
            "Tag",
            Kind.ATTRIBUTE,
            onClient("coalesce(tg.name, '(no tag)')", "coalesce(tg.name, '(no tag)')", Join.CLIENT_TAGS)),
    AGE_BAND("ageBand", "Age band", Kind.ATTRIBUTE, onClient(ageBand(), ageBand()));

    /** How a dimension reads: the fact's date at a grain, its weekday, or an attribute of its own. */
    enum Kind {
        TIME,
        WEEKDAY,
        ATTRIBUTE
    }

    private final String key;
    private final String label;
    private final Kind kind;
    private final Map<Fact, DimensionSql> sql;

    Dimension(String key, String label, Kind kind, Map<Fact, DimensionSql> sql) {
        this.key = key;
        this.label = label;
        this.kind = kind;
        this.sql = sql.isEmpty() ? Map.of() : new EnumMap<>(sql);
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    Kind kind() {
        return kind;
    }

    public boolean isTime() {
        return kind == Kind.TIME;
    }

    /** The SQL on a fact, or empty when rows of that fact cannot be split this way. */
    Optional<DimensionSql> on(Fact fact) {
        return switch (kind) {
            case TIME -> Optional.of(DimensionSql.of(timeOf(fact), timeOf(fact) + "::text"));
            case WEEKDAY ->
                fact.bucketed()
                        ? Optional.empty()
                        : Optional.of(DimensionSql.of(
                                "extract(isodow FROM " + fact.day() + ")::int",
                                "trim(to_char(" + fact.day() + ", 'Day'))"));
            case ATTRIBUTE -> Optional.ofNullable(sql.get(fact));
        };
    }

    /** The period a time dimension groups by: the fact's date truncated to the grain. */
    private String timeOf(Fact fact) {
        if (fact.bucketed()) {
            return "t.bucket";
        }
        return switch (this) {
            case WEEK -> "date_trunc('week', " + fact.day() + ")::date";
            case MONTH -> "date_trunc('month', " + fact.day() + ")::date";
            default -> fact.day();
        };
    }

    /** The step of a time dimension's buckets as a PostgreSQL interval and truncation unit. */
    String grain() {
        return switch (this) {
            case WEEK -> "week";
            case MONTH -> "month";
            default -> "day";
        };
    }

    public static Optional<Dimension> byKey(String key) {
        String wanted = key.replace("_", "").toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(d -> d.key.toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    private static DimensionSql hourOfSession() {
        return of(
                "extract(hour FROM cs.starts_at AT TIME ZONE coalesce(l.timezone, :zone))::int",
                "lpad(extract(hour FROM cs.starts_at AT TIME ZONE coalesce(l.timezone, :zone))::text, 2, '0') || ':00'",
                Join.SESSION_LOCATION);
    }

    private static DimensionSql hourOfRollup() {
        return of("r.hour::int", "lpad(r.hour::text, 2, '0') || ':00'");
    }

    private static DimensionSql instructorOfRollup() {
        return of(
                "r.instructor_id::text",
                "coalesce(iu.first_name || ' ' || iu.last_name, 'No instructor')",
                Join.ROLLUP_INSTRUCTOR);
    }

    private static DimensionSql instructorOfSession() {
        return of(
                "coalesce(cs.substitute_instructor_id, cs.instructor_id)::text",
                "coalesce(iu.first_name || ' ' || iu.last_name, 'No instructor')",
                Join.SESSION_INSTRUCTOR);
    }

    private static DimensionSql planOf(Join join) {
        return of("p.id::text", "coalesce(p.name, '(no plan)')", join);
    }

    private static String ageBand() {
        return """
                CASE WHEN c.birth_date IS NULL THEN 'unknown'
                     WHEN extract(year FROM age(:today, c.birth_date)) < 18 THEN 'under 18'
                     WHEN extract(year FROM age(:today, c.birth_date)) < 25 THEN '18-24'
                     WHEN extract(year FROM age(:today, c.birth_date)) < 35 THEN '25-34'
                     WHEN extract(year FROM age(:today, c.birth_date)) < 45 THEN '35-44'
                     WHEN extract(year FROM age(:today, c.birth_date)) < 55 THEN '45-54'
                     WHEN extract(year FROM age(:today, c.birth_date)) < 65 THEN '55-64'
                     ELSE '65+' END""";
    }
}
