package io.wellbase.dataexchange.internal.exports;

import java.util.Map;

/**
 * The SQL behind each export: one row per line of the file, every value already text in the
 * format the importer reads (dates {@code YYYY-MM-DD}, times {@code HH24:MI} in the location's
 * zone, amounts in major units, flags Yes/No, weekdays by name). Every query is limited to {@code :org}.
 */
final class ExportQueries {

    private static final String DIGITS = """
            (CASE WHEN %1$s IN ('JPY', 'KRW', 'CLP', 'VND', 'ISK', 'UGX', 'XAF', 'XOF', 'PYG', 'RWF') THEN 0
                  WHEN %1$s IN ('BHD', 'KWD', 'OMR', 'TND', 'JOD', 'IQD', 'LYD') THEN 3 ELSE 2 END)""";

    private static final String CLIENTS = """
            SELECT coalesce(c.external_ids->>'mindbody', c.id::text), c.first_name, c.last_name, c.email, c.mobile_phone,
                   c.phone, c.birth_date::text, c.gender, c.line1, c.city, c.region, c.postal_code, c.country, c.status,
                   c.source, to_char(c.created_at AT TIME ZONE o.timezone, 'YYYY-MM-DD HH24:MI')
            FROM report_clients c JOIN report_organizations o ON o.org_id = c.org_id
            WHERE c.org_id = :org AND c.merged_into_id IS NULL AND c.erased_at IS NULL
              AND (CAST(:from AS date) IS NULL OR c.created_at >= CAST(CAST(:from AS date) AS timestamp) AT TIME ZONE o.timezone)
              AND (CAST(:to AS date) IS NULL OR c.created_at < CAST(CAST(:to AS date) + 1 AS timestamp) AT TIME ZONE o.timezone)
              AND (CAST(:status AS text) IS NULL OR c.status = :status)
            ORDER BY c.created_at, c.id
            """;

    private static final String SESSION_JOINS = """
            FROM report_bookings b
            JOIN report_class_sessions s ON s.org_id = b.org_id AND s.id = b.session_id
            JOIN report_class_types t ON t.id = s.class_type_id
            JOIN report_locations l ON l.id = s.location_id
            JOIN report_clients c ON c.org_id = b.org_id AND c.id = b.client_id
            LEFT JOIN report_users u ON u.id = coalesce(s.substitute_instructor_id, s.instructor_id)
            WHERE b.org_id = :org
              AND (CAST(:from AS date) IS NULL OR s.local_date >= CAST(:from AS date))
              AND (CAST(:to AS date) IS NULL OR s.local_date <= CAST(:to AS date))
              AND (CAST(:location AS uuid) IS NULL OR s.location_id = CAST(:location AS uuid))
            """;

    private static final String VISITS = """
            SELECT coalesce(b.import_ref, b.id::text), coalesce(c.external_ids->>'mindbody', c.id::text), c.first_name,
                   c.last_name, c.email, s.local_date::text, to_char(s.starts_at AT TIME ZONE l.timezone, 'HH24:MI'),
                   t.name, u.first_name || ' ' || u.last_name, l.name,
                   CASE WHEN b.status = 'late_cancelled' THEN 'Yes' ELSE 'No' END,
                   CASE WHEN b.status = 'no_show' THEN 'Yes' ELSE 'No' END
            """ + SESSION_JOINS + """
              AND b.status IN ('attended', 'late_cancelled', 'no_show')
            ORDER BY s.starts_at, c.last_name, c.first_name, b.id
            """;

    private static final String BOOKINGS = """
            SELECT b.id::text, coalesce(c.external_ids->>'mindbody', c.id::text), c.first_name, c.last_name, t.name,
                   s.local_date::text, to_char(s.starts_at AT TIME ZONE l.timezone, 'HH24:MI'),
                   u.first_name || ' ' || u.last_name, l.name, b.status,
                   to_char(b.created_at AT TIME ZONE l.timezone, 'YYYY-MM-DD HH24:MI')
            """ + SESSION_JOINS + """
              AND (CAST(:status AS text) IS NULL OR b.status = :status)
            ORDER BY s.starts_at, c.last_name, c.first_name, b.id
            """;

