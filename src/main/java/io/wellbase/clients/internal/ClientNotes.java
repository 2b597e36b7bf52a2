package io.wellbase.clients.internal;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.data.Rows;
import io.wellbase.platform.web.ApiException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Timestamped notes (pinnable, with their author) and yellow or red alerts on a client's record.
 */
@Service
class ClientNotes {

    private final JdbcClient jdbc;
    private final ClientStore clients;
    private final AuditTrail audit;

    ClientNotes(JdbcClient jdbc, ClientStore clients, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.audit = audit;
    }

    /** A note as the API shows it. */
    record Note(
            UUID id, UUID authorId, String body, boolean pinned, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}

    @Transactional(readOnly = true)
    List<Note> notes(UUID orgId, UUID clientId) {
        requireClient(orgId, clientId);
        return jdbc.sql("""
                SELECT id, author_id, body, pinned, created_at, updated_at FROM client_notes
                WHERE org_id = :org AND client_id = :client ORDER BY pinned DESC, created_at DESC, id DESC
                """)
                .param("org", orgId)
                .param("client", clientId)
                .query(Rows.of(Note.class))
                .list();
    }

    /** Every alert of the client, resolved ones included (for the data-subject export). */
    record AlertEntry(UUID id, String level, String message, OffsetDateTime createdAt, OffsetDateTime resolvedAt) {}

    @Transactional(readOnly = true)
    List<AlertEntry> alertHistory(UUID orgId, UUID clientId) {
        requireClient(orgId, clientId);
        return jdbc.sql("""
                SELECT id, level, message, created_at, resolved_at FROM client_alerts
                WHERE org_id = :org AND client_id = :client ORDER BY created_at DESC, id DESC
                """)
                .param("org", orgId)
                .param("client", clientId)
                .query(Rows.of(AlertEntry.class))
                .list();
    }

    @Transactional
    Note addNote(UUID orgId, UUID clientId, UUID authorId, String body, boolean pinned) {
        requireClient(orgId, clientId);
        UUID id = Ids.newId();
        jdbc.sql("""
                INSERT INTO client_notes (id, org_id, client_id, author_id, body, pinned)
                VALUES (:id, :org, :client, :author, :body, :pinned)
                """)
                .param("id", id)
                .param("org", orgId)
                .param("client", clientId)
                .param("author", authorId)
                .param("body", body)
                .param("pinned", pinned)
                .update();
        audit.record(AuditRecord.of(
                orgId,
                "client_note.created",
                "client",
                clientId,
                AuditChange.created(Map.of("noteId", id, "pinned", pinned))));
        return note(orgId, clientId, id);
    }

    @Transactional
    Note updateNote(UUID orgId, UUID clientId, UUID noteId, String body, Boolean pinned) {
        Note current = note(orgId, clientId, noteId);
        jdbc.sql("""
                UPDATE client_notes SET body = :body, pinned = :pinned, updated_at = now()
                WHERE org_id = :org AND client_id = :client AND id = :id
                """)
                .param("body", body == null ? current.body() : body)
                .param("pinned", pinned == null ? current.pinned() : pinned)
                .param("org", orgId)
                .param("client", clientId)
                .param("id", noteId)
                .update();
        Note updated = note(orgId, clientId, noteId);
        audit.record(AuditRecord.of(
                orgId,
                "client_note.updated",
                "client",
                clientId,
                AuditChange.diff(
                        Map.of("noteId", noteId, "body", current.body(), "pinned", current.pinned()),
                        Map.of("noteId", noteId, "body", updated.body(), "pinned", updated.pinned()))));
        return updated;
    }

    @Transactional
    void deleteNote(UUID orgId, UUID clientId, UUID noteId) {
        note(orgId, clientId, noteId);
        jdbc.sql("DELETE FROM client_notes WHERE org_id = :org AND client_id = :client AND id = :id")
                .param("org", orgId)
                .param("client", clientId)
                .param("id", noteId)
                .update();
        audit.record(AuditRecord.of(
                orgId, "client_note.deleted", "client", clientId, Map.of("noteId", new AuditChange(noteId, null))));
    }

    @Transactional
    ClientView.AlertView addAlert(
            UUID orgId, UUID clientId, UUID authorId, String level, String message, boolean visibleToClient) {
        requireClient(orgId, clientId);
        UUID id = Ids.newId();
        jdbc.sql("""
                INSERT INTO client_alerts (id, org_id, client_id, level, message, visible_to_client, created_by)
                VALUES (:id, :org, :client, :level, :message, :visible, :by)
                """)
                .param("id", id)
                .param("org", orgId)
                .param("client", clientId)
                .param("level", level)
                .param("message", message)
                .param("visible", visibleToClient)
                .param("by", authorId)
                .update();
        audit.record(AuditRecord.of(
                orgId,
                "client_alert.created",
                "client",
                clientId,
                AuditChange.created(Map.of(
                        "alertId", id, "level", level, "message", message, "visibleToClient", visibleToClient))));
        return clients.openAlerts(orgId, clientId).stream()
                .filter(a -> a.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Transactional
    void resolveAlert(UUID orgId, UUID clientId, UUID alertId) {
        requireClient(orgId, clientId);
        int updated = jdbc.sql("""
                UPDATE client_alerts SET resolved_at = now()
                WHERE org_id = :org AND client_id = :client AND id = :id AND resolved_at IS NULL
                """)
                .param("org", orgId)
                .param("client", clientId)
                .param("id", alertId)
                .update();
        if (updated == 0) {
            throw ApiException.notFound("Alert");
        }
        audit.record(AuditRecord.of(
                orgId, "client_alert.resolved", "client", clientId, Map.of("alertId", new AuditChange(alertId, null))));
    }

    private Note note(UUID orgId, UUID clientId, UUID noteId) {
        requireClient(orgId, clientId);
        return jdbc.sql("""
                SELECT id, author_id, body, pinned, created_at, updated_at FROM client_notes
                WHERE org_id = :org AND client_id = :client AND id = :id
                """)
                .param("org", orgId)
                .param("client", clientId)
                .param("id", noteId)
                .query(Rows.of(Note.class))
                .optional()
                .orElseThrow(() -> ApiException.notFound("Note"));
    }

    private void requireClient(UUID orgId, UUID clientId) {
        clients.find(orgId, clientId).orElseThrow(() -> ApiException.notFound("Client"));
    }
}
