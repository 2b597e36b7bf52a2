package io.wellbase.clients;

import java.util.Map;
import java.util.UUID;

/**
 * Lets a module that stores data about clients (memberships, visits, files) add its own sections
 * to a client's data-subject export (GDPR Art. 15 and 20) without the clients module depending on
 * it or reading its tables. Each module answers only from the tables it owns.
 */
public interface ClientDataContributor {

    /**
     * The module's sections by name (e.g. {@code memberships}, {@code sales}), each a list of records
     * or a record that serialises to JSON. Called inside the export's read-only transaction, only for
     * a client that exists in the organization; names must not clash with another module's.
     */
    Map<String, Object> exportFor(UUID organizationId, UUID clientId);
}
