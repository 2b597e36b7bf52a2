package io.wellbase.scheduling.internal.classes;

import io.wellbase.search.SearchAudience;
import io.wellbase.search.SearchDocument;
import io.wellbase.search.SearchType;
import io.wellbase.search.SqlSearchSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Class types for search, found by everyone in the organization (they are the timetable); archived ones are not. */
@Component
class ClassTypeSearchSource extends SqlSearchSource {

    private static final String SELECT = """
            SELECT id, name, description, category, level, duration_minutes
            FROM class_types
            WHERE org_id = :org AND archived_at IS NULL
            """;

    ClassTypeSearchSource(JdbcClient jdbc) {
        super(jdbc, SearchType.CLASS_TYPE, "class_types", SELECT, "id");
    }

    @Override
    protected SearchDocument document(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        StringBuilder subtitle = new StringBuilder();
        if (rs.getString("category") != null) {
            subtitle.append(rs.getString("category")).append(" · ");
        }
        if (rs.getString("level") != null) {
            subtitle.append(rs.getString("level")).append(" · ");
        }
        subtitle.append(rs.getInt("duration_minutes")).append(" min");
        return SearchDocument.of(
                SearchType.CLASS_TYPE,
                id,
                rs.getString("name"),
                subtitle.toString(),
                rs.getString("description"),
                "/api/v1/class-types/" + id,
                SearchAudience.EVERYONE);
    }
}
