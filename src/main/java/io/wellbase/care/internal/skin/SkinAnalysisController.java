package io.wellbase.care.internal.skin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.care.internal.sharing.CareAccess;
import io.wellbase.clients.ClientDirectory;
import io.wellbase.platform.plans.Feature;
import io.wellbase.platform.plans.RequiresFeature;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.web.ApiException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Skin analyses of a client's photos (uploaded as {@code skin_image} files for the client, by staff or by the client in
 * the portal): started by clinic staff ({@code treatment.manage}) or by the client for themself, measured by a job,
 * read by the staff (audited) and by the client.
 */
@RestController
@RequiresFeature(Feature.CARE)
@Tag(name = "Care")
class SkinAnalysisController {

    static final int MAX_IMAGES = 5;

    private final SkinAnalyses analyses;
    private final SkinStore store;
    private final CareAccess access;
    private final ClientDirectory clients;
    private final AuditTrail audit;

    SkinAnalysisController(
            SkinAnalyses analyses, SkinStore store, CareAccess access, ClientDirectory clients, AuditTrail audit) {
        this.analyses = analyses;
        this.store = store;
        this.access = access;
        this.clients = clients;
        this.audit = audit;
    }

    record Request(
            @Nullable UUID clientId,
            @Nullable List<UUID> imageFileIds,
            @Nullable JsonNode metadata) {}

    @PostMapping("/api/v1/skin-analysis")
    @Operation(
            summary =
                    "Analyse skin photos (1-5 skin_image files of the client): staff with treatment.manage for a client,"
                            + " a client for themself (their own portal uploads); 202, measured by a job")
    ResponseEntity<SkinStore.Analysis> start(Caller caller, @RequestBody Request r) {
        UUID org = caller.requireOrganization();
        UUID client;
        if (CareAccess.isClient(caller)) {
            client = access.self(caller);
            if (r.clientId() != null && !r.clientId().equals(client)) {
                throw ApiException.notFound("Client");
            }
        } else {
            caller.require(Permission.TREATMENT_MANAGE);
            if (r.clientId() == null || clients.find(org, r.clientId()).isEmpty()) {
                throw ApiException.invalidField("clientId", "must be a client of this organization");
            }
            client = r.clientId();
        }
        if (r.imageFileIds() == null
                || r.imageFileIds().isEmpty()
                || r.imageFileIds().size() > MAX_IMAGES) {
            throw ApiException.invalidField("imageFileIds", "1 to " + MAX_IMAGES + " images");
        }
        List<String> bad = analyses.problems(org, client, r.imageFileIds());
        if (!bad.isEmpty()) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "validation_failed",
                    bad.size() + " image(s) are not this client's skin images",
                    bad.stream()
                            .map(f -> new ApiException.FieldError(f, "must be a skin_image file of this client"))
                            .toList());
        }
        JsonNode metadata = r.metadata() == null ? JsonNodeFactory.instance.objectNode() : r.metadata();
        if (!metadata.isObject() || metadata.toString().length() > 4096) {
            throw ApiException.invalidField("metadata", "a JSON object of at most 4 KB");
        }
        UUID id = analyses.queue(org, client, r.imageFileIds(), metadata, caller.userId());
        audit.record(AuditRecord.of(
                org,
                "skin_analysis.started",
                "client",
                client,
                Map.of("images", new AuditChange(null, r.imageFileIds().size()))));
        return ResponseEntity.accepted().body(store.find(org, id).orElseThrow());
    }

    @GetMapping("/api/v1/skin-analysis/{id}")
    @Operation(summary = "One skin analysis: queued, done (measures, change since last, recommendations) or refused")
    SkinStore.Analysis get(Caller caller, @PathVariable UUID id) {
        UUID org = caller.requireOrganization();
        SkinStore.Analysis a = store.find(org, id).orElseThrow(() -> ApiException.notFound("Skin analysis"));
        if (access.staffReadsRecordOf(caller, a.clientId(), "Skin analysis")) {
            audit.record(AuditRecord.of(org, "skin_analysis.viewed", "skin_analysis", id, Map.of()));
        }
        return a;
    }

    @GetMapping("/api/v1/skin-analysis")
    @Operation(summary = "A client's skin analyses, newest first (a client: their own)")
    Map<String, List<SkinStore.Analysis>> list(Caller caller, @RequestParam(required = false) @Nullable UUID clientId) {
        UUID org = caller.requireOrganization();
        UUID client;
        if (CareAccess.isClient(caller)) {
            client = access.self(caller);
        } else {
            caller.require(Permission.TREATMENT_MANAGE);
            if (clientId == null) {
                throw ApiException.invalidField("clientId", "is required");
            }
            client = clientId;
            audit.record(AuditRecord.of(org, "skin_analysis.viewed", "client", clientId, Map.of()));
        }
        return Map.of("data", store.ofClient(org, client, 50));
    }
}
