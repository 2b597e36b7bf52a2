package io.wellbase.commerce.internal.catalog;

import io.wellbase.search.SearchAudience;
import io.wellbase.search.SearchDocument;
import io.wellbase.search.SearchType;
import io.wellbase.search.SqlSearchSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Products for search: the title, the sku and tags beside it, the description; an active product is found by
 * everyone (the shop), an inactive one by staff only, a deleted one by nobody.
 */
@Component
class ProductSearchSource extends SqlSearchSource {

    private static final String SELECT = """
            SELECT id, sku, title, description, tags, active
            FROM products
            WHERE org_id = :org AND deleted_at IS NULL
            """;

    ProductSearchSource(JdbcClient jdbc) {
        super(jdbc, SearchType.PRODUCT, "products", SELECT, "id");
    }

    @Override
    protected SearchDocument document(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String[] tags = (String[]) rs.getArray("tags").getArray();
        String subtitle = rs.getString("sku") + (tags.length == 0 ? "" : " · " + String.join(", ", tags));
        return SearchDocument.of(
                SearchType.PRODUCT,
                id,
                rs.getString("title"),
                subtitle,
                rs.getString("description"),
                "/api/v1/products/" + id,
                rs.getBoolean("active") ? SearchAudience.EVERYONE : SearchAudience.STAFF);
    }
}
