package io.wellbase.notifications.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.CursorPage;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's in-app notifications, in the organization of their token: only their own. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications")
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    @Operation(summary = "My notifications, newest first, by cursor; unread=true and category filter")
    CursorPage<Inbox.Notification> list(
            Caller caller,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(name = "page_size", defaultValue = "20") int pageSize) {
        if (pageSize < 1 || pageSize > 200) {
            throw ApiException.invalidField("page_size", "must be between 1 and 200");
        }
        Category parsed = category == null
                ? null
                : Category.parse(category)
                        .orElseThrow(() -> ApiException.invalidField("category", "is not a notification category"));
        return inbox.page(
                caller.requireOrganization(), caller.userId(), unread, parsed, CursorPage.idCursor(cursor), pageSize);
    }

    @GetMapping("/unread-count")
    @Operation(summary = "How many of my notifications are unread")
    Map<String, Long> unreadCount(Caller caller) {
        return Map.of("count", inbox.unread(caller.requireOrganization(), caller.userId()));
    }

    @PatchMapping("/{id}/read")
    @Operation(summary = "Mark one of my notifications read")
    Inbox.Notification read(Caller caller, @PathVariable UUID id) {
        return inbox.markRead(caller.requireOrganization(), caller.userId(), id)
                .orElseThrow(() -> ApiException.notFound("Notification"));
    }

    @PutMapping("/{id}/read")
    @Operation(summary = "Mark one of my notifications read (the same as PATCH)")
    Inbox.Notification readByPut(Caller caller, @PathVariable UUID id) {
        return read(caller, id);
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark all my notifications read")
    Map<String, Integer> readAll(Caller caller) {
        return Map.of("marked", inbox.markAllRead(caller.requireOrganization(), caller.userId()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete one of my notifications")
    void delete(Caller caller, @PathVariable UUID id) {
        if (!inbox.delete(caller.requireOrganization(), caller.userId(), id)) {
            throw ApiException.notFound("Notification");
        }
    }
}
