package io.wellbase.care.internal.programs;

import io.wellbase.search.SearchAudience;
import io.wellbase.search.SearchDocument;
import io.wellbase.search.SearchType;
import io.wellbase.search.SqlSearchSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Programs for search: an active program is found by everyone in the organization, an inactive one by staff. */
@Component
class ProgramSearchSource extends SqlSearchSource {

    private static final String SELECT = """
            SELECT id, title, description, category, difficulty, active
            FROM programs
            WHERE org_id = :org
            """;

    ProgramSearchSource(JdbcClient jdbc) {
        super(jdbc, SearchType.PROGRAM, "programs", SELECT, "id");
    }

    @Override
    protected SearchDocument document(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String category = rs.getString("category");
        String subtitle = (category == null ? "" : category + " · ") + rs.getString("difficulty");
        return SearchDocument.of(
                SearchType.PROGRAM,
                id,
                rs.getString("title"),
                subtitle,
                rs.getString("description"),
                "/api/v1/programs/" + id,
                rs.getBoolean("active") ? SearchAudience.EVERYONE : SearchAudience.STAFF);
    }
}
