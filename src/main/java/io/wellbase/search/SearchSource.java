package io.wellbase.search;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A module's documents of one type, read from its own tables: for the ids a write changed, and all of them when
 * the index is built (a new installation, a new type, the demo studio).
 */
public interface SearchSource {

    SearchType type();

    /**
     * Raised when what a source writes into its documents changes: the index of its type is built again once on
     * the next start.
     */
    default int version() {
        return 1;
    }

    /** The documents of these ids in the organization; an id without one (deleted, erased, merged) is left out. */
    List<SearchDocument> documents(UUID orgId, Collection<UUID> ids);

    /** Every document of the organization, in batches (a call per batch). */
    void all(UUID orgId, Consumer<List<SearchDocument>> batches);

    /** The organizations that have documents of this type. */
    List<UUID> organizations();
}
