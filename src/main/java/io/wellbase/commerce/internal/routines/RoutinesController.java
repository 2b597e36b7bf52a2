package io.wellbase.commerce.internal.routines;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.clients.ClientAccounts;
import io.wellbase.clients.ClientDirectory;
import io.wellbase.commerce.internal.catalog.ProductStore;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.security.Role;
import io.wellbase.platform.web.ApiException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Routines: a client keeps their own (morning, evening) with ordered steps; staff with {@code product.manage} keep
 * templates, publish them to clients, and staff who write client records assign one to a client (a copy the client
 * then owns).
 */
@RestController
@Tag(name = "Commerce")
class RoutinesController {

    private final RoutineStore store;
    private final ProductStore products;
    private final ClientAccounts accounts;
    private final ClientDirectory clients;
    private final AuditTrail audit;

    RoutinesController(
            RoutineStore store,
            ProductStore products,
            ClientAccounts accounts,
            ClientDirectory clients,
            AuditTrail audit) {
        this.store = store;
        this.products = products;
        this.accounts = accounts;
        this.clients = clients;
        this.audit = audit;
    }

    record StepBody(@Nullable UUID productId, @Nullable String instructions) {}

    record Body(
            @Nullable String name,
            @Nullable List<StepBody> steps,
            @Nullable Boolean published) {}

    record AssignBody(@Nullable UUID clientId) {}

    @GetMapping("/api/v1/routines")
    @Transactional(readOnly = true)
    @Operation(
            summary = "A client's own routines and the published templates; staff see the templates, or a client's"
                    + " routines with clientId")
    Map<String, Object> list(Caller caller, @RequestParam(required = false) @Nullable UUID clientId) {
        UUID org = caller.requireOrganization();
        if (caller.role() == Role.CLIENT) {
            UUID self = accounts.requireSelf(caller);
            return Map.of("data", store.of(org, self, false), "templates", store.of(org, null, true));
        }
        if (clientId != null) {
            caller.require(Permission.CLIENT_READ);
            if (clients.find(org, clientId).isEmpty()) {
                throw ApiException.notFound("Client");
            }
            return Map.of("data", store.of(org, clientId, false));
        }
        return Map.of("data", store.of(org, null, false));
    }

    @GetMapping("/api/v1/routines/{id}")
    @Transactional(readOnly = true)
    @Operation(summary = "One routine with its steps")
    RoutineStore.Routine get(Caller caller, @PathVariable UUID id) {
        UUID org = caller.requireOrganization();
        RoutineStore.Routine r = store.find(org, id).orElseThrow(() -> ApiException.notFound("Routine"));
        if (caller.role() == Role.CLIENT) {
            UUID self = accounts.requireSelf(caller);
            if (!(self.equals(r.clientId()) || (r.template() && r.published()))) {
                throw ApiException.notFound("Routine");
            }
        } else if (!r.template()) {
            caller.require(Permission.CLIENT_READ);
        }
        return r;
    }

    @PostMapping("/api/v1/routines")
    @Transactional
    @Operation(summary = "A client creates a routine of their own; staff with product.manage create a template")
    ResponseEntity<RoutineStore.Routine> create(Caller caller, @RequestBody Body b) {
        UUID org = caller.requireOrganization();
        UUID client = caller.role() == Role.CLIENT ? accounts.requireSelf(caller) : null;
        if (client == null) {
            caller.require(Permission.PRODUCT_MANAGE);
        } else if (b.published() != null) {
            throw ApiException.invalidField("published", "only staff publish templates");
        }
        String name = name(b.name(), null);
        List<RoutineStore.Step> steps = steps(org, b.steps() == null ? List.of() : b.steps());
        UUID id = Ids.newId();
        store.insert(org, id, client, name, null, Boolean.TRUE.equals(b.published()), steps, caller.userId());
        audit.record(AuditRecord.of(org, "routine.created", "routine", id, AuditChange.created(Map.of("name", name))));
        return ResponseEntity.created(URI.create("/api/v1/routines/" + id))
                .body(store.find(org, id).orElseThrow());
    }

