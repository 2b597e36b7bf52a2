package io.wellbase.organizations.internal;

import io.wellbase.search.SearchAudience;
import io.wellbase.search.SearchDocument;
import io.wellbase.search.SearchType;
import io.wellbase.search.SqlSearchSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Staff members for search: the person's name (from identity's published {@code report_users}), role and email. */
@Component
class StaffSearchSource extends SqlSearchSource {

    private static final String SELECT = """
            SELECT m.user_id, m.role, u.first_name, u.last_name, u.email
            FROM org_members m
            JOIN report_users u ON u.id = m.user_id
            WHERE m.org_id = :org AND u.erased_at IS NULL
            """;

    StaffSearchSource(JdbcClient jdbc) {
        super(jdbc, SearchType.STAFF, "org_members", SELECT, "m.user_id");
    }

    @Override
    protected SearchDocument document(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("user_id", UUID.class);
        String email = rs.getString("email");
        return SearchDocument.of(
                SearchType.STAFF,
                id,
                (rs.getString("first_name") + " " + rs.getString("last_name")).strip(),
                rs.getString("role").replace('_', ' ') + (email == null ? "" : " · " + email),
                null,
                "/api/v1/members/" + id,
                SearchAudience.STAFF);
    }
}
