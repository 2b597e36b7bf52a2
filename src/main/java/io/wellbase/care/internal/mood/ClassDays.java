package io.wellbase.care.internal.mood;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The days a client attended a class, from scheduling's published views (nothing for the client to record). */
@Component
class ClassDays {

    private final JdbcClient jdbc;

    ClassDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<LocalDate> of(UUID org, UUID client, LocalDate from, LocalDate to) {
        return new HashSet<>(jdbc.sql("""
                SELECT DISTINCT cs.local_date
                FROM report_bookings b
                JOIN report_class_sessions cs ON cs.org_id = b.org_id AND cs.id = b.session_id
                WHERE b.org_id = :org AND cs.org_id = :org AND b.client_id = :client AND b.status = 'attended'
                  AND cs.local_date BETWEEN :from AND :to
                """)
                .param("org", org)
                .param("client", client)
                .param("from", from)
                .param("to", to)
                .query(LocalDate.class)
                .list());
    }
}
