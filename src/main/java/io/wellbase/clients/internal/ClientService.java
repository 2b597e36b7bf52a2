package io.wellbase.clients.internal;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.clients.ClientDirectory;
import io.wellbase.clients.ClientErased;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.web.ApiException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing, reading and erasing client records.
 */
@Service
class ClientService implements ClientDirectory {

    private final ClientStore store;
    private final CustomFields customFields;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Onboarding onboarding;

    private final ClientSummaries summaries;

    ClientService(
            ClientStore store,
            CustomFields customFields,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Onboarding onboarding,
            ClientSummaries summaries) {
        this.onboarding = onboarding;
        this.summaries = summaries;
        this.store = store;
        this.customFields = customFields;
        this.audit = audit;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ClientListing> listing(UUID organizationId) {
        return store.listing(organizationId);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, ClientName> names(UUID organizationId, Collection<UUID> clientIds) {
        return store.names(organizationId, clientIds);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Recipient> recipients(UUID organizationId, Collection<UUID> clientIds) {
        return summaries.recipients(organizationId, clientIds);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ClientSummary> find(UUID organizationId, UUID clientId) {
        return store.find(organizationId, clientId)
                .map(c -> new ClientSummary(c.id(), c.firstName(), c.lastName(), c.email(), c.status()));
    }

    @Override
    public java.util.Map<String, List<String>> profileAttributes(UUID organizationId, UUID clientId) {
        java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        store.find(organizationId, clientId)
                .ifPresent(c -> c.customFields().forEach((key, value) -> {
                    if (value instanceof java.util.Collection<?> values) {
                        out.put(
                                key,
                                values.stream()
                                        .filter(java.util.Objects::nonNull)
                                        .map(Object::toString)
                                        .toList());
                    } else if (value != null) {
                        out.put(key, List.of(value.toString()));
                    }
                }));
        return out;
    }

    @Transactional
    ClientView create(UUID orgId, ClientFields fields, List<String> tags) {
        UUID id = Ids.newId();
        ClientFields clean = clean(orgId, null, fields, "active");
        store.insert(orgId, id, clean);
        store.replaceTags(orgId, id, normaliseTags(tags));
        ClientView created = get(orgId, id);
        audit.record(AuditRecord.of(orgId, "client.created", "client", id, AuditChange.created(snapshot(created))));
        return created;
    }

    @Transactional(readOnly = true)
    ClientView get(UUID orgId, UUID id) {
        ClientView client = store.find(orgId, id).orElseThrow(() -> ApiException.notFound("Client"));
        return client.withTagsAndAlerts(
                        store.tags(orgId, List.of(id)).getOrDefault(id, List.of()), store.openAlerts(orgId, id))
                .withOnboarding(onboarding.progress(orgId, id));
    }

    @Transactional
    ClientView update(UUID orgId, UUID id, ClientFields patch, List<String> tags) {
        ClientView current = store.findForUpdate(orgId, id).orElseThrow(() -> ApiException.notFound("Client"));
        current = get(orgId, id);
        ClientFields merged = new ClientFields(
                or(patch.firstName(), current.firstName()),
                or(patch.lastName(), current.lastName()),
                or(patch.email(), current.email()),
                or(patch.phone(), current.phone()),
                or(patch.mobilePhone(), current.mobilePhone()),
                or(patch.birthDate(), current.birthDate()),
                or(patch.gender(), current.gender()),
                or(patch.address(), current.address()),
                or(patch.emergencyContact(), current.emergencyContact()),
                or(patch.status(), current.status()),
                or(patch.source(), current.source()),
                or(patch.referredById(), current.referredById()),
                or(patch.marketingConsent(), current.marketingConsent()),
                or(patch.waiverSignedOn(), current.waiverSignedOn()),
                mergeCustom(
                        customFields.retainDefined(orgId, current.customFields()),
                        patch.customFields() == null ? Map.of() : patch.customFields()),
                patch.externalIds() == null ? stringMap(current.externalIds()) : patch.externalIds());
        store.update(orgId, id, clean(orgId, id, merged, current.status()));
        if (tags != null) {
            store.replaceTags(orgId, id, normaliseTags(tags));
        }
        ClientView updated = get(orgId, id);
        audit.record(AuditRecord.of(
                orgId, "client.updated", "client", id, AuditChange.diff(snapshot(current), snapshot(updated))));
        return updated;
    }

    @Transactional
    void erase(UUID orgId, UUID id) {
        store.findForUpdate(orgId, id).orElseThrow(() -> ApiException.notFound("Client"));
        store.anonymise(orgId, id);
        audit.record(AuditRecord.of(orgId, "client.erased", "client", id, Map.of()));
        events.publishEvent(new ClientErased(orgId, id));
    }

    private ClientFields clean(UUID orgId, UUID selfId, ClientFields f, String defaultStatus) {
        String status = f.status() == null ? defaultStatus : f.status().toLowerCase(Locale.ROOT);
        if (!ClientFilter.STATUSES.contains(status)) {
            throw ApiException.invalidField("status", "must be one of lead, active, inactive, suspended, churned");
        }
        if (f.referredById() != null
                && (f.referredById().equals(selfId)
                        || store.find(orgId, f.referredById()).isEmpty())) {
            throw ApiException.invalidField("referredById", "must be another client of this organization");
        }
        ClientView.Address a = f.address();
        if (a != null
                && a.country() != null
                && !java.util.Set.of(Locale.getISOCountries())
                        .contains(a.country().toUpperCase(Locale.ROOT))) {
            throw ApiException.invalidField("address.country", "must be an ISO 3166-1 alpha-2 country code");
        }
        if (a != null && a.country() != null) {
            a = new ClientView.Address(
                    a.line1(),
                    a.line2(),
                    a.city(),
                    a.postalCode(),
                    a.region(),
                    a.country().toUpperCase(Locale.ROOT));
        }
        String email =
                f.email() == null || f.email().isBlank() ? null : f.email().trim();
        return new ClientFields(
                f.firstName().trim(),
                f.lastName().trim(),
                email,
                f.phone(),
                f.mobilePhone(),
                f.birthDate(),
                f.gender(),
                a,
                f.emergencyContact(),
                status,
                f.source(),
                f.referredById(),
                f.marketingConsent(),
                f.waiverSignedOn(),
                customFields.validate(orgId, f.customFields()),
                f.externalIds());
    }

    private static List<String> normaliseTags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String tag : tags) {
            String t = tag == null ? "" : tag.trim().toLowerCase(Locale.ROOT);
            if (t.isEmpty() || t.length() > 50) {
                throw ApiException.invalidField("tags", "each tag must have 1 to 50 characters");
            }
            clean.add(t);
        }
        if (clean.size() > 50) {
            throw ApiException.invalidField("tags", "at most 50 tags");
        }
        return List.copyOf(clean);
    }

    private static Map<String, Object> mergeCustom(Map<String, Object> current, Map<String, Object> patch) {
        Map<String, Object> merged = new LinkedHashMap<>(current);
        patch.forEach((k, v) -> {
            if (v == null) {
                merged.remove(k);
            } else {
                merged.put(k, v);
            }
        });
        return merged;
    }

    private static Map<String, String> stringMap(Map<String, Object> map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    static Map<String, Object> snapshot(ClientView c) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("firstName", c.firstName());
        map.put("lastName", c.lastName());
        map.put("email", c.email());
        map.put("phone", c.phone());
        map.put("mobilePhone", c.mobilePhone());
        map.put("birthDate", c.birthDate());
        map.put("gender", c.gender());
        map.put("address", c.address());
        map.put("emergencyContact", c.emergencyContact());
        map.put("status", c.status());
        map.put("source", c.source());
        map.put("referredById", c.referredById());
        map.put("marketingConsent", c.marketingConsent());
        map.put("waiverSignedOn", c.waiverSignedOn());
        map.put("tags", c.tags());
        map.put("customFields", c.customFields());
        map.put("externalIds", c.externalIds());
        return map;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
