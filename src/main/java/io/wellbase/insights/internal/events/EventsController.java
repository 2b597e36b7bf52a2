package io.wellbase.insights.internal.events;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.insights.internal.OrganizationDays;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.RequestDates;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Events apps send about themselves (any signed-in member or client of the organization, in batches), their
 * counts by type and day for staff, and how long they are kept.
 */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics")
class EventsController {

    static final int MAX_BATCH = 500;
    static final int MAX_PROPERTIES_BYTES = 4096;
    static final Duration MAX_AGE = Duration.ofDays(30);
    static final Duration MAX_AHEAD = Duration.ofMinutes(5);
    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9_.:-]{0,63}");

    private final EventStore events;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditTrail audit;
    private final OrganizationDays days;

    EventsController(EventStore events, ObjectMapper json, Clock clock, AuditTrail audit, OrganizationDays days) {
        this.events = events;
        this.days = days;
        this.json = json;
        this.clock = clock;
        this.audit = audit;
    }

    record Event(
            @Nullable String type,
            @Nullable JsonNode properties,
            @Nullable String occurredAt,
            @Nullable String sessionId) {}

    record Batch(@Nullable List<Event> events) {}

    record Accepted(int accepted) {}

    @PostMapping("/events")
    @Operation(summary = "Record up to 500 app events {type, properties, occurredAt, sessionId}; all or none")
    ResponseEntity<Accepted> record(Caller caller, @RequestBody Batch batch) {
        UUID org = caller.requireOrganization();
        List<Event> given = batch.events() == null ? List.of() : batch.events();
        if (given.isEmpty() || given.size() > MAX_BATCH) {
            throw ApiException.invalidField("events", "send 1 to " + MAX_BATCH + " events");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<EventStore.Row> rows = new ArrayList<>(given.size());
        List<ApiException.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Event e = given.get(i);
            String at = "events[" + i + "]";
            if (e == null || e.type() == null || !TYPE.matcher(e.type()).matches()) {
                errors.add(
                        new ApiException.FieldError(at + ".type", "lower-case letters, digits and _.:- , at most 64"));
                continue;
            }
            OffsetDateTime occurred = now;
            if (e.occurredAt() != null) {
                try {
                    occurred = OffsetDateTime.parse(e.occurredAt());
                } catch (DateTimeParseException ex) {
                    errors.add(new ApiException.FieldError(
                            at + ".occurredAt", "must be an ISO-8601 date-time with offset"));
                    continue;
                }
                if (occurred.isBefore(now.minus(MAX_AGE)) || occurred.isAfter(now.plus(MAX_AHEAD))) {
                    errors.add(new ApiException.FieldError(at + ".occurredAt", "must lie within the last 30 days"));
                    continue;
                }
            }
            JsonNode properties = e.properties();
            if (properties != null && !properties.isObject()) {
                errors.add(new ApiException.FieldError(at + ".properties", "must be a JSON object"));
                continue;
            }
            String text = properties == null ? "{}" : json.writeValueAsString(properties);
            if (text.length() > MAX_PROPERTIES_BYTES) {
                errors.add(new ApiException.FieldError(
                        at + ".properties", "at most " + MAX_PROPERTIES_BYTES + " characters"));
                continue;
            }
            if (e.sessionId() != null && e.sessionId().length() > 100) {
                errors.add(new ApiException.FieldError(at + ".sessionId", "at most 100 characters"));
                continue;
            }
            rows.add(new EventStore.Row(e.type(), text, occurred, e.sessionId()));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST, "validation_failed", errors.size() + " event(s) are invalid", errors);
        }
        events.insert(org, caller.userId(), rows);
        return ResponseEntity.accepted().body(new Accepted(rows.size()));
    }

    @GetMapping("/events")
    @RequiresPermission(Permission.ANALYTICS_READ)
    @Operation(summary = "App events counted by type and day (events and distinct users), newest day first")
    List<EventStore.Day> counts(
            Caller caller,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String type) {
        UUID org = caller.requireOrganization();
        LocalDate end = RequestDates.date("to", to, days.today(org));
        LocalDate start = RequestDates.date("from", from, end.minusDays(29));
        if (end.isBefore(start) || start.plusDays(400).isBefore(end)) {
            throw ApiException.invalidField("to", "must not be before from, at most 400 days after it");
        }
        return events.counts(org, start, end, type);
    }

    record Settings(int eventRetentionDays) {}

    @GetMapping("/settings")
    @RequiresPermission(Permission.ANALYTICS_MANAGE)
    @Operation(summary = "How long app events are kept")
    Settings settings(Caller caller) {
        return new Settings(events.retentionDays(caller.requireOrganization()));
    }

    @PutMapping("/settings")
    @RequiresPermission(Permission.ANALYTICS_MANAGE)
    @Operation(summary = "Set how long app events are kept (1–3650 days; older ones are deleted nightly)")
    Settings update(Caller caller, @RequestBody Settings body) {
        if (body.eventRetentionDays() < 1 || body.eventRetentionDays() > 3650) {
            throw ApiException.invalidField("eventRetentionDays", "must be between 1 and 3650");
        }
        UUID org = caller.requireOrganization();
        int before = events.retentionDays(org);
        events.setRetentionDays(org, body.eventRetentionDays());
        audit.record(new AuditRecord(
                org,
                caller.userId(),
                "analytics_settings.updated",
                "analytics_settings",
                org.toString(),
                Map.of("eventRetentionDays", new AuditChange(before, body.eventRetentionDays()))));
        return new Settings(body.eventRetentionDays());
    }
}
