package io.wellbase.scheduling.internal.classes;

import io.wellbase.clients.ClientFilterExtension;
import io.wellbase.platform.web.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Client list filters by attendance: {@code lastVisitBefore} / {@code lastVisitAfter} (the date of
 * the last attended class; clients who never came match neither), {@code location} (attended there) and {@code instructorSeen} (attended a
 * class they taught).
 */
@Component
class AttendanceClientFilters implements ClientFilterExtension {

    private static final String LAST_VISIT = """
            (SELECT max(s.starts_at) FROM bookings b JOIN class_sessions s ON s.org_id = b.org_id AND s.id = b.session_id
             WHERE b.org_id = c.org_id AND b.client_id = c.id AND b.status = 'attended')""";

    @Override
    public Set<String> parameters() {
        return Set.of("lastVisitBefore", "lastVisitAfter", "location", "instructorSeen");
    }

    @Override
    public Optional<String> predicate(Map<String, List<String>> values, MapSqlParameterSource params) {
        List<String> predicates = new ArrayList<>();
        if (values.containsKey("lastVisitBefore")) {
            params.addValue(
                    "afLastBefore",
                    date("lastVisitBefore", values.get("lastVisitBefore").getFirst()));
            predicates.add(LAST_VISIT + " < CAST(:afLastBefore AS date)");
        }
        if (values.containsKey("lastVisitAfter")) {
            params.addValue(
                    "afLastAfter",
                    date("lastVisitAfter", values.get("lastVisitAfter").getFirst()));
            predicates.add(LAST_VISIT + " >= CAST(:afLastAfter AS date)");
        }
        if (values.containsKey("location")) {
            params.addValue("afLocations", uuids("location", values.get("location")));
            predicates.add("""
                    EXISTS (SELECT 1 FROM bookings b JOIN class_sessions s ON s.org_id = b.org_id AND s.id = b.session_id
                            WHERE b.org_id = c.org_id AND b.client_id = c.id AND b.status = 'attended'
                              AND s.location_id IN (:afLocations))""");
        }
        if (values.containsKey("instructorSeen")) {
            params.addValue("afInstructors", uuids("instructorSeen", values.get("instructorSeen")));
            predicates.add("""
                    EXISTS (SELECT 1 FROM bookings b JOIN class_sessions s ON s.org_id = b.org_id AND s.id = b.session_id
                            WHERE b.org_id = c.org_id AND b.client_id = c.id AND b.status = 'attended'
                              AND coalesce(s.substitute_instructor_id, s.instructor_id) IN (:afInstructors))""");
        }
        return predicates.isEmpty() ? Optional.empty() : Optional.of(String.join(" AND ", predicates));
    }

    @Override
    public Map<String, String> facets() {
        return Map.of();
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "must be a date YYYY-MM-DD");
        }
    }

    private static List<UUID> uuids(String field, List<String> values) {
        try {
            return values.stream().map(UUID::fromString).toList();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(field, "must be ids");
        }
    }
}
