package io.wellbase.clients.internal;

import io.wellbase.clients.ClientDataContributor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's data-subject export: the record with tags, custom fields, alerts and notes, then the
 * sections every other module contributes through {@link ClientDataContributor}, read in one
 * read-only transaction so the sections agree with each other.
 */
@Service
class ClientExport {

    private final ClientService clients;
    private final ClientNotes notes;
    private final List<ClientDataContributor> contributors;

    ClientExport(ClientService clients, ClientNotes notes, List<ClientDataContributor> contributors) {
        this.clients = clients;
        this.notes = notes;
        this.contributors = contributors;
    }

    @Transactional(readOnly = true)
    Map<String, Object> export(UUID orgId, UUID clientId) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("client", clients.get(orgId, clientId));
        export.put("alerts", notes.alertHistory(orgId, clientId));
        export.put("notes", notes.notes(orgId, clientId));
        for (ClientDataContributor contributor : contributors) {
            contributor.exportFor(orgId, clientId).forEach((name, section) -> {
                if (export.putIfAbsent(name, section) != null) {
                    throw new IllegalStateException("Two modules export a section named " + name);
                }
            });
        }
        return export;
    }
}
