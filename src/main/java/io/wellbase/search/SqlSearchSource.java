package io.wellbase.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A source whose documents are rows of one of its module's tables: the module gives the select (with
 * {@code WHERE … org_id = :org} and whatever else keeps a row out of search), the column of the document's id, and
 * how a row becomes a document; this class reads the ids a write changed, every row in batches by id, and the
 * organizations that have rows.
 */
public abstract class SqlSearchSource implements SearchSource {

    private static final int BATCH = 5000;

    private final JdbcClient jdbc;
    private final SearchType type;
    private final String table;
    private final String select;
    private final String idColumn;

    /**
     * @param table the module's own table the documents come from (for the organizations that have some)
     * @param select {@code SELECT … FROM … WHERE <alias.>org_id = :org AND …}, without order or limit
     * @param idColumn the column of the document's id in the select ({@code m.user_id})
     */
    protected SqlSearchSource(JdbcClient jdbc, SearchType type, String table, String select, String idColumn) {
        this.jdbc = jdbc;
        this.type = type;
        this.table = table;
        this.select = select;
        this.idColumn = idColumn;
    }

    /** The document of one row of the select. */
    protected abstract SearchDocument document(ResultSet rs) throws SQLException;

    @Override
    public final SearchType type() {
        return type;
    }

    @Override
    public final List<SearchDocument> documents(UUID orgId, Collection<UUID> ids) {
        return jdbc.sql(select + " AND " + idColumn + " = ANY(:ids)")
                .param("org", orgId)
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, n) -> document(rs))
                .list();
    }

    @Override
    public final void all(UUID orgId, Consumer<List<SearchDocument>> batches) {
        UUID after = new UUID(0, 0);
        while (true) {
            List<SearchDocument> batch = jdbc.sql(
                            select + " AND " + idColumn + " > :after ORDER BY " + idColumn + " LIMIT :limit")
                    .param("org", orgId)
                    .param("after", after)
                    .param("limit", BATCH)
                    .query((rs, n) -> document(rs))
                    .list();
            if (batch.isEmpty()) {
                return;
            }
            batches.accept(batch);
            after = batch.getLast().id();
        }
    }

    @Override
    public final List<UUID> organizations() {
        return jdbc.sql("SELECT DISTINCT org_id FROM " + table)
                .query(UUID.class)
                .list();
    }
}
