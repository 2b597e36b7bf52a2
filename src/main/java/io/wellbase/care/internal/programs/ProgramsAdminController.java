package io.wellbase.care.internal.programs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.plans.Feature;
import io.wellbase.platform.plans.RequiresFeature;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Staff define programs and their modules ({@code care.manage}); every change is audited. */
@RestController
@RequiresFeature(Feature.CARE)
@Tag(name = "Care")
class ProgramsAdminController {

    static final int MAX_MODULES = 200;

    private final ProgramStore store;
    private final ProgramsController reads;
    private final AuditTrail audit;

    ProgramsAdminController(ProgramStore store, ProgramsController reads, AuditTrail audit) {
        this.store = store;
        this.reads = reads;
        this.audit = audit;
    }

    @PostMapping("/api/v1/programs")
    @RequiresPermission(Permission.CARE_MANAGE)
    @Transactional
    @Operation(
            summary =
                    "Create a program with its modules in order (title, type, content, minutes, required, premium, releaseAfterDays)")
    ResponseEntity<ProgramViews.Detail> create(Caller caller, @RequestBody ProgramRequests.ProgramBody body) {
        UUID org = caller.requireOrganization();
        List<ApiException.FieldError> errors = new ArrayList<>();
        UUID id = Ids.newId();
        ProgramStore.Program program = ProgramRequests.program(body, null, id, errors);
        List<ProgramRequests.ModuleBody> given = body.modules() == null ? List.of() : body.modules();
        if (given.size() > MAX_MODULES) {
            errors.add(new ApiException.FieldError("modules", "at most " + MAX_MODULES));
        }
        List<ProgramStore.Module> modules = new ArrayList<>();
        for (int i = 0; i < given.size() && i < MAX_MODULES; i++) {
            ProgramRequests.ModuleBody m = given.get(i);
            if (m == null) {
                errors.add(new ApiException.FieldError("modules[" + i + "]", "must be a module"));
                continue;
            }
            modules.add(ProgramRequests.module(m, null, Ids.newId(), id, i + 1, "modules[" + i + "].", errors));
        }
        ApiException.throwIfInvalid(errors);
        store.insertProgram(org, program);
        modules.forEach(m -> store.insertModule(org, m));
        audit.record(AuditRecord.of(
                org, "program.created", "program", id, Map.of("title", new AuditChange(null, program.title()))));
        return ResponseEntity.created(URI.create("/api/v1/programs/" + id)).body(reads.detail(caller, id));
    }

    @PatchMapping("/api/v1/programs/{id}")
    @RequiresPermission(Permission.CARE_MANAGE)
    @Transactional
    @Operation(summary = "Change a program's fields (active false hides it from clients; enrolments stay)")
    ProgramViews.Detail update(Caller caller, @PathVariable UUID id, @RequestBody ProgramRequests.ProgramBody body) {
        UUID org = caller.requireOrganization();
        ProgramStore.Program current = store.program(org, id).orElseThrow(() -> ApiException.notFound("Program"));
        if (body.modules() != null) {
            throw ApiException.invalidField("modules", "change modules through /api/v1/programs/{id}/modules");
        }
        List<ApiException.FieldError> errors = new ArrayList<>();
        ProgramStore.Program changed = ProgramRequests.program(body, current, id, errors);
        ApiException.throwIfInvalid(errors);
        store.updateProgram(org, changed);
        audit.record(AuditRecord.of(
                org,
                "program.updated",
                "program",
                id,
                Map.of("active", new AuditChange(current.active(), changed.active()))));
        return reads.detail(caller, id);
    }

    @PostMapping("/api/v1/programs/{id}/modules")
    @RequiresPermission(Permission.CARE_MANAGE)
    @Transactional
    @Operation(summary = "Add a module at the end of a program")
    ResponseEntity<ProgramViews.Detail> addModule(
            Caller caller, @PathVariable UUID id, @RequestBody ProgramRequests.ModuleBody body) {
        UUID org = caller.requireOrganization();
        store.program(org, id).orElseThrow(() -> ApiException.notFound("Program"));
        if (store.modules(org, id).size() >= MAX_MODULES) {
            throw ApiException.invalidField("modules", "a program holds at most " + MAX_MODULES);
        }
        List<ApiException.FieldError> errors = new ArrayList<>();
        ProgramStore.Module module =
                ProgramRequests.module(body, null, Ids.newId(), id, store.nextPosition(org, id), "", errors);
        ApiException.throwIfInvalid(errors);
        store.insertModule(org, module);
        audit.record(AuditRecord.of(
                org, "program.module_added", "program", id, Map.of("module", new AuditChange(null, module.title()))));
        return ResponseEntity.status(HttpStatus.CREATED).body(reads.detail(caller, id));
    }

    @PatchMapping("/api/v1/programs/modules/{moduleId}")
    @RequiresPermission(Permission.CARE_MANAGE)
    @Transactional
    @Operation(summary = "Change a module; completions already made stay")
    ProgramViews.Detail updateModule(
            Caller caller, @PathVariable UUID moduleId, @RequestBody ProgramRequests.ModuleBody body) {
        UUID org = caller.requireOrganization();
        ProgramStore.Module current = store.module(org, moduleId).orElseThrow(() -> ApiException.notFound("Module"));
        List<ApiException.FieldError> errors = new ArrayList<>();
        ProgramStore.Module changed =
                ProgramRequests.module(body, current, moduleId, current.programId(), current.position(), "", errors);
        ApiException.throwIfInvalid(errors);
        store.updateModule(org, changed);
        audit.record(AuditRecord.of(org, "program.module_updated", "program_module", moduleId, Map.of()));
        return reads.detail(caller, current.programId());
    }

    @DeleteMapping("/api/v1/programs/modules/{moduleId}")
    @RequiresPermission(Permission.CARE_MANAGE)
    @Transactional
    @Operation(summary = "Remove a module (its completions go with it)")
    ResponseEntity<Void> deleteModule(Caller caller, @PathVariable UUID moduleId) {
        UUID org = caller.requireOrganization();
        ProgramStore.Module current = store.module(org, moduleId).orElseThrow(() -> ApiException.notFound("Module"));
        store.deleteModule(org, moduleId);
        audit.record(AuditRecord.of(
                org,
                "program.module_removed",
                "program",
                current.programId(),
                Map.of("module", new AuditChange(current.title(), null))));
        return ResponseEntity.noContent().build();
    }
}
