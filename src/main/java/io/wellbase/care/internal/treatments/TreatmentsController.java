package io.wellbase.care.internal.treatments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.care.internal.sharing.CareAccess;
import io.wellbase.clients.ClientDirectory;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Treatment plans: written by staff with {@code treatment.manage} (every staff reading audited), read by the client
 * they belong to. A milestone with a service suggests an appointment around its due day.
 */
@RestController
@RequiresFeature(Feature.CARE)
@Tag(name = "Care")
class TreatmentsController {

    static final int MAX_MILESTONES = 100;

    private final TreatmentStore store;
    private final CareAccess access;
    private final ClientDirectory clients;
    private final AuditTrail audit;

    TreatmentsController(TreatmentStore store, CareAccess access, ClientDirectory clients, AuditTrail audit) {
        this.store = store;
        this.access = access;
        this.clients = clients;
        this.audit = audit;
    }

    record MilestoneBody(
            @Nullable String title,
            @Nullable String dueOn,
            @Nullable String status,
            @Nullable UUID serviceId,
            @Nullable String notes) {}

    record PlanBody(
            @Nullable UUID clientId,
            @Nullable String name,
            @Nullable String description,
            @Nullable String startsOn,
            @Nullable String endsOn,
            @Nullable Integer durationWeeks,
            @Nullable String status,
            @Nullable List<MilestoneBody> milestones) {}

    @PostMapping("/api/v1/treatments")
    @RequiresPermission(Permission.TREATMENT_MANAGE)
    @Transactional
    @Operation(summary = "Start a treatment plan for a client, with dated milestones (each may name a service)")
    ResponseEntity<TreatmentViews.PlanView> create(Caller caller, @RequestBody PlanBody b) {
        UUID org = caller.requireOrganization();
        List<ApiException.FieldError> errors = new ArrayList<>();
        if (b.clientId() == null || clients.find(org, b.clientId()).isEmpty()) {
            errors.add(new ApiException.FieldError("clientId", "must be a client of this organization"));
        }
        String name = text(b.name(), "name", 200, true, errors);
        LocalDate starts = date(b.startsOn(), "startsOn", errors);
        LocalDate ends = b.endsOn() == null ? null : date(b.endsOn(), "endsOn", errors);
        if (starts != null && ends != null && ends.isBefore(starts)) {
            errors.add(new ApiException.FieldError("endsOn", "must not be before startsOn"));
        }
        weeks(b.durationWeeks(), errors);
        TreatmentStatus status = b.status() == null
                ? TreatmentStatus.ACTIVE
                : TreatmentStatus.of(b.status()).orElse(null);
        if (status == null || status == TreatmentStatus.COMPLETED || status == TreatmentStatus.CANCELLED) {
            errors.add(new ApiException.FieldError("status", "draft or active"));
        }
        UUID id = Ids.newId();
        List<MilestoneBody> given = b.milestones() == null ? List.of() : b.milestones();
        if (given.size() > MAX_MILESTONES) {
            errors.add(new ApiException.FieldError("milestones", "at most " + MAX_MILESTONES));
        }
        List<TreatmentStore.Milestone> milestones = new ArrayList<>();
        for (int i = 0; i < given.size() && i < MAX_MILESTONES; i++) {
            milestones.add(milestone(given.get(i), null, id, i + 1, "milestones[" + i + "].", errors));
        }
        checkServices(org, milestones, errors);
        ApiException.throwIfInvalid(errors);
        OffsetDateTime now = OffsetDateTime.now();
        store.insert(
                org,
                new TreatmentStore.Plan(
                        id,
                        b.clientId(),
                        name,
                        b.description(),
                        starts,
                        ends,
                        b.durationWeeks(),
                        status.value(),
                        caller.userId(),
                        now,
                        now));
        milestones.forEach(m -> store.insertMilestone(org, m));
        audit.record(AuditRecord.of(
                org,
                "treatment.created",
                "treatment_plan",
                id,
                Map.of("status", new AuditChange(null, status.value()))));
        return ResponseEntity.created(URI.create("/api/v1/treatments/" + id)).body(view(org, id));
    }

