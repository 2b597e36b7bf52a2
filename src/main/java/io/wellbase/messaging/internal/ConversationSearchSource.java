package io.wellbase.messaging.internal;

import io.wellbase.search.SearchAudience;
import io.wellbase.search.SearchDocument;
import io.wellbase.search.SearchType;
import io.wellbase.search.SqlSearchSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Conversations for search, found only by their current participants (indexed once a participant joins or leaves:
 * a conversation without any is found by nobody).
 */
@Component
class ConversationSearchSource extends SqlSearchSource {

    /** The current participants of conversation {@code c}, for a select of a conversation or its messages. */
    static final String PARTICIPANTS = """
            ARRAY(SELECT p.user_id FROM conversation_participants p
                  WHERE p.conversation_id = c.id AND p.removed_at IS NULL ORDER BY p.user_id) AS participants""";

    private static final String SELECT =
            "SELECT c.id, c.kind, c.title, " + PARTICIPANTS + " FROM conversations c WHERE c.org_id = :org";

    ConversationSearchSource(JdbcClient jdbc) {
        super(jdbc, SearchType.CONVERSATION, "conversations", SELECT, "c.id");
    }

    static List<UUID> participants(ResultSet rs) throws SQLException {
        return Arrays.asList((UUID[]) rs.getArray("participants").getArray());
    }

    static String titleOf(ResultSet rs) throws SQLException {
        String title = rs.getString("title");
        if (title != null && !title.isBlank()) {
            return title;
        }
        return "client".equals(rs.getString("kind")) ? "Client conversation" : "Staff conversation";
    }

    @Override
    protected SearchDocument document(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new SearchDocument(
                SearchType.CONVERSATION,
                id,
                titleOf(rs),
                null,
                null,
                "/api/v1/conversations/" + id,
                SearchAudience.PARTICIPANTS,
                participants(rs));
    }
}
