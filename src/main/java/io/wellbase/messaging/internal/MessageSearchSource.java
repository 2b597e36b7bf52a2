package io.wellbase.messaging.internal;

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
 * Messages with text for search, found only by the conversation's current participants; a deleted message is not
 * found, an edited one by its new text. The link opens the conversation at the message.
 */
@Component
class MessageSearchSource extends SqlSearchSource {

    private static final String SELECT = "SELECT m.id, m.conversation_id, m.seq, m.body, c.kind, c.title, "
            + ConversationSearchSource.PARTICIPANTS
            + """

            FROM messages m
            JOIN conversations c ON c.id = m.conversation_id
            WHERE m.org_id = :org AND m.deleted_at IS NULL AND m.body IS NOT NULL
            """;

    MessageSearchSource(JdbcClient jdbc) {
        super(jdbc, SearchType.MESSAGE, "messages", SELECT, "m.id");
    }

    @Override
    protected SearchDocument document(ResultSet rs) throws SQLException {
        UUID conversation = rs.getObject("conversation_id", UUID.class);
        return new SearchDocument(
                SearchType.MESSAGE,
                rs.getObject("id", UUID.class),
                ConversationSearchSource.titleOf(rs),
                null,
                rs.getString("body"),
                "/api/v1/conversations/" + conversation + "/messages?after=" + (rs.getLong("seq") - 1),
                SearchAudience.PARTICIPANTS,
                ConversationSearchSource.participants(rs));
    }
}