    @GetMapping("/api/v1/treatments")
    @Operation(summary = "Treatment plans: a client's own; staff (treatment.manage) by client and status, audited")
    Map<String, List<TreatmentViews.PlanView>> list(
            Caller caller,
            @RequestParam(required = false) @Nullable UUID clientId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "50") int limit) {
        UUID org = caller.requireOrganization();
        if (status != null && TreatmentStatus.of(status).isEmpty()) {
            throw ApiException.invalidField("status", "draft, active, completed or cancelled");
        }
        if (limit < 1 || limit > 200) {
            throw ApiException.invalidField("limit", "must be between 1 and 200");
        }
        UUID client = clientId;
        if (CareAccess.isClient(caller)) {
            client = access.self(caller);
        } else {
            caller.require(Permission.TREATMENT_MANAGE);
            if (clientId != null) {
                audit.record(AuditRecord.of(org, "treatment.viewed", "client", clientId, Map.of()));
            }
        }
        return Map.of("data", views(org, store.plans(org, client, status, limit)));
    }

    @GetMapping("/api/v1/treatments/{id}")
    @Operation(summary = "One treatment plan with its milestones and progress")
    TreatmentViews.PlanView get(Caller caller, @PathVariable UUID id) {
        UUID org = caller.requireOrganization();
        readable(caller, id);
        return view(org, id);
    }

    @GetMapping("/api/v1/treatments/{id}/milestones")
    @Operation(summary = "A plan's milestones in order, each pending one with a service suggesting an appointment")
    Map<String, List<TreatmentViews.MilestoneView>> milestones(Caller caller, @PathVariable UUID id) {
        UUID org = caller.requireOrganization();
        readable(caller, id);
        return Map.of("data", view(org, id).milestones());
    }

    @PatchMapping("/api/v1/treatments/{id}")
    @RequiresPermission(Permission.TREATMENT_MANAGE)
    @Transactional
    @Operation(summary = "Change a plan: name, description, end, weeks, status (draft→active→completed; cancelled)")
    TreatmentViews.PlanView update(Caller caller, @PathVariable UUID id, @RequestBody PlanBody b) {
        UUID org = caller.requireOrganization();
        TreatmentStore.Plan current = store.plan(org, id).orElseThrow(() -> ApiException.notFound("Treatment plan"));
        if (b.clientId() != null || b.startsOn() != null || b.milestones() != null) {
            throw ApiException.invalidField(
                    b.clientId() != null ? "clientId" : b.startsOn() != null ? "startsOn" : "milestones",
                    "cannot be changed here");
        }
        List<ApiException.FieldError> errors = new ArrayList<>();
        String name = b.name() == null ? current.name() : text(b.name(), "name", 200, true, errors);
        LocalDate ends = b.endsOn() == null ? current.endsOn() : date(b.endsOn(), "endsOn", errors);
        if (ends != null && ends.isBefore(current.startsOn())) {
            errors.add(new ApiException.FieldError("endsOn", "must not be before startsOn"));
        }
        weeks(b.durationWeeks(), errors);
        TreatmentStatus from = TreatmentStatus.of(current.status()).orElseThrow();
        TreatmentStatus to =
                b.status() == null ? from : TreatmentStatus.of(b.status()).orElse(null);
        if (to == null) {
            errors.add(new ApiException.FieldError("status", "draft, active, completed or cancelled"));
        }
        ApiException.throwIfInvalid(errors);
        if (!from.canBecome(to)) {
            throw ApiException.conflict(
                    "treatment.invalid_transition", "A " + from.value() + " plan cannot become " + to.value());
        }
        store.update(
                org,
                new TreatmentStore.Plan(
                        id,
                        current.clientId(),
                        name,
                        b.description() == null ? current.description() : b.description(),
                        current.startsOn(),
                        ends,
                        b.durationWeeks() == null ? current.durationWeeks() : b.durationWeeks(),
                        to.value(),
                        current.createdBy(),
                        current.createdAt(),
                        OffsetDateTime.now()));
        audit.record(AuditRecord.of(
                org,
                "treatment.updated",
                "treatment_plan",
                id,
                Map.of("status", new AuditChange(from.value(), to.value()))));
        return view(org, id);
    }

    @PostMapping("/api/v1/treatments/{id}/milestones")
    @RequiresPermission(Permission.TREATMENT_MANAGE)
    @Transactional
    @Operation(summary = "Add a milestone at the end of a plan")
    ResponseEntity<TreatmentViews.PlanView> addMilestone(
            Caller caller, @PathVariable UUID id, @RequestBody MilestoneBody b) {
        UUID org = caller.requireOrganization();
        store.plan(org, id).orElseThrow(() -> ApiException.notFound("Treatment plan"));
        List<TreatmentStore.Milestone> existing = store.milestones(org, id);
        if (existing.size() >= MAX_MILESTONES) {
            throw ApiException.invalidField("milestones", "a plan holds at most " + MAX_MILESTONES);
        }
        List<ApiException.FieldError> errors = new ArrayList<>();
        int position = existing.stream()
                        .mapToInt(TreatmentStore.Milestone::position)
                        .max()
                        .orElse(0)
                + 1;
        TreatmentStore.Milestone m = milestone(b, null, id, position, "", errors);
        checkServices(org, List.of(m), errors);
        ApiException.throwIfInvalid(errors);
        store.insertMilestone(org, m);
        audit.record(AuditRecord.of(org, "treatment.milestone_added", "treatment_plan", id, Map.of()));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(org, id));
    }

    @PatchMapping("/api/v1/treatments/milestones/{milestoneId}")
    @RequiresPermission(Permission.TREATMENT_MANAGE)
    @Transactional
    @Operation(summary = "Change a milestone: title, due day, status (pending, done, skipped), service, notes")
    TreatmentViews.PlanView updateMilestone(
            Caller caller, @PathVariable UUID milestoneId, @RequestBody MilestoneBody b) {
        UUID org = caller.requireOrganization();
        TreatmentStore.Milestone current =
                store.milestone(org, milestoneId).orElseThrow(() -> ApiException.notFound("Milestone"));
        List<ApiException.FieldError> errors = new ArrayList<>();
        TreatmentStore.Milestone changed = milestone(b, current, current.planId(), current.position(), "", errors);
        checkServices(org, List.of(changed), errors);
        ApiException.throwIfInvalid(errors);
        store.updateMilestone(org, changed);
        audit.record(AuditRecord.of(
                org,
                "treatment.milestone_updated",
                "treatment_milestone",
                milestoneId,
                Map.of("status", new AuditChange(current.status(), changed.status()))));
        return view(org, current.planId());
    }

    private TreatmentStore.Plan readable(Caller caller, UUID id) {
        UUID org = caller.requireOrganization();
        TreatmentStore.Plan plan = store.plan(org, id).orElseThrow(() -> ApiException.notFound("Treatment plan"));
        if (access.staffReadsRecordOf(caller, plan.clientId(), "Treatment plan")) {
            audit.record(AuditRecord.of(org, "treatment.viewed", "treatment_plan", id, Map.of()));
        }
        return plan;
    }

    private TreatmentViews.PlanView view(UUID org, UUID id) {
        return views(org, List.of(store.plan(org, id).orElseThrow())).getFirst();
    }

    /** The plans as shown, their milestones and services read in one query each (not one a plan). */
    private List<TreatmentViews.PlanView> views(UUID org, List<TreatmentStore.Plan> plans) {
        Map<UUID, List<TreatmentStore.Milestone>> milestones = store.milestones(
                org, plans.stream().map(TreatmentStore.Plan::id).toList());
        Set<UUID> services = new HashSet<>();
        milestones.values().stream()
                .flatMap(List::stream)
                .map(TreatmentStore.Milestone::serviceId)
                .filter(Objects::nonNull)
                .forEach(services::add);
        Map<UUID, TreatmentStore.Service> found = store.services(org, services);
        return plans.stream()
                .map(p -> TreatmentViews.of(p, milestones.getOrDefault(p.id(), List.of()), found))
                .toList();
    }

    private static TreatmentStore.Milestone milestone(
            @Nullable MilestoneBody b,
            TreatmentStore.@Nullable Milestone base,
            UUID plan,
            int position,
            String at,
            List<ApiException.FieldError> errors) {
        if (b == null) {
            errors.add(new ApiException.FieldError(
                    at.isEmpty() ? "milestone" : at.substring(0, at.length() - 1), "must be a milestone"));
            return null;
        }
        String title =
                b.title() == null && base != null ? base.title() : text(b.title(), at + "title", 200, true, errors);
        LocalDate due = b.dueOn() == null && base != null ? base.dueOn() : date(b.dueOn(), at + "dueOn", errors);
        String status = b.status() != null ? b.status() : base == null ? "pending" : base.status();
        if (!List.of("pending", "done", "skipped").contains(status)) {
            errors.add(new ApiException.FieldError(at + "status", "pending, done or skipped"));
        }
        String notes = b.notes() != null ? b.notes() : base == null ? null : base.notes();
        if (notes != null && notes.length() > 5000) {
            errors.add(new ApiException.FieldError(at + "notes", "at most 5,000 characters"));
        }
        return new TreatmentStore.Milestone(
                base == null ? Ids.newId() : base.id(),
                plan,
                position,
                title,
                due,
                status,
                base == null ? null : base.doneAt(),
                b.serviceId() != null ? b.serviceId() : base == null ? null : base.serviceId(),
                notes);
    }

    private void checkServices(
            UUID org, List<TreatmentStore.Milestone> milestones, List<ApiException.FieldError> errors) {
        Set<UUID> wanted = new HashSet<>();
        milestones.stream()
                .filter(Objects::nonNull)
                .map(TreatmentStore.Milestone::serviceId)
                .filter(Objects::nonNull)
                .forEach(wanted::add);
        Set<UUID> found = store.services(org, wanted).keySet();
        for (int i = 0; i < milestones.size(); i++) {
            TreatmentStore.Milestone m = milestones.get(i);
            if (m != null && m.serviceId() != null && !found.contains(m.serviceId())) {
                errors.add(new ApiException.FieldError(
                        (milestones.size() > 1 ? "milestones[" + i + "]." : "") + "serviceId",
                        "must be a service of this organization"));
            }
        }
    }

    private static String text(
            @Nullable String v, String field, int max, boolean required, List<ApiException.FieldError> errors) {
        if (v == null || v.isBlank()) {
            if (required) {
                errors.add(new ApiException.FieldError(field, "1 to " + max + " characters"));
            }
            return null;
        }
        if (v.length() > max) {
            errors.add(new ApiException.FieldError(field, "at most " + max + " characters"));
        }
        return v.strip();
    }

    private static LocalDate date(@Nullable String v, String field, List<ApiException.FieldError> errors) {
        try {
            if (v == null) {
                throw new DateTimeParseException("missing", "", 0);
            }
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(new ApiException.FieldError(field, "must be a date like 2026-03-14"));
            return null;
        }
    }

    private static void weeks(@Nullable Integer weeks, List<ApiException.FieldError> errors) {
        if (weeks != null && (weeks < 1 || weeks > 520)) {
            errors.add(new ApiException.FieldError("durationWeeks", "from 1 to 520"));
        }
    }
}
