package io.wellbase.care.internal.treatments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.care.internal.sharing.CareAccess;
import io.wellbase.clients.ClientDirectory;
import io.wellbase.organizations.Locations;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.plans.Feature;
import io.wellbase.platform.plans.RequiresFeature;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Consultations: written by staff with {@code treatment.manage} (readings audited), read by their client without
 * the staff's internal notes; a follow-up day sends the client a reminder on that day.
 */
@RestController
@RequiresFeature(Feature.CARE)
@Tag(name = "Care")
class ConsultationsController {

    private final ConsultationStore store;
    private final CareAccess access;
    private final ClientDirectory clients;
    private final Locations staff;
    private final AuditTrail audit;

    ConsultationsController(
            ConsultationStore store, CareAccess access, ClientDirectory clients, Locations staff, AuditTrail audit) {
        this.store = store;
        this.access = access;
        this.clients = clients;
        this.staff = staff;
        this.audit = audit;
    }

    record Body(
            @Nullable UUID clientId,
            @Nullable String type,
            @Nullable String heldOn,
            @Nullable UUID advisorId,
            @Nullable String concerns,
            @Nullable String recommendations,
            @Nullable String followUpOn,
            @Nullable String notes) {}

    @PostMapping("/api/v1/consultations")
    @RequiresPermission(Permission.TREATMENT_MANAGE)
    @Operation(
            summary =
                    "Record a consultation: type, day, advisor (default the caller), concerns, recommendations, follow-up")
    ResponseEntity<ConsultationStore.Consultation> create(Caller caller, @RequestBody Body b) {
        UUID org = caller.requireOrganization();
        List<ApiException.FieldError> errors = new ArrayList<>();
        if (b.clientId() == null || clients.find(org, b.clientId()).isEmpty()) {
            errors.add(new ApiException.FieldError("clientId", "must be a client of this organization"));
        }
        ConsultationStore.Consultation c =
                consultation(org, b, null, Ids.newId(), b.clientId(), caller.userId(), errors);
        ApiException.throwIfInvalid(errors);
        store.insert(org, c);
        audit.record(AuditRecord.of(
                org, "consultation.created", "consultation", c.id(), Map.of("type", new AuditChange(null, c.type()))));
        return ResponseEntity.created(URI.create("/api/v1/consultations/" + c.id()))
                .body(store.find(org, c.id()).orElseThrow());
    }

    @PatchMapping("/api/v1/consultations/{id}")
    @RequiresPermission(Permission.TREATMENT_MANAGE)
    @Operation(summary = "Change a consultation; a changed follow-up day is reminded again on its day")
    ConsultationStore.Consultation update(Caller caller, @PathVariable UUID id, @RequestBody Body b) {
        UUID org = caller.requireOrganization();
        ConsultationStore.Consultation current =
                store.find(org, id).orElseThrow(() -> ApiException.notFound("Consultation"));
        if (b.clientId() != null) {
            throw ApiException.invalidField("clientId", "cannot be changed");
        }
        List<ApiException.FieldError> errors = new ArrayList<>();
        ConsultationStore.Consultation changed =
                consultation(org, b, current, id, current.clientId(), current.advisorId(), errors);
        ApiException.throwIfInvalid(errors);
        store.update(org, changed);
        audit.record(AuditRecord.of(org, "consultation.updated", "consultation", id, Map.of()));
        return store.find(org, id).orElseThrow();
    }

    @GetMapping("/api/v1/consultations")
    @Operation(summary = "Consultation history, newest first: a client's own (without staff notes); staff by client")
    Map<String, List<ConsultationStore.Consultation>> history(
            Caller caller,
            @RequestParam(required = false) @Nullable UUID clientId,
            @RequestParam(defaultValue = "50") int limit) {
        UUID org = caller.requireOrganization();
        if (limit < 1 || limit > 200) {
            throw ApiException.invalidField("limit", "must be between 1 and 200");
        }
        if (CareAccess.isClient(caller)) {
            return Map.of(
                    "data",
                    store.history(org, access.self(caller), limit).stream()
                            .map(ConsultationsController::forClient)
                            .toList());
        }
        caller.require(Permission.TREATMENT_MANAGE);
        if (clientId != null) {
            audit.record(AuditRecord.of(org, "consultation.viewed", "client", clientId, Map.of()));
        }
        return Map.of("data", store.history(org, clientId, limit));
    }