    private static final String SALES = """
            SELECT coalesce(k.external_id, x.id::text), to_char(x.sold_at AT TIME ZONE o.timezone, 'YYYY-MM-DD HH24:MI'),
                   coalesce(c.external_ids->>'mindbody', c.id::text), i.description, i.quantity::text,
                   to_char(i.total::numeric / power(10, %1$s), 'FM999999999999990' || CASE WHEN %1$s > 0 THEN '.' || repeat('0', %1$s) ELSE '' END),
                   x.currency, x.payment_method
            FROM report_sales x
            JOIN report_organizations o ON o.org_id = x.org_id
            JOIN report_sale_items i ON i.org_id = x.org_id AND i.sale_id = x.id
            JOIN report_clients c ON c.org_id = x.org_id AND c.id = x.client_id
            LEFT JOIN import_keys k ON k.org_id = x.org_id AND k.entity_type = 'sale' AND k.entity_id = x.id
            WHERE x.org_id = :org
              AND (CAST(:from AS date) IS NULL OR x.sold_at >= CAST(CAST(:from AS date) AS timestamp) AT TIME ZONE o.timezone)
              AND (CAST(:to AS date) IS NULL OR x.sold_at < CAST(CAST(:to AS date) + 1 AS timestamp) AT TIME ZONE o.timezone)
            ORDER BY x.sold_at, x.id, i.id
            """.formatted(DIGITS.formatted("x.currency"));

    private static final String MEMBERSHIPS = """
            SELECT coalesce(k.external_id, m.id::text), coalesce(c.external_ids->>'mindbody', c.id::text), p.name,
                   m.starts_on::text, m.ends_on::text,
                   CASE WHEN p.kind IN ('class_pack', 'drop_in', 'intro_offer')
                        THEN (SELECT coalesce(sum(l.delta), 0) FROM report_credit_ledger l
                              WHERE l.org_id = m.org_id AND l.membership_id = m.id)::text END,
                   m.status
            FROM report_client_memberships m
            JOIN report_membership_plans p ON p.id = m.plan_id
            JOIN report_clients c ON c.org_id = m.org_id AND c.id = m.client_id
            LEFT JOIN import_keys k ON k.org_id = m.org_id AND k.entity_type IN ('membership', 'pricing_option')
                                   AND k.entity_id = m.id
            WHERE m.org_id = :org
              AND (CAST(:from AS date) IS NULL OR m.starts_on >= CAST(:from AS date))
              AND (CAST(:to AS date) IS NULL OR m.starts_on <= CAST(:to AS date))
              AND (CAST(:status AS text) IS NULL OR m.status = :status)
            ORDER BY m.starts_on, m.id
            """;

    /** The organization's people other than its owners (an import never creates or changes owners). */
    private static final String STAFF = """
            SELECT coalesce((SELECT min(k.external_id) FROM import_keys k
                             WHERE k.org_id = m.org_id AND k.entity_type = 'staff' AND k.entity_id = m.user_id),
                            u.id::text),
                   u.first_name, u.last_name, u.email, m.role
            FROM report_org_members m
            JOIN report_users u ON u.id = m.user_id
            WHERE m.org_id = :org AND m.role <> 'owner' AND u.erased_at IS NULL
            ORDER BY u.last_name, u.first_name, u.id
            """;

    /** One row per weekly schedule: the class type's name, description and category, the first instructor. */
    private static final String CLASSES = """
            SELECT coalesce((SELECT min(k.external_id) FROM import_keys k
                             WHERE k.org_id = c.org_id AND k.entity_type = 'class_schedule' AND k.entity_id = c.id),
                            c.id::text),
                   t.name, t.description, t.category, l.name,
                   (SELECT u.first_name || ' ' || u.last_name FROM report_users u WHERE u.id = c.instructor_ids[1]),
                   array_to_string(ARRAY(SELECT (ARRAY['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday',
                                                       'Sunday'])[d]
                                         FROM unnest(c.weekdays) d ORDER BY d), ', '),
                   to_char(c.start_time, 'HH24:MI'), c.duration_minutes::text, c.capacity::text, c.first_date::text,
                   c.last_date::text
            FROM report_class_schedules c
            JOIN report_class_types t ON t.org_id = c.org_id AND t.id = c.class_type_id
            JOIN report_locations l ON l.org_id = c.org_id AND l.id = c.location_id
            WHERE c.org_id = :org AND c.archived_at IS NULL
              AND (CAST(:location AS uuid) IS NULL OR c.location_id = CAST(:location AS uuid))
            ORDER BY t.name, c.start_time, c.weekdays, c.id
            """;

    private static final Map<ExportType, String> SQL = Map.of(
            ExportType.CLIENTS,
            CLIENTS,
            ExportType.VISITS,
            VISITS,
            ExportType.SALES,
            SALES,
            ExportType.MEMBERSHIPS,
            MEMBERSHIPS,
            ExportType.BOOKINGS,
            BOOKINGS,
            ExportType.STAFF,
            STAFF,
            ExportType.CLASSES,
            CLASSES);

    private ExportQueries() {}

    static String rows(ExportType type) {
        return SQL.get(type);
    }

    /** The same rows counted, to choose between answering at once and running a job. */
    static String count(ExportType type) {
        String sql = SQL.get(type);
        int from = sql.indexOf("\nFROM ");
        int order = sql.lastIndexOf("ORDER BY");
        return "SELECT count(*) " + sql.substring(from, order);
    }
}
