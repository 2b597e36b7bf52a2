package io.wellbase.clients.internal;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.clients.ClientsMerged;
import io.wellbase.platform.web.ApiException;
import io.wellbase.search.SearchIndex;
import io.wellbase.search.SearchType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges a duplicate into a surviving record: notes, alerts and tags move over, empty fields of
 * the survivor are filled from the duplicate, the duplicate is marked merged, both are audited,
 * and {@link ClientsMerged} tells other modules to move their rows (visits, memberships).
 */
@Service
class ClientMerge {

    private final JdbcClient jdbc;
    private final ClientStore store;
    private final ClientService clients;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    private final ClientListCache listCache;
    private final SearchIndex search;

    ClientMerge(
            JdbcClient jdbc,
            ClientStore store,
            ClientService clients,
            AuditTrail audit,
            ApplicationEventPublisher events,
            ClientListCache listCache,
            SearchIndex search) {
        this.listCache = listCache;
        this.search = search;
        this.jdbc = jdbc;
        this.store = store;
        this.clients = clients;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    ClientView merge(UUID orgId, UUID survivorId, UUID otherId) {
        listCache.changed(orgId);
        if (survivorId.equals(otherId)) {
            throw ApiException.invalidField("otherId", "must be another client");
        }
        // lock both rows in id order so two opposite merges cannot deadlock
        UUID first = survivorId.compareTo(otherId) < 0 ? survivorId : otherId;
        UUID second = first.equals(survivorId) ? otherId : survivorId;
        store.findForUpdate(orgId, first).orElseThrow(() -> ApiException.notFound("Client"));
        store.findForUpdate(orgId, second).orElseThrow(() -> ApiException.notFound("Client"));
        ClientView before = clients.get(orgId, survivorId);
        ClientView other = clients.get(orgId, otherId);

        jdbc.sql("UPDATE client_notes SET client_id = :to WHERE org_id = :org AND client_id = :from")
                .param("to", survivorId)
                .param("from", otherId)
                .param("org", orgId)
                .update();
        jdbc.sql("UPDATE client_alerts SET client_id = :to WHERE org_id = :org AND client_id = :from")
                .param("to", survivorId)
                .param("from", otherId)
                .param("org", orgId)
                .update();
        jdbc.sql("""
                INSERT INTO client_tags (org_id, client_id, tag)
                SELECT org_id, :to, tag FROM client_tags WHERE org_id = :org AND client_id = :from
                ON CONFLICT DO NOTHING
                """)
                .param("to", survivorId)
                .param("from", otherId)
                .param("org", orgId)
                .update();
        jdbc.sql("DELETE FROM client_tags WHERE org_id = :org AND client_id = :from")
                .param("from", otherId)
                .param("org", orgId)
                .update();
        jdbc.sql("""
                UPDATE clients s SET
                    email = coalesce(s.email, o.email), phone = coalesce(s.phone, o.phone),
                    mobile_phone = coalesce(s.mobile_phone, o.mobile_phone), birth_date = coalesce(s.birth_date, o.birth_date),
                    gender = coalesce(s.gender, o.gender), source = coalesce(s.source, o.source),
                    waiver_signed_on = coalesce(s.waiver_signed_on, o.waiver_signed_on),
                    marketing_consent = s.marketing_consent OR o.marketing_consent,
                    external_ids = o.external_ids || s.external_ids,
                    custom_fields = o.custom_fields || s.custom_fields,
                    updated_at = now(), version = s.version + 1
                FROM clients o
                WHERE s.org_id = :org AND s.id = :to AND o.org_id = :org AND o.id = :from
                """)
                .param("to", survivorId)
                .param("from", otherId)
                .param("org", orgId)
                .update();
        jdbc.sql(
                        "UPDATE clients SET merged_into_id = :to, updated_at = now(), version = version + 1 WHERE org_id = :org AND id = :from")
                .param("to", survivorId)
                .param("from", otherId)
                .param("org", orgId)
                .update();

        search.changed(SearchType.CLIENT, orgId, List.of(survivorId, otherId));
        ClientView after = clients.get(orgId, survivorId);
        audit.record(AuditRecord.of(
                orgId,
                "client.merged",
                "client",
                survivorId,
                AuditChange.diff(ClientService.snapshot(before), ClientService.snapshot(after))));
        audit.record(AuditRecord.of(
                orgId,
                "client.merged_into",
                "client",
                otherId,
                Map.of(
                        "mergedIntoId",
                        new AuditChange(null, survivorId),
                        "name",
                        new AuditChange(other.firstName() + " " + other.lastName(), null))));
        events.publishEvent(new ClientsMerged(orgId, survivorId, otherId));
        return after;
    }
}
