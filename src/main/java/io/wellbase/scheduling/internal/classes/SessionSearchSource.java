package io.wellbase.scheduling.internal.classes;

import io.wellbase.search.SearchAudience;
import io.wellbase.search.SearchDocument;
import io.wellbase.search.SearchType;
import io.wellbase.search.SqlSearchSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sessions for search, found by everyone in the organization (the timetable): "Vinyasa Flow · Tue 8 Dec 2026,
 * 18:00" with the location and the teacher, so "vinyasa maya" finds Maya's Vinyasa classes. Cancelled sessions are
 * not found. Names of locations and teachers come from their owners' published views.
 */
@Component
class SessionSearchSource extends SqlSearchSource {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private static final String SELECT = """
            SELECT cs.id, ct.name AS class_name, cs.starts_at, l.name AS location, l.timezone,
                   nullif(trim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')), '') AS instructor
            FROM class_sessions cs
            JOIN class_types ct ON ct.id = cs.class_type_id
            LEFT JOIN report_locations l ON l.org_id = cs.org_id AND l.id = cs.location_id
            LEFT JOIN report_users u ON u.id = coalesce(cs.substitute_instructor_id, cs.instructor_id)
                                    AND u.erased_at IS NULL
            WHERE cs.org_id = :org AND cs.status <> 'cancelled'
            """;

    SessionSearchSource(JdbcClient jdbc) {
        super(jdbc, SearchType.SESSION, "class_sessions", SELECT, "cs.id");
    }

    @Override
    protected SearchDocument document(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String zone = rs.getString("timezone");
        OffsetDateTime start = rs.getObject("starts_at", OffsetDateTime.class);
        String when = start.atZoneSameInstant(zone == null ? ZoneId.of("UTC") : ZoneId.of(zone))
                .format(WHEN);
        String location = rs.getString("location");
        String instructor = rs.getString("instructor");
        String subtitle = location == null ? instructor : instructor == null ? location : location + " · " + instructor;
        return SearchDocument.of(
                SearchType.SESSION,
                id,
                rs.getString("class_name") + " · " + when,
                subtitle,
                null,
                "/api/v1/sessions/" + id,
                SearchAudience.EVERYONE);
    }
}
