package io.wellbase.care.internal.programs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.care.internal.CareDays;
import io.wellbase.care.internal.achievements.Achievements;
import io.wellbase.care.internal.sharing.CareAccess;
import io.wellbase.memberships.PremiumContent;
import io.wellbase.platform.plans.Feature;
import io.wellbase.platform.plans.RequiresFeature;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.web.ApiException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Programs as readers see them (staff everything; a client the active ones, premium ones locked without a plan
 * that includes them), and a client's enrolments, completed modules and progress.
 */
@RestController
@RequiresFeature(Feature.CARE)
@Tag(name = "Care")
class ProgramsController {

    private final ProgramStore store;
    private final CareAccess access;
    private final CareDays days;
    private final PremiumContent premium;
    private final Achievements achievements;

    ProgramsController(
            ProgramStore store, CareAccess access, CareDays days, PremiumContent premium, Achievements achievements) {
        this.store = store;
        this.access = access;
        this.days = days;
        this.premium = premium;
        this.achievements = achievements;
    }

    record CompleteRequest(
            @Nullable Integer timeSpent, @Nullable Double score) {}

    @GetMapping("/api/v1/programs")
    @Operation(
            summary =
                    "Programs: for clients the active ones (premium ones shown locked); staff may include inactive ones")
    Map<String, List<ProgramViews.Summary>> list(
            Caller caller,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(defaultValue = "false") boolean includeInactive) {
        UUID org = caller.requireOrganization();
        Subject s = subject(caller);
        Set<UUID> enrolled = s.client() == null
                ? Set.of()
                : store.enrollments(org, s.client()).stream()
                        .map(ProgramStore.Enrollment::programId)
                        .collect(Collectors.toSet());
        return Map.of(
                "data",
                store.programs(org, s.reader().staff() && includeInactive, category).stream()
                        .map(p -> ProgramViews.summary(p, s.reader(), enrolled.contains(p.id())))
                        .toList());
    }

    @GetMapping("/api/v1/programs/{id}")
    @Operation(
            summary = "A program with its modules: locked, opening day and completion for a client; content when open")
    ProgramViews.Detail get(Caller caller, @PathVariable UUID id) {
        return detail(caller, id);
    }

    @PostMapping("/api/v1/programs/{id}/enroll")
    @Operation(summary = "Enrol in a program (clients); enrolling again changes nothing")
    ResponseEntity<ProgramViews.Detail> enroll(Caller caller, @PathVariable UUID id) {
        UUID org = caller.requireOrganization();
        UUID client = access.self(caller);
        Subject s = subject(caller);
        ProgramStore.Program p = visible(org, id, s);
        if (s.reader().locked(p, null)) {
            throw ApiException.forbidden("program.premium_locked", "This program is included in premium plans only");
        }
        boolean created = store.enroll(org, id, client, s.reader().today());
        ProgramViews.Detail detail = detail(caller, id);
        return created ? ResponseEntity.status(HttpStatus.CREATED).body(detail) : ResponseEntity.ok(detail);
    }

    @PostMapping("/api/v1/programs/modules/{id}/complete")
    @Operation(summary = "Complete a module {timeSpent seconds, score?}; completing it again counts once")
    ProgramViews.Progress complete(Caller caller, @PathVariable UUID id, @RequestBody CompleteRequest r) {
        UUID org = caller.requireOrganization();
        UUID client = access.self(caller);
        if (r.timeSpent() == null || r.timeSpent() < 0 || r.timeSpent() > 86_400) {
            throw ApiException.invalidField("timeSpent", "seconds from 0 to 86400");
        }
        if (r.score() != null && (r.score() < 0 || r.score() > 100)) {
            throw ApiException.invalidField("score", "from 0 to 100");
        }
        Subject s = subject(caller);
        ProgramStore.Module m = store.module(org, id).orElseThrow(() -> ApiException.notFound("Module"));
        ProgramStore.Program p = visible(org, m.programId(), s);
        ProgramStore.Enrollment e = store.enrollment(org, p.id(), client)
                .orElseThrow(() -> ApiException.conflict("program.not_enrolled", "Enrol in the program first"));
        ProgramViews.ModuleView view = ProgramViews.module(p, m, s.reader(), e, Set.of());
        if (view.locked()) {
            throw ApiException.forbidden("program.premium_locked", "This module is included in premium plans only");
        }
        if (!view.available()) {
            throw ApiException.conflict("program.module_not_released", "This module opens on " + view.availableOn());
        }
        store.complete(org, m, client, r.timeSpent(), r.score());
        List<ProgramStore.Module> modules = store.modules(org, p.id());
        Set<UUID> done = store.completions(org, p.id(), client).stream()
                .map(ProgramStore.Completion::moduleId)
                .collect(Collectors.toSet());
        boolean all = modules.stream().filter(ProgramStore.Module::required).allMatch(x -> done.contains(x.id()));
        store.stamp(org, p.id(), client, all);
        if (all) {
            achievements.evaluate(org, client);
        }
        return ProgramViews.progress(
                p,
                modules,
                store.enrollment(org, p.id(), client).orElseThrow(),
                store.completions(org, p.id(), client));
    }

    @GetMapping("/api/v1/programs/user/progress")
    @Operation(summary = "The signed-in client's programs: status, required modules done of all, percent, times")
    Map<String, List<ProgramViews.Progress>> progress(Caller caller) {
        UUID org = caller.requireOrganization();
        UUID client = access.self(caller);
        return Map.of(
                "data",
                store.enrollments(org, client).stream()
                        .flatMap(e -> store.program(org, e.programId()).stream()
                                .map(p -> ProgramViews.progress(
                                        p, store.modules(org, p.id()), e, store.completions(org, p.id(), client))))
                        .toList());
    }

    ProgramViews.Detail detail(Caller caller, UUID id) {
        UUID org = caller.requireOrganization();
        Subject s = subject(caller);
        ProgramStore.Program p = visible(org, id, s);
        ProgramStore.Enrollment e = s.client() == null
                ? null
                : store.enrollment(org, id, s.client()).orElse(null);
        List<ProgramStore.Module> modules = store.modules(org, id);
        List<ProgramStore.Completion> completions = e == null ? List.of() : store.completions(org, id, s.client());
        Set<UUID> done =
                completions.stream().map(ProgramStore.Completion::moduleId).collect(Collectors.toSet());
        return new ProgramViews.Detail(
                ProgramViews.summary(p, s.reader(), e != null),
                e == null ? null : ProgramViews.progress(p, modules, e, completions),
                modules.stream()
                        .map(m -> ProgramViews.module(p, m, s.reader(), e, done))
                        .toList());
    }

    /** The reader, and for a client their own id. */
    private record Subject(
            ProgramViews.Reader reader, @Nullable UUID client) {}

    private Subject subject(Caller caller) {
        UUID org = caller.requireOrganization();
        LocalDate today = days.today(org);
        if (CareAccess.isClient(caller)) {
            UUID client = access.self(caller);
            return new Subject(new ProgramViews.Reader(false, premium.includes(org, client, today), today), client);
        }
        return new Subject(new ProgramViews.Reader(true, true, today), null);
    }

    /** The program, if the reader may see it (clients: active ones only). */
    private ProgramStore.Program visible(UUID org, UUID id, Subject s) {
        return store.program(org, id)
                .filter(p -> s.reader().staff() || p.active())
                .orElseThrow(() -> ApiException.notFound("Program"));
    }
}
