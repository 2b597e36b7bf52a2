package io.wellbase.messaging.internal;

import io.wellbase.platform.data.Rows;
import io.wellbase.search.SearchIndex;
import io.wellbase.search.SearchType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The messages table: numbered per conversation; a deleted message stays as a tombstone without a body. */
@Repository
class MessageStore {

    private static final String COLUMNS = """
            id, conversation_id, seq, sender_id, type, body, attachment_file_id, client_message_id, created_at,
            edited_at, deleted_at""";

    private final JdbcClient jdbc;
    private final SearchIndex search;

    MessageStore(JdbcClient jdbc, SearchIndex search) {
        this.jdbc = jdbc;
        this.search = search;
    }

    /** A message as participants see it. */
    record Message(
            UUID id,
            UUID conversationId,
            long seq,
            UUID senderId,
            String type,
            @Nullable String body,
            @Nullable UUID attachmentFileId,
            @Nullable String clientMessageId,
            OffsetDateTime createdAt,
            @Nullable OffsetDateTime editedAt,
            @Nullable OffsetDateTime deletedAt) {}

    /** A message to write; {@code seq} was taken under the conversation's lock. */
    record NewMessage(
            UUID id,
            UUID conversationId,
            long seq,
            UUID senderId,
            MessageType type,
            @Nullable String body,
            @Nullable UUID attachmentFileId,
            @Nullable String clientMessageId) {}

    Message insert(UUID orgId, NewMessage m) {
        Message written = jdbc.sql("INSERT INTO messages (id, org_id, conversation_id, seq, sender_id, type, body,"
                        + " attachment_file_id, client_message_id) VALUES (:id, :org, :c, :seq, :sender, :type, :body,"
                        + " :file, :cmid) RETURNING " + COLUMNS)
                .param("id", m.id())
                .param("org", orgId)
                .param("c", m.conversationId())
                .param("seq", m.seq())
                .param("sender", m.senderId())
                .param("type", m.type().value())
                .param("body", m.body())
                .param("file", m.attachmentFileId())
                .param("cmid", m.clientMessageId())
                .query(Rows.of(Message.class))
                .single();
        search.changed(SearchType.MESSAGE, orgId, written.id());
        return written;
    }

    Optional<Message> bySenderKey(UUID orgId, UUID conversationId, UUID senderId, String clientMessageId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM messages WHERE org_id = :org AND conversation_id = :c"
                        + " AND sender_id = :sender AND client_message_id = :cmid")
                .param("org", orgId)
                .param("c", conversationId)
                .param("sender", senderId)
                .param("cmid", clientMessageId)
                .query(Rows.of(Message.class))
                .optional();
    }

    Optional<Message> find(UUID orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM messages WHERE org_id = :org AND id = :id")
                .param("org", orgId)
                .param("id", id)
                .query(Rows.of(Message.class))
                .optional();
    }

    /** Messages with {@code after < seq < before}, oldest first; the newest {@code limit} when only before is set. */
    List<Message> range(UUID orgId, UUID conversationId, @Nullable Long after, @Nullable Long before, int limit) {
        boolean newestFirst = after == null;
        List<Message> rows = jdbc.sql(
                        "SELECT " + COLUMNS + " FROM messages WHERE org_id = :org AND conversation_id = :c"
                                + " AND seq > :after AND seq < :before ORDER BY seq " + (newestFirst ? "DESC" : "ASC")
                                + " LIMIT :limit")
                .param("org", orgId)
                .param("c", conversationId)
                .param("after", after == null ? 0L : after)
                .param("before", before == null ? Long.MAX_VALUE : before)
                .param("limit", limit)
                .query(Rows.of(Message.class))
                .list();
        if (newestFirst) {
            rows = new java.util.ArrayList<>(rows);
            java.util.Collections.reverse(rows);
        }
        return rows;
    }

    Optional<Message> edit(UUID orgId, UUID id, UUID senderId, String body) {
        Optional<Message> changed = jdbc.sql(
                        "UPDATE messages SET body = :body, edited_at = now() WHERE org_id = :org AND id = :id"
                                + " AND sender_id = :sender AND deleted_at IS NULL RETURNING " + COLUMNS)
                .param("org", orgId)
                .param("id", id)
                .param("sender", senderId)
                .param("body", body)
                .query(Rows.of(Message.class))
                .optional();
        changed.ifPresent(m -> search.changed(SearchType.MESSAGE, orgId, m.id()));
        return changed;
    }

    Optional<Message> tombstone(UUID orgId, UUID id, UUID senderId) {
        Optional<Message> changed = jdbc.sql(
                        "UPDATE messages SET body = NULL, attachment_file_id = NULL, deleted_at = now()"
                                + " WHERE org_id = :org AND id = :id AND sender_id = :sender AND deleted_at IS NULL RETURNING "
                                + COLUMNS)
                .param("org", orgId)
                .param("id", id)
                .param("sender", senderId)
                .query(Rows.of(Message.class))
                .optional();
        changed.ifPresent(m -> search.changed(SearchType.MESSAGE, orgId, m.id()));
        return changed;
    }
}
