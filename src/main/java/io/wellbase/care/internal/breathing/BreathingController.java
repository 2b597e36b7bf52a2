package io.wellbase.care.internal.breathing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.care.internal.CareDays;
import io.wellbase.care.internal.CareFields;
import io.wellbase.care.internal.achievements.Achievements;
import io.wellbase.care.internal.sharing.CareAccess;
import io.wellbase.care.internal.sharing.CareCategory;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.plans.Feature;
import io.wellbase.platform.plans.RequiresFeature;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.RequestDates;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The breathing techniques (built in and the organization's own) and the sessions clients complete. */
@RestController
@RequiresFeature(Feature.CARE)
@Tag(name = "Care")
class BreathingController {

    private final BreathingStore store;
    private final CareAccess access;
    private final CareDays days;
    private final Achievements achievements;
    private final AuditTrail audit;
    private final Clock clock;

    BreathingController(
            BreathingStore store,
            CareAccess access,
            CareDays days,
            Achievements achievements,
            AuditTrail audit,
            Clock clock) {
        this.store = store;
        this.access = access;
        this.days = days;
        this.achievements = achievements;
        this.audit = audit;
        this.clock = clock;
    }

    record TechniqueView(
            String code,
            String name,
            @Nullable String description,
            List<Technique.Phase> phases,
            int cycles,
            double cycleSeconds,
            double breathsPerMinute,
            boolean builtIn,
            @Nullable String source) {

        static TechniqueView of(Technique t) {
            return new TechniqueView(
                    t.code(),
                    t.name(),
                    t.description(),
                    t.phases(),
                    t.cycles(),
                    t.cycleSeconds(),
                    t.breathsPerMinute(),
                    t.builtIn(),
                    t.source());
        }
    }

    record TechniqueRequest(
            @Nullable String code,
            @Nullable String name,
            @Nullable String description,
            @Nullable List<Technique.Phase> phases,
            @Nullable Integer cycles) {}

    record SessionRequest(
            @Nullable String technique,
            @Nullable Integer durationSeconds,
            @Nullable String completedAt,
            @Nullable Integer moodBefore,
            @Nullable Integer moodAfter) {}

    record Recorded(BreathingStore.Session session, List<String> achievementsEarned) {}

    @GetMapping("/api/v1/breathing/techniques")
    @Operation(summary = "The breathing techniques: cyclic sighing, box, 4-7-8, resonance, and the organization's own")
    Map<String, List<TechniqueView>> techniques(Caller caller) {
        return Map.of(
                "data", all(caller.requireOrganization()).map(TechniqueView::of).toList());
    }

    @PostMapping("/api/v1/breathing/techniques")
    @RequiresPermission(Permission.CARE_MANAGE)
    @Operation(summary = "Add a technique of the organization's own (phases inhale/hold/exhale with seconds, cycles)")
    ResponseEntity<TechniqueView> add(Caller caller, @RequestBody TechniqueRequest r) {
        UUID org = caller.requireOrganization();
        List<ApiException.FieldError> errors = new ArrayList<>();
        CareFields.code(r.code(), errors);
        CareFields.name(r.name(), 100, errors);
        if (r.phases() == null || r.phases().isEmpty() || r.phases().size() > 10) {
            errors.add(new ApiException.FieldError("phases", "1 to 10 phases"));
        } else {
            for (int i = 0; i < r.phases().size(); i++) {
                Technique.Phase p = r.phases().get(i);
                if (p == null || !Technique.ACTIONS.contains(p.action()) || p.seconds() <= 0 || p.seconds() > 60) {
                    errors.add(new ApiException.FieldError(
                            "phases[" + i + "]",
                            "an action (inhale, hold, exhale) of more than 0 and at most 60 seconds"));
                }
            }
        }
        if (r.cycles() == null || r.cycles() < 1 || r.cycles() > 1000) {
            errors.add(new ApiException.FieldError("cycles", "from 1 to 1000"));
        }
        ApiException.throwIfInvalid(errors);
        Technique t = new Technique(
                r.code(), r.name().strip(), r.description(), List.copyOf(r.phases()), r.cycles(), false, null);
        boolean builtIn = Technique.BUILT_IN.stream().anyMatch(b -> b.code().equals(t.code()));
        if (builtIn || !store.addTechnique(org, Ids.newId(), t)) {
            throw ApiException.conflict("breathing.technique_exists", "A technique with this code exists");
        }
        audit.record(AuditRecord.of(
                org,
                "breathing.technique_added",
                "breathing_technique",
                t.code(),
                Map.of("code", new AuditChange(null, t.code()))));
        return ResponseEntity.status(HttpStatus.CREATED).body(TechniqueView.of(t));
    }

    @DeleteMapping("/api/v1/breathing/techniques/{code}")
    @RequiresPermission(Permission.CARE_MANAGE)
    @Operation(summary = "Retire one of the organization's techniques (sessions already recorded keep it)")
    ResponseEntity<Void> retire(Caller caller, @PathVariable String code) {
        if (!store.deactivate(caller.requireOrganization(), code)) {
            throw ApiException.notFound("Technique");
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/breathing/sessions")
    @Operation(summary = "Record a completed breathing session (clients), with the mood before and after if given")
    ResponseEntity<Recorded> record(Caller caller, @RequestBody SessionRequest r) {
        UUID org = caller.requireOrganization();
        UUID client = access.self(caller);
        List<ApiException.FieldError> errors = new ArrayList<>();
        if (r.technique() == null || all(org).noneMatch(t -> t.code().equals(r.technique()))) {
            errors.add(new ApiException.FieldError("technique", "must be the code of a technique"));
        }
        if (r.durationSeconds() == null || r.durationSeconds() < 1 || r.durationSeconds() > 86_400) {
            errors.add(new ApiException.FieldError("durationSeconds", "from 1 to 86400"));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime completed = now;
        if (r.completedAt() != null) {
            try {
                completed = OffsetDateTime.parse(r.completedAt());
                if (completed.isAfter(now.plusMinutes(5)) || completed.isBefore(now.minusDays(30))) {
                    errors.add(new ApiException.FieldError("completedAt", "must lie within the last 30 days"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new ApiException.FieldError("completedAt", "must be an ISO-8601 date-time with offset"));
            }
        }
        for (var mood :
                List.of(Map.entry("moodBefore", nz(r.moodBefore())), Map.entry("moodAfter", nz(r.moodAfter())))) {
            if (mood.getValue() != 0 && (mood.getValue() < 1 || mood.getValue() > 5)) {
                errors.add(new ApiException.FieldError(mood.getKey(), "from 1 to 5"));
            }
        }
        ApiException.throwIfInvalid(errors);
        LocalDate date =
                r.completedAt() == null ? now.atZoneSameInstant(days.zone(org)).toLocalDate() : completed.toLocalDate();
        UUID id = Ids.newId();
        store.insert(
                org,
                client,
                id,
                new BreathingStore.Session(
                        id, r.technique(), r.durationSeconds(), completed, date, r.moodBefore(), r.moodAfter()));
        // measured after the session is committed, so that of two sessions stored at once the later look sees both
        List<String> earned = achievements.evaluate(org, client);
        return ResponseEntity.created(URI.create("/api/v1/breathing/sessions/" + id))
                .body(new Recorded(store.find(org, client, id).orElseThrow(), earned));
    }

    @GetMapping("/api/v1/breathing/sessions")
    @Operation(summary = "Your breathing sessions over a range (default the last 90 days) with their statistics")
    BreathingStats mine(
            Caller caller,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return stats(caller.requireOrganization(), access.self(caller), from, to);
    }

    @GetMapping("/api/v1/clients/{id}/breathing/sessions")
    @Operation(summary = "A client's breathing sessions for staff (care.read), only while the client shares them")
    BreathingStats ofClient(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return stats(caller.requireOrganization(), access.readable(caller, id, CareCategory.BREATHING), from, to);
    }

    private BreathingStats stats(UUID org, UUID client, @Nullable String from, @Nullable String to) {
        LocalDate last = RequestDates.date("to", to, days.today(org));
        LocalDate first = RequestDates.date("from", from, last.minusDays(89));
        if (first.isAfter(last) || first.isBefore(last.minusDays(730))) {
            throw ApiException.invalidField("from", "must be on or before to, and at most two years before it");
        }
        return BreathingStats.of(first, last, store.between(org, client, first, last));
    }

    private Stream<Technique> all(UUID org) {
        return Stream.concat(Technique.BUILT_IN.stream(), store.techniques(org).stream());
    }

    private static int nz(@Nullable Integer v) {
        return v == null ? 0 : v;
    }
}