    @PatchMapping("/api/v1/routines/{id}")
    @Transactional
    @Operation(
            summary =
                    "Rename a routine or replace its steps (a client their own; staff the templates, and publish them)")
    RoutineStore.Routine update(Caller caller, @PathVariable UUID id, @RequestBody Body b) {
        UUID org = caller.requireOrganization();
        RoutineStore.Routine r = writable(caller, org, id);
        if (!r.template() && b.published() != null) {
            throw ApiException.invalidField("published", "only templates are published");
        }
        String name = name(b.name(), r.name());
        List<RoutineStore.Step> steps = b.steps() == null ? null : steps(org, b.steps());
        store.update(org, id, name, b.published() != null ? b.published() : r.published(), steps);
        audit.record(
                AuditRecord.of(org, "routine.updated", "routine", id, Map.of("name", new AuditChange(r.name(), name))));
        return store.find(org, id).orElseThrow();
    }

    @DeleteMapping("/api/v1/routines/{id}")
    @Transactional
    @Operation(summary = "Delete a routine (copies assigned from a template stay with their clients)")
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
        UUID org = caller.requireOrganization();
        writable(caller, org, id);
        store.delete(org, id);
        audit.record(AuditRecord.of(org, "routine.deleted", "routine", id, Map.of()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/routines/{id}/assign")
    @RequiresPermission(Permission.CLIENT_WRITE)
    @Transactional
    @Operation(summary = "Give a client a copy of a template, which becomes the client's own routine")
    ResponseEntity<RoutineStore.Routine> assign(Caller caller, @PathVariable UUID id, @RequestBody AssignBody b) {
        UUID org = caller.requireOrganization();
        RoutineStore.Routine template = store.find(org, id)
                .filter(RoutineStore.Routine::template)
                .orElseThrow(() -> ApiException.notFound("Routine template"));
        if (b.clientId() == null || clients.find(org, b.clientId()).isEmpty()) {
            throw ApiException.invalidField("clientId", "must be a client of this organization");
        }
        UUID copy = Ids.newId();
        store.insert(org, copy, b.clientId(), template.name(), template.id(), false, template.steps(), caller.userId());
        audit.record(AuditRecord.of(
                org,
                "routine.assigned",
                "client",
                b.clientId(),
                Map.of("routineId", new AuditChange(null, copy), "templateId", new AuditChange(null, id))));
        return ResponseEntity.created(URI.create("/api/v1/routines/" + copy))
                .body(store.find(org, copy).orElseThrow());
    }

    private RoutineStore.Routine writable(Caller caller, UUID org, UUID id) {
        RoutineStore.Routine r = store.find(org, id).orElseThrow(() -> ApiException.notFound("Routine"));
        if (caller.role() == Role.CLIENT) {
            if (!accounts.requireSelf(caller).equals(r.clientId())) {
                throw ApiException.notFound("Routine");
            }
        } else if (r.template()) {
            caller.require(Permission.PRODUCT_MANAGE);
        } else {
            caller.require(Permission.CLIENT_WRITE);
        }
        return r;
    }

    private static String name(@Nullable String given, @Nullable String current) {
        String name = given != null ? given.strip() : current;
        if (name == null || name.isEmpty() || name.length() > 100) {
            throw ApiException.invalidField("name", "1 to 100 characters (e.g. Morning)");
        }
        return name;
    }

    private List<RoutineStore.Step> steps(UUID org, List<StepBody> given) {
        if (given.size() > 30) {
            throw ApiException.invalidField("steps", "at most 30 steps");
        }
        List<ApiException.FieldError> errors = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        given.forEach(s -> {
            if (s != null && s.productId() != null) {
                ids.add(s.productId());
            }
        });
        Set<UUID> known = products.findAll(org, ids).keySet();
        List<RoutineStore.Step> steps = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            StepBody s = given.get(i);
            if (s == null
                    || (s.productId() == null
                            && (s.instructions() == null || s.instructions().isBlank()))) {
                errors.add(new ApiException.FieldError("steps[" + i + "]", "a product, instructions, or both"));
                continue;
            }
            if (s.productId() != null && !known.contains(s.productId())) {
                errors.add(new ApiException.FieldError(
                        "steps[" + i + "].productId", "must be a product of this organization"));
            }
            if (s.instructions() != null && s.instructions().length() > 2000) {
                errors.add(new ApiException.FieldError("steps[" + i + "].instructions", "at most 2,000 characters"));
            }
            steps.add(new RoutineStore.Step(i, s.productId(), s.instructions()));
        }
        ApiException.throwIfInvalid(errors);
        return steps;
    }
}
