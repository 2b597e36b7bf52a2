package io.wellbase.clients.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.clients.ClientFilterExtension;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import io.wellbase.platform.web.Paged;
import io.wellbase.platform.web.SortSpec;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Client records: list with filters and facets, create, read, change, merge, export and erase.
 */
@RestController
@RequestMapping("/api/v1/clients")
@Tag(name = "Clients")
class ClientsController {

    private static final SortSpec SORT = ClientQueries.SORT;

    private final ClientService clients;
    private final ClientQueries queries;
    private final ClientMerge merge;
    private final ClientExport export;
    private final List<ClientFilterExtension> extensions;

    private final org.springframework.beans.factory.ObjectProvider<io.wellbase.platform.plans.PlanGate> plans;

    ClientsController(
            ClientService clients,
            ClientQueries queries,
            ClientMerge merge,
            ClientExport export,
            List<ClientFilterExtension> extensions,
            org.springframework.beans.factory.ObjectProvider<io.wellbase.platform.plans.PlanGate> plans) {
        this.plans = plans;
        this.clients = clients;
        this.queries = queries;
        this.merge = merge;
        this.export = export;
        this.extensions = extensions;
    }

    private ClientFilter filter(
            CurrentOrganization org,
            List<String> status,
            List<String> tag,
            List<String> source,
            LocalDate joinedFrom,
            LocalDate joinedTo,
            Integer birthdayMonth,
            String q,
            MultiValueMap<String, String> all) {
        Map<String, List<String>> extra = new LinkedHashMap<>();
        extensions.forEach(e -> e.parameters().forEach(name -> {
            if (all.containsKey(name)) {
                extra.put(name, all.get(name));
            }
        }));
        return new ClientFilter(
                org.id(), status, tag, source, joinedFrom, joinedTo, birthdayMonth, q, extra, extensions);
    }

    @GetMapping
    @RequiresPermission(Permission.CLIENT_READ)
    @Operation(
            summary =
                    "List clients; filters combine, q searches name, email and phone (accent-insensitive); "
                            + "plan and membershipState (active, frozen, pending, expired, cancelled, none) filter by membership")
    PageResult<ClientView> list(
            CurrentOrganization org,
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) List<String> tag,
            @RequestParam(required = false) List<String> source,
            @RequestParam(required = false) LocalDate joinedFrom,
            @RequestParam(required = false) LocalDate joinedTo,
            @RequestParam(required = false) Integer birthdayMonth,
            @RequestParam(required = false) String q,
            @Paged(sortable = true) PageQuery page,
            @RequestParam MultiValueMap<String, String> all) {
        return queries.list(filter(org, status, tag, source, joinedFrom, joinedTo, birthdayMonth, q, all), page);
    }

    @GetMapping("/facets")
    @RequiresPermission(Permission.CLIENT_READ)
    @Operation(summary = "Counts per status, tag and source under the current filter")
    Map<String, Object> facets(
            CurrentOrganization org,
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) List<String> tag,
            @RequestParam(required = false) List<String> source,
            @RequestParam(required = false) LocalDate joinedFrom,
            @RequestParam(required = false) LocalDate joinedTo,
            @RequestParam(required = false) Integer birthdayMonth,
            @RequestParam(required = false) String q,
            @RequestParam MultiValueMap<String, String> all) {
        return queries.facets(filter(org, status, tag, source, joinedFrom, joinedTo, birthdayMonth, q, all));
    }

    @GetMapping("/duplicates")
    @RequiresPermission(Permission.CLIENT_READ)
    @Operation(summary = "Likely duplicates: same email, same phone, or same name and birth date")
    Map<String, Object> duplicates(
            CurrentOrganization org, @RequestParam(name = "page_size", defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            throw ApiException.invalidField("page_size", "must be between 1 and 500");
        }
        return Map.of("data", queries.duplicates(org.id(), limit));
    }

    @PostMapping
    @RequiresPermission(Permission.CLIENT_WRITE)
    @Operation(summary = "Create a client")
    ResponseEntity<ClientView> create(
            CurrentOrganization org, @Valid @RequestBody ClientRequests.ClientRequest request) {
        if (request.firstName() == null || request.firstName().isBlank()) {
            throw ApiException.invalidField("firstName", "must not be blank");
        }
        if (request.lastName() == null || request.lastName().isBlank()) {
            throw ApiException.invalidField("lastName", "must not be blank");
        }
        if (request.status() == null || request.status().equals("active")) {
            plans.getIfAvailable(() -> io.wellbase.platform.plans.PlanGate.UNLOCKED)
                    .requireRoom(org.id(), io.wellbase.platform.plans.Limit.ACTIVE_CLIENTS, 1);
        }
        ClientView created = clients.create(org.id(), request.toFields(), request.tags());
        return ResponseEntity.created(URI.create("/api/v1/clients/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.CLIENT_READ)
    @Operation(summary = "One client with tags and open alerts")
    ClientView get(CurrentOrganization org, @PathVariable UUID id) {
        return clients.get(org.id(), id);
    }

    @PatchMapping("/{id}")
    @RequiresPermission(Permission.CLIENT_WRITE)
    @Operation(
            summary = "Change some fields; tags, when given, replace the list; a custom field set to null is removed")
    ClientView update(
            CurrentOrganization org, @PathVariable UUID id, @Valid @RequestBody ClientRequests.ClientRequest request) {
        return clients.update(org.id(), id, request.toFields(), request.tags());
    }

    @PostMapping("/{id}/merge")
    @RequiresPermission(Permission.CLIENT_MANAGE)
    @Operation(summary = "Merge another client into this one")
    ClientView merge(
            CurrentOrganization org, @PathVariable UUID id, @Valid @RequestBody ClientRequests.MergeRequest request) {
        return merge.merge(org.id(), id, request.otherId());
    }

    @GetMapping("/{id}/export")
    @RequiresPermission(Permission.CLIENT_MANAGE)
    @Operation(
            summary = "Everything stored about a client, as JSON (data-subject access and portability): the record, "
                    + "alerts and notes, then each module's sections (memberships, credits, sales, refunds, bookings, visits, "
                    + "appointments, files with signed download links)")
    Map<String, Object> export(CurrentOrganization org, @PathVariable UUID id) {
        return export.export(org.id(), id);
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(Permission.CLIENT_MANAGE)
    @Operation(summary = "Erase a client: personal data anonymised, aggregates kept")
    ResponseEntity<Void> erase(CurrentOrganization org, @PathVariable UUID id) {
        clients.erase(org.id(), id);
        return ResponseEntity.noContent().build();
    }
}
