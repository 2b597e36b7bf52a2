package io.wellbase.clients;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The clients that match the client list's filters — the same query parameters as {@code GET
 * /api/v1/clients} ({@code status}, {@code tag}, {@code source}, {@code joinedFrom}, {@code joinedTo},
 * {@code birthdayMonth}, {@code q} and the filters other modules add, such as {@code membershipState}) —
 * for a message to a segment.
 */
public interface ClientSegments {

    /**
     * Ids of the matching clients (neither merged away nor erased) in id order after {@code after} (null:
     * from the first), at most {@code limit}. Unknown filter values are the list's own 400s.
     */
    List<UUID> matching(UUID organizationId, Map<String, List<String>> filters, @Nullable UUID after, int limit);

    /** Checks the filters as the list would, without reading a client: the list's own 400s. */
    void check(UUID organizationId, Map<String, List<String>> filters);
}
