package io.wellbase.care.internal.mood;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.care.internal.CareDays;
import io.wellbase.care.internal.sharing.CareAccess;
import io.wellbase.care.internal.sharing.CareCategory;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.plans.Feature;
import io.wellbase.platform.plans.RequiresFeature;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.RequestDates;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A client's mood entries (their own, to write and read), their statistics and insights; staff with
 * {@code care.read} read a client's entries and statistics while the client shares mood.
 */
@RestController
@RequiresFeature(Feature.CARE)
@Tag(name = "Care")
class MoodsController {

    /** The longest range the statistics and insights look at. */
    static final long MAX_DAYS = 731;

    private final MoodStore store;
    private final ClassDays classDays;
    private final CareAccess access;
    private final CareDays days;
    private final Clock clock;
    private final io.wellbase.care.internal.achievements.Achievements achievements;

    MoodsController(
            MoodStore store,
            ClassDays classDays,
            CareAccess access,
            CareDays days,
            Clock clock,
            io.wellbase.care.internal.achievements.Achievements achievements) {
        this.achievements = achievements;
        this.store = store;
        this.classDays = classDays;
        this.access = access;
        this.days = days;
        this.clock = clock;
    }

    @PostMapping("/api/v1/moods")
    @Operation(summary = "Record a mood (1-5) with emotions, a note, when, where, the weather and tracked factors")
    ResponseEntity<MoodStore.Entry> create(Caller caller, @RequestBody MoodRequests.Body body) {
        UUID org = caller.requireOrganization();
        UUID client = access.self(caller);
        MoodStore.Content content = MoodRequests.content(body, null, days.zone(org), OffsetDateTime.now(clock));
        UUID id = Ids.newId();
        store.insert(org, client, id, content);
        achievements.evaluate(org, client); // after the entry is committed, as for breathing sessions
        return ResponseEntity.created(URI.create("/api/v1/moods/" + id))
                .body(store.find(org, client, id).orElseThrow());
    }

    @PatchMapping("/api/v1/moods/{id}")
    @Operation(summary = "Change one of your mood entries; fields left out keep their values")
    MoodStore.Entry update(Caller caller, @PathVariable UUID id, @RequestBody MoodRequests.Body body) {
        UUID org = caller.requireOrganization();
        UUID client = access.self(caller);
        MoodStore.Entry entry = store.find(org, client, id).orElseThrow(() -> ApiException.notFound("Mood entry"));
        store.update(org, client, id, MoodRequests.content(body, entry, days.zone(org), OffsetDateTime.now(clock)));
        return store.find(org, client, id).orElseThrow();
    }

    @DeleteMapping("/api/v1/moods/{id}")
    @Operation(summary = "Delete one of your mood entries")
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
        if (!store.delete(caller.requireOrganization(), access.self(caller), id)) {
            throw ApiException.notFound("Mood entry");
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/moods")
    @Operation(summary = "Your mood entries, newest first, optionally between two days")
    Map<String, List<MoodStore.Entry>> mine(
            Caller caller,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "100") int limit) {
        return entries(caller, access.self(caller), from, to, limit);
    }

    @GetMapping("/api/v1/moods/stats")
    @Operation(
            summary =
                    "Your mood over a range (default the last 365 days): average, spread, streaks, by weekday and month, daily")
    MoodStats stats(
            Caller caller,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return stats(caller, access.self(caller), from, to);
    }

    @GetMapping("/api/v1/moods/insights")
    @Operation(summary = "Which factors go with better or worse mood (with 3+ days each way), and the two-week trend")
    MoodInsights insights(
            Caller caller,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        UUID org = caller.requireOrganization();
        UUID client = access.self(caller);
        LocalDate[] range = range(org, from, to);
        return MoodInsights.of(
                range[0],
                range[1],
                store.between(org, client, range[0], range[1], Integer.MAX_VALUE),
                classDays.of(org, client, range[0], range[1]));
    }

    @GetMapping("/api/v1/clients/{id}/moods")
    @Operation(summary = "A client's mood entries for staff (care.read), only while the client shares mood; audited")
    Map<String, List<MoodStore.Entry>> ofClient(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "100") int limit) {
        return entries(caller, access.readable(caller, id, CareCategory.MOOD), from, to, limit);
    }

    @GetMapping("/api/v1/clients/{id}/moods/stats")
    @Operation(summary = "A client's mood statistics for staff (care.read), only while the client shares mood; audited")
    MoodStats statsOfClient(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return stats(caller, access.readable(caller, id, CareCategory.MOOD), from, to);
    }

    private Map<String, List<MoodStore.Entry>> entries(
            Caller caller, UUID client, @Nullable String from, @Nullable String to, int limit) {
        if (limit < 1 || limit > 500) {
            throw ApiException.invalidField("limit", "must be between 1 and 500");
        }
        LocalDate first = from == null ? null : RequestDates.date("from", from, LocalDate.MIN);
        LocalDate last = to == null ? null : RequestDates.date("to", to, LocalDate.MAX);
        return Map.of("data", store.between(caller.requireOrganization(), client, first, last, limit));
    }

    private MoodStats stats(Caller caller, UUID client, @Nullable String from, @Nullable String to) {
        UUID org = caller.requireOrganization();
        LocalDate[] range = range(org, from, to);
        return MoodStats.of(
                range[0], range[1], days.today(org), store.between(org, client, range[0], range[1], Integer.MAX_VALUE));
    }

    /** From and to (inclusive), by default the 365 days through today; at most two years. */
    private LocalDate[] range(UUID org, @Nullable String from, @Nullable String to) {
        LocalDate last = RequestDates.date("to", to, days.today(org));
        LocalDate first = RequestDates.date("from", from, last.minusDays(364));
        if (first.isAfter(last)) {
            throw ApiException.invalidField("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ApiException.invalidField("from", "the range may span at most " + MAX_DAYS + " days");
        }
        return new LocalDate[] {first, last};
    }
}
