package io.wellbase.messaging.internal;

import io.wellbase.platform.data.Rows;
import io.wellbase.platform.web.CursorPage;
import io.wellbase.search.SearchIndex;
import io.wellbase.search.SearchType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The conversations and participants tables. */
@Repository
public class ConversationStore {

    private final JdbcClient jdbc;
    private final SearchIndex search;

    ConversationStore(JdbcClient jdbc, SearchIndex search) {
        this.jdbc = jdbc;
        this.search = search;
    }

    /**
     * Search knows who may find a conversation and its messages: after its participants changed, they are
     * indexed again with the new list.
     */
    private void participantsChanged(UUID orgId, UUID conversationId) {
        search.changed(SearchType.CONVERSATION, orgId, conversationId);
        search.changed(
                SearchType.MESSAGE,
                orgId,
                jdbc.sql("SELECT id FROM messages WHERE org_id = :org AND conversation_id = :c AND deleted_at IS NULL")
                        .param("org", orgId)
                        .param("c", conversationId)
                        .query(UUID.class)
                        .list());
    }

    public record Conversation(
            UUID id,
            String kind,
            @Nullable String title,
            @Nullable UUID clientId,
            UUID createdBy,
            long lastSeq,
            @Nullable OffsetDateTime lastMessageAt,
            OffsetDateTime createdAt) {}

    record Participant(UUID userId, String role, long readSeq, boolean sendReceipts, OffsetDateTime joinedAt) {}

    /** A conversation as one participant lists it: how many messages they have not read, the last one's text. */
    record Listed(
            UUID id,
            String kind,
            @Nullable String title,
            @Nullable UUID clientId,
            long lastSeq,
            @Nullable OffsetDateTime lastMessageAt,
            long unread,
            @Nullable String lastMessage) {}

    public void insert(
            UUID orgId, UUID id, ConversationKind kind, @Nullable String title, @Nullable UUID clientId, UUID by) {
        jdbc.sql("""
                INSERT INTO conversations (id, org_id, kind, title, client_id, created_by)
                VALUES (:id, :org, :kind, :title, :client, :by)
                """)
                .param("id", id)
                .param("org", orgId)
                .param("kind", kind.value())
                .param("title", title)
                .param("client", clientId)
                .param("by", by)
                .update();
    }

    /** Adds (or brings back) a participant; answers whether anything changed. */
    public boolean addParticipant(UUID orgId, UUID conversationId, UUID userId, String role) {
        boolean added = jdbc.sql("""
                        INSERT INTO conversation_participants (org_id, conversation_id, user_id, role, read_seq)
                        SELECT :org, :c, :user, :role, c.last_seq FROM conversations c WHERE c.id = :c AND c.org_id = :org
                        ON CONFLICT (conversation_id, user_id) DO UPDATE SET removed_at = NULL, joined_at = now()
                        WHERE conversation_participants.removed_at IS NOT NULL
                        """)
                        .param("org", orgId)
                        .param("c", conversationId)
                        .param("user", userId)
                        .param("role", role)
                        .update()
                == 1;
        if (added) {
            participantsChanged(orgId, conversationId);
        }
        return added;
    }

    boolean removeParticipant(UUID orgId, UUID conversationId, UUID userId) {
        boolean removed = jdbc.sql("""
                        UPDATE conversation_participants SET removed_at = now()
                        WHERE org_id = :org AND conversation_id = :c AND user_id = :user AND removed_at IS NULL
                        """)
                        .param("org", orgId)
                        .param("c", conversationId)
                        .param("user", userId)
                        .update()
                == 1;
        if (removed) {
            participantsChanged(orgId, conversationId);
        }
        return removed;
    }

    public Optional<Conversation> find(UUID orgId, UUID id) {
        return jdbc.sql("""
                SELECT id, kind, title, client_id, created_by, last_seq, last_message_at, created_at
                FROM conversations WHERE org_id = :org AND id = :id
                """)
                .param("org", orgId)
                .param("id", id)
                .query(Rows.of(Conversation.class))
                .optional();
    }

    /** The participant, while they are one. */
    Optional<Participant> participant(UUID orgId, UUID conversationId, UUID userId) {
        return jdbc.sql("""
                SELECT user_id, role, read_seq, send_receipts, joined_at FROM conversation_participants
                WHERE org_id = :org AND conversation_id = :c AND user_id = :user AND removed_at IS NULL
                """)
                .param("org", orgId)
                .param("c", conversationId)
                .param("user", userId)
                .query(Rows.of(Participant.class))
                .optional();
    }

    List<Participant> participants(UUID orgId, UUID conversationId) {
        return jdbc.sql("""
                SELECT user_id, role, read_seq, send_receipts, joined_at FROM conversation_participants
                WHERE org_id = :org AND conversation_id = :c AND removed_at IS NULL
                ORDER BY joined_at, user_id
                """)
                .param("org", orgId)
                .param("c", conversationId)
                .query(Rows.of(Participant.class))
                .list();
    }

