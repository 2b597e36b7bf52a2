package io.wellbase.clients.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notes and alerts on a client's record.
 */
@RestController
@RequestMapping("/api/v1/clients/{id}")
@Tag(name = "Clients")
class ClientNotesController {

    private final ClientNotes notes;

    ClientNotesController(ClientNotes notes) {
        this.notes = notes;
    }

    @GetMapping("/notes")
    @RequiresPermission(Permission.CLIENT_READ)
    @Operation(summary = "Notes, pinned first, newest first")
    Map<String, List<ClientNotes.Note>> list(CurrentOrganization org, @PathVariable UUID id) {
        return Map.of("data", notes.notes(org.id(), id));
    }

    @PostMapping("/notes")
    @RequiresPermission(Permission.CLIENT_WRITE)
    @Operation(summary = "Add a note")
    ResponseEntity<ClientNotes.Note> add(
            Caller caller, @PathVariable UUID id, @Valid @RequestBody ClientRequests.NoteRequest request) {
        var note = notes.addNote(
                caller.requireOrganization(),
                id,
                caller.userId(),
                request.body(),
                Boolean.TRUE.equals(request.pinned()));
        return ResponseEntity.created(URI.create("/api/v1/clients/" + id + "/notes/" + note.id()))
                .body(note);
    }

    @PatchMapping("/notes/{noteId}")
    @RequiresPermission(Permission.CLIENT_WRITE)
    @Operation(summary = "Change or pin a note")
    ClientNotes.Note update(
            CurrentOrganization org,
            @PathVariable UUID id,
            @PathVariable UUID noteId,
            @Valid @RequestBody ClientRequests.NotePatchRequest request) {
        return notes.updateNote(org.id(), id, noteId, request.body(), request.pinned());
    }

    @DeleteMapping("/notes/{noteId}")
    @RequiresPermission(Permission.CLIENT_WRITE)
    @Operation(summary = "Delete a note")
    ResponseEntity<Void> delete(CurrentOrganization org, @PathVariable UUID id, @PathVariable UUID noteId) {
        notes.deleteNote(org.id(), id, noteId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/alerts")
    @RequiresPermission(Permission.CLIENT_WRITE)
    @Operation(summary = "Raise a yellow or red alert on the record")
    ResponseEntity<ClientView.AlertView> alert(
            Caller caller, @PathVariable UUID id, @Valid @RequestBody ClientRequests.AlertRequest request) {
        var alert = notes.addAlert(
                caller.requireOrganization(),
                id,
                caller.userId(),
                request.level(),
                request.message(),
                request.shownToClient());
        return ResponseEntity.created(URI.create("/api/v1/clients/" + id + "/alerts/" + alert.id()))
                .body(alert);
    }

    @DeleteMapping("/alerts/{alertId}")
    @RequiresPermission(Permission.CLIENT_WRITE)
    @Operation(summary = "Resolve an alert")
    ResponseEntity<Void> resolve(CurrentOrganization org, @PathVariable UUID id, @PathVariable UUID alertId) {
        notes.resolveAlert(org.id(), id, alertId);
        return ResponseEntity.noContent().build();
    }
}
