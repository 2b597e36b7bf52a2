package io.wellbase.scheduling.internal.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.clients.ClientAccounts;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.Role;
import io.wellbase.platform.web.ApiException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calendar feed URLs (for subscription in Google, Apple or Outlook calendars) and the feeds themselves.
 */
@RestController
@Tag(name = "Scheduling")
class CalendarFeedsController {

    private final CalendarFeeds feeds;
    private final ClientAccounts clientAccounts;

    CalendarFeedsController(CalendarFeeds feeds, ClientAccounts clientAccounts) {
        this.feeds = feeds;
        this.clientAccounts = clientAccounts;
    }

    record FeedRequest(UUID staffId, UUID clientId) {}

    /** Whose feed: clients their own; staff their own, or anyone's with SCHEDULE_MANAGE. */
    private record Target(String type, UUID id) {}

    private Target target(Caller caller, UUID staffId, UUID clientId) {
        if (caller.role() == Role.CLIENT) {
            return new Target("client", clientAccounts.requireSelf(caller));
        }
        caller.requireOrganization();
        if (clientId != null) {
            caller.require(Permission.BOOKING_MANAGE);
            return new Target("client", clientId);
        }
        UUID staff = staffId == null ? caller.userId() : staffId;
        if (!staff.equals(caller.userId())) {
            caller.require(Permission.SCHEDULE_MANAGE);
        }
        return new Target("staff", staff);
    }

    @PostMapping("/api/v1/calendar-feeds")
    @Operation(summary = "Create a secret feed URL: your own, a staff member's or a client's")
    ResponseEntity<CalendarFeeds.Feed> create(Caller caller, @RequestBody FeedRequest request) {
        Target t = target(caller, request.staffId(), request.clientId());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(feeds.create(caller.requireOrganization(), t.type(), t.id(), caller.userId()));
    }

    @GetMapping("/api/v1/calendar-feeds")
    @Operation(summary = "Your active feeds (the URL is only shown when a feed is created)")
    Map<String, List<CalendarFeeds.Feed>> list(Caller caller) {
        Target t = target(caller, null, null);
        return Map.of("data", feeds.list(caller.requireOrganization(), t.type(), t.id()));
    }

    @DeleteMapping("/api/v1/calendar-feeds/{id}")
    @Operation(summary = "Revoke a feed: its URL stops working")
    ResponseEntity<Void> revoke(Caller caller, @PathVariable UUID id) {
        UUID orgId = caller.requireOrganization();
        if (caller.can(Permission.SCHEDULE_MANAGE)) {
            feeds.revoke(orgId, id, null, null);
        } else {
            Target t = target(caller, null, null);
            feeds.revoke(orgId, id, t.type(), t.id());
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping(value = "/calendar/{token}.ics")
    @Operation(summary = "The iCalendar feed (no login; the URL is the key)")
    @ApiResponse(
            responseCode = "200",
            description = "The feed",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
    ResponseEntity<String> feed(@PathVariable String token) {
        if (token.length() > 100) {
            throw ApiException.notFound("Calendar feed");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                .header("Cache-Control", "private, max-age=300")
                .body(feeds.render(token));
    }
}