    /** Takes the conversation row's lock until the caller's transaction ends. */
    void lock(UUID orgId, UUID conversationId) {
        jdbc.sql("SELECT id FROM conversations WHERE org_id = :org AND id = :c FOR UPDATE")
                .param("org", orgId)
                .param("c", conversationId)
                .query(UUID.class)
                .optional();
    }

    /** The next sequence number, under the conversation row's lock until the caller's transaction ends. */
    long nextSeq(UUID orgId, UUID conversationId) {
        return jdbc.sql("""
                UPDATE conversations SET last_seq = last_seq + 1, last_message_at = now()
                WHERE org_id = :org AND id = :c RETURNING last_seq
                """)
                .param("org", orgId)
                .param("c", conversationId)
                .query(Long.class)
                .single();
    }

    /**
     * Claims the messages after the last one published up to {@code upTo} for live delivery; answers the
     * number the claimed range starts after, or empty when another call (on any node) claimed them already.
     */
    Optional<Long> claimPush(UUID orgId, UUID conversationId, long upTo) {
        return jdbc.sql("""
                UPDATE conversations c SET pushed_seq = :upTo
                FROM (SELECT id, pushed_seq AS before FROM conversations WHERE org_id = :org AND id = :c FOR UPDATE) old
                WHERE c.id = old.id AND old.before < :upTo
                RETURNING old.before
                """)
                .param("org", orgId)
                .param("c", conversationId)
                .param("upTo", upTo)
                .query(Long.class)
                .optional();
    }

    /** The newest number published to live subscribers. */
    long pushedSeq(UUID orgId, UUID conversationId) {
        return jdbc.sql("SELECT pushed_seq FROM conversations WHERE org_id = :org AND id = :c")
                .param("org", orgId)
                .param("c", conversationId)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /** Moves the participant's read mark forward (never back, never past the last message). */
    long markRead(UUID orgId, UUID conversationId, UUID userId, long upTo) {
        return jdbc.sql("""
                UPDATE conversation_participants p
                SET read_seq = greatest(p.read_seq, least(:upTo, c.last_seq))
                FROM conversations c
                WHERE c.id = p.conversation_id AND p.org_id = :org AND p.conversation_id = :c AND p.user_id = :user
                  AND p.removed_at IS NULL
                RETURNING p.read_seq
                """)
                .param("org", orgId)
                .param("c", conversationId)
                .param("user", userId)
                .param("upTo", upTo)
                .query(Long.class)
                .single();
    }

    void setReceipts(UUID orgId, UUID conversationId, UUID userId, boolean on) {
        jdbc.sql("""
                UPDATE conversation_participants SET send_receipts = :on
                WHERE org_id = :org AND conversation_id = :c AND user_id = :user AND removed_at IS NULL
                """)
                .param("org", orgId)
                .param("c", conversationId)
                .param("user", userId)
                .param("on", on)
                .update();
    }

    /** The user's conversations, newest activity first, by cursor on the id within the same order. */
    CursorPage<Listed> pageFor(UUID orgId, UUID userId, @Nullable UUID before, int size) {
        List<Listed> rows = jdbc.sql("""
                SELECT c.id, c.kind, c.title, c.client_id, c.last_seq, c.last_message_at,
                       c.last_seq - p.read_seq AS unread,
                       (SELECT m.body FROM messages m WHERE m.conversation_id = c.id AND m.seq = c.last_seq) AS last_message
                FROM conversation_participants p JOIN conversations c ON c.id = p.conversation_id
                WHERE p.org_id = :org AND p.user_id = :user AND p.removed_at IS NULL
                  AND (CAST(:before AS uuid) IS NULL OR c.id < :before)
                ORDER BY c.id DESC
                LIMIT :limit
                """)
                .param("org", orgId)
                .param("user", userId)
                .param("before", before)
                .param("limit", size + 1)
                .query(Rows.of(Listed.class))
                .list();
        return CursorPage.fromLookahead(rows, size, Listed::id);
    }

    /** Every conversation of the organization, newest first, by cursor (for readers with the right to all). */
    CursorPage<Conversation> pageAll(UUID orgId, @Nullable UUID before, int size) {
        List<Conversation> rows = jdbc.sql("""
                SELECT id, kind, title, client_id, created_by, last_seq, last_message_at, created_at
                FROM conversations
                WHERE org_id = :org AND (CAST(:before AS uuid) IS NULL OR id < :before)
                ORDER BY id DESC
                LIMIT :limit
                """)
                .param("org", orgId)
                .param("before", before)
                .param("limit", size + 1)
                .query(Rows.of(Conversation.class))
                .list();
        return CursorPage.fromLookahead(rows, size, Conversation::id);
    }

    /** Messages the user has not read, over every conversation they are in. */
    long unread(UUID orgId, UUID userId) {
        return jdbc.sql("""
                SELECT coalesce(sum(c.last_seq - p.read_seq), 0)
                FROM conversation_participants p JOIN conversations c ON c.id = p.conversation_id
                WHERE p.org_id = :org AND p.user_id = :user AND p.removed_at IS NULL
                """)
                .param("org", orgId)
                .param("user", userId)
                .query(Long.class)
                .single();
    }
}
