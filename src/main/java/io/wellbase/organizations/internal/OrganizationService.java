package io.wellbase.organizations.internal;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.Role;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating organizations (the creator becomes owner), reading the caller's, and changing one.
 */
@Service
class OrganizationService {

    private final OrganizationStore store;
    private final AuditTrail audit;

    OrganizationService(OrganizationStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    /** The fields of a new organization, or of a change (null fields stay as they are). */
    record Fields(String name, String timezone, String currency, String country) {}

    @Transactional
    public OrganizationStore.OrganizationRow create(UUID userId, Fields fields) {
        UUID id = Ids.newId();
        String tz = Checks.timezone("timezone", fields.timezone());
        String currency = Checks.currency("currency", fields.currency());
        String country = Checks.country("country", fields.country());
        store.insert(id, fields.name().trim(), tz, currency, country);
        store.addMember(id, userId, Role.OWNER);
        audit.record(AuditRecord.of(
                id,
                "organization.created",
                "organization",
                id,
                AuditChange.created(snapshot(fields.name().trim(), tz, currency, country))));
        return store.findForMember(id, userId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public PageResult<OrganizationStore.OrganizationRow> mine(UUID userId, PageQuery page) {
        return PageResult.of(
                store.findAllForMember(userId, page.pageSize(), page.offset()), page, store.countForMember(userId));
    }

    @Transactional(readOnly = true)
    public OrganizationStore.OrganizationRow get(UUID userId, UUID orgId) {
        return store.findForMember(orgId, userId).orElseThrow(() -> ApiException.notFound("Organization"));
    }

    @Transactional
    public OrganizationStore.OrganizationRow update(Caller caller, UUID orgId, Fields patch) {
        OrganizationStore.OrganizationRow current = get(caller.userId(), orgId);
        Role role = Role.parse(current.role()).orElse(null);
        if (!Permission.ORGANIZATION_UPDATE.grantedTo(role)) {
            throw ApiException.forbidden("auth.forbidden", "Your role may not change this organization");
        }
        String name = patch.name() == null ? current.name() : patch.name().trim();
        String tz = patch.timezone() == null ? current.timezone() : Checks.timezone("timezone", patch.timezone());
        String currency = patch.currency() == null ? current.currency() : Checks.currency("currency", patch.currency());
        String country = patch.country() == null ? current.country() : Checks.country("country", patch.country());
        store.update(orgId, name, tz, currency, country);
        audit.record(AuditRecord.of(
                orgId,
                "organization.updated",
                "organization",
                orgId,
                AuditChange.diff(
                        snapshot(current.name(), current.timezone(), current.currency(), current.country()),
                        snapshot(name, tz, currency, country))));
        return get(caller.userId(), orgId);
    }

    private static Map<String, Object> snapshot(String name, String tz, String currency, String country) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("timezone", tz);
        map.put("currency", currency);
        map.put("country", country);
        return map;
    }
}
