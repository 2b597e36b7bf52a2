package io.wellbase.clients.internal;

import io.wellbase.search.SearchAudience;
import io.wellbase.search.SearchDocument;
import io.wellbase.search.SearchType;
import io.wellbase.search.SqlSearchSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Clients for search: the name as title, email and phones beside it; merged and erased clients are not found. */
@Component
class ClientSearchSource extends SqlSearchSource {

    private static final String SELECT = """
            SELECT id, first_name, last_name, email, coalesce(mobile_phone, phone) AS phone
            FROM clients
            WHERE org_id = :org AND merged_into_id IS NULL AND erased_at IS NULL
            """;

    ClientSearchSource(JdbcClient jdbc) {
        super(jdbc, SearchType.CLIENT, "clients", SELECT, "id");
    }

    @Override
    protected SearchDocument document(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<String> contact = new ArrayList<>();
        if (rs.getString("email") != null) {
            contact.add(rs.getString("email"));
        }
        if (rs.getString("phone") != null) {
            contact.add(rs.getString("phone"));
        }
        return SearchDocument.of(
                SearchType.CLIENT,
                id,
                (rs.getString("first_name") + " " + rs.getString("last_name")).strip(),
                contact.isEmpty() ? null : String.join(" · ", contact),
                null,
                "/api/v1/clients/" + id,
                SearchAudience.STAFF);
    }
}
