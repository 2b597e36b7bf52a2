package io.wellbase.care.internal.sharing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.platform.security.Caller;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A client's own choice of which care categories the organization's staff may see. */
@RestController
@Tag(name = "Care")
class SharingController {

    private final CareAccess access;
    private final Sharing sharing;
    private final AuditTrail audit;

    SharingController(CareAccess access, Sharing sharing, AuditTrail audit) {
        this.access = access;
        this.sharing = sharing;
        this.audit = audit;
    }

    /** Each category and whether it is shared; a category left out of a PUT keeps its setting. */
    record SharingSettings(
            @Nullable Boolean mood,
            @Nullable Boolean assessments,
            @Nullable Boolean breathing,
            @Nullable Boolean nutrition) {}

    @GetMapping("/api/v1/care/sharing")
    @Operation(summary = "Which care categories the signed-in client shares with staff (nothing until they say so)")
    SharingSettings get(Caller caller) {
        return view(sharing.of(caller.requireOrganization(), access.self(caller)));
    }

    @PutMapping("/api/v1/care/sharing")
    @Transactional
    @Operation(summary = "Share or stop sharing care categories with staff; revoking hides them at once")
    SharingSettings put(Caller caller, @RequestBody SharingSettings request) {
        UUID org = caller.requireOrganization();
        UUID client = access.self(caller);
        Map<CareCategory, Boolean> before = sharing.of(org, client);
        Map<CareCategory, Boolean> wanted = new LinkedHashMap<>();
        if (request.mood() != null) {
            wanted.put(CareCategory.MOOD, request.mood());
        }
        if (request.assessments() != null) {
            wanted.put(CareCategory.ASSESSMENTS, request.assessments());
        }
        if (request.breathing() != null) {
            wanted.put(CareCategory.BREATHING, request.breathing());
        }
        if (request.nutrition() != null) {
            wanted.put(CareCategory.NUTRITION, request.nutrition());
        }
        Map<String, AuditChange> changes = new LinkedHashMap<>();
        wanted.forEach((category, shared) -> {
            if (!before.get(category).equals(shared)) {
                sharing.set(org, client, category, shared);
                changes.put(category.value(), new AuditChange(before.get(category), shared));
            }
        });
        if (!changes.isEmpty()) {
            audit.record(AuditRecord.of(org, "care.sharing_changed", "client", client, changes));
        }
        return view(sharing.of(org, client));
    }

    private static SharingSettings view(Map<CareCategory, Boolean> shared) {
        return new SharingSettings(
                shared.get(CareCategory.MOOD),
                shared.get(CareCategory.ASSESSMENTS),
                shared.get(CareCategory.BREATHING),
                shared.get(CareCategory.NUTRITION));
    }
}