    @GetMapping("/api/v1/consultations/{id}")
    @Operation(summary = "One consultation (a client sees their own, without staff notes)")
    ConsultationStore.Consultation get(Caller caller, @PathVariable UUID id) {
        UUID org = caller.requireOrganization();
        ConsultationStore.Consultation c = store.find(org, id).orElseThrow(() -> ApiException.notFound("Consultation"));
        if (!access.staffReadsRecordOf(caller, c.clientId(), "Consultation")) {
            return forClient(c);
        }
        audit.record(AuditRecord.of(org, "consultation.viewed", "consultation", id, Map.of()));
        return c;
    }

    private static ConsultationStore.Consultation forClient(ConsultationStore.Consultation c) {
        return new ConsultationStore.Consultation(
                c.id(),
                c.clientId(),
                c.type(),
                c.heldOn(),
                c.advisorId(),
                c.concerns(),
                c.recommendations(),
                c.followUpOn(),
                c.followUpToldOn(),
                null,
                c.createdAt(),
                c.updatedAt());
    }

    private ConsultationStore.Consultation consultation(
            UUID org,
            Body b,
            ConsultationStore.@Nullable Consultation base,
            UUID id,
            @Nullable UUID client,
            UUID defaultAdvisor,
            List<ApiException.FieldError> errors) {
        String type = b.type() != null ? b.type().strip() : base == null ? null : base.type();
        if (type == null || type.isEmpty() || type.length() > 100) {
            errors.add(new ApiException.FieldError("type", "1 to 100 characters (e.g. skin, nutrition, intake)"));
        }
        LocalDate held = b.heldOn() != null ? date(b.heldOn(), "heldOn", errors) : base == null ? null : base.heldOn();
        if (held == null && b.heldOn() == null) {
            errors.add(new ApiException.FieldError("heldOn", "must be a date like 2026-03-14"));
        }
        UUID advisor = b.advisorId() != null ? b.advisorId() : base == null ? defaultAdvisor : base.advisorId();
        if (b.advisorId() != null
                && staff.staff(org).stream().noneMatch(m -> m.userId().equals(b.advisorId()))) {
            errors.add(new ApiException.FieldError("advisorId", "must be a staff member of this organization"));
        }
        LocalDate followUp = b.followUpOn() != null
                ? date(b.followUpOn(), "followUpOn", errors)
                : base == null ? null : base.followUpOn();
        if (followUp != null && held != null && followUp.isBefore(held)) {
            errors.add(new ApiException.FieldError("followUpOn", "must not be before heldOn"));
        }
        for (var t : List.of(
                Map.entry("concerns", nz(b.concerns())),
                Map.entry("recommendations", nz(b.recommendations())),
                Map.entry("notes", nz(b.notes())))) {
            if (t.getValue().length() > 10_000) {
                errors.add(new ApiException.FieldError(t.getKey(), "at most 10,000 characters"));
            }
        }
        OffsetDateTime now = OffsetDateTime.now();
        return new ConsultationStore.Consultation(
                id,
                client,
                type,
                held,
                advisor,
                b.concerns() != null ? b.concerns() : base == null ? null : base.concerns(),
                b.recommendations() != null ? b.recommendations() : base == null ? null : base.recommendations(),
                followUp,
                base == null ? null : base.followUpToldOn(),
                b.notes() != null ? b.notes() : base == null ? null : base.notes(),
                base == null ? now : base.createdAt(),
                now);
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static @Nullable LocalDate date(String v, String field, List<ApiException.FieldError> errors) {
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(new ApiException.FieldError(field, "must be a date like 2026-03-14"));
            return null;
        }
    }
}
