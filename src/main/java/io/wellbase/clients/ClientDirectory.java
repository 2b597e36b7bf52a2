package io.wellbase.clients;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Clients as other modules see them (scheduling books them, memberships sells to them).
 */
public interface ClientDirectory {

    /** The client of the organization, empty when unknown, merged away or of another organization. */
    Optional<ClientSummary> find(UUID organizationId, UUID clientId);

    /**
     * The client's profile attributes, for matching products to them: the custom fields (a skin type, a goal) as
     * texts, lists as their texts; empty for an unknown client.
     */
    Map<String, List<String>> profileAttributes(UUID organizationId, UUID clientId);

    /**
     * Whom to tell, for the organization's clients with these ids that are neither merged away nor erased:
     * their email, their mobile number (else their phone) and the user of their portal account, in one
     * query; other ids are absent.
     */
    Map<UUID, Recipient> recipients(UUID organizationId, Collection<UUID> clientIds);

    /** A client as a message's recipient. */
    record Recipient(
            UUID id,
            @Nullable String email,
            @Nullable String phone,
            @Nullable UUID userId) {}

    /**
     * The organization's clients that are neither merged away nor erased, oldest first (then by name and
     * email): for work over all of them, such as demo data.
     */
    List<ClientListing> listing(UUID organizationId);

    /**
     * The names of the organization's client records with these ids, also those merged away or erased
     * since (history and rosters still show them; an erased client's name is the placeholder erasure
     * left); ids of other organizations are absent.
     */
    Map<UUID, ClientName> names(UUID organizationId, Collection<UUID> clientIds);

    /** A client's name. */
    record ClientName(String firstName, String lastName) {}

    /** A client in a listing: the summary and when the record was created. */
    record ClientListing(
            UUID id,
            String firstName,
            String lastName,
            @Nullable String email,
            String status,
            OffsetDateTime createdAt) {}

    /** What other modules may know of a client. */
    record ClientSummary(
            UUID id,
            String firstName,
            String lastName,
            @Nullable String email,
            String status) {}
}
