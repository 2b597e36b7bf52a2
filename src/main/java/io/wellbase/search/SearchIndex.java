package io.wellbase.search;

import io.wellbase.search.internal.SearchDocumentStore;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What a module tells search after it wrote: these ids of this type changed. The index asks the type's
 * {@link SearchSource} for their documents and stores them in the caller's transaction, so a search never sees a
 * write that was rolled back, nor misses one that committed; an id the source no longer has leaves the index.
 */
@Service
public class SearchIndex {

    private final SearchDocumentStore store;
    private final Map<SearchType, SearchSource> sources;

    SearchIndex(SearchDocumentStore store, List<SearchSource> sources) {
        this.store = store;
        this.sources = new EnumMap<>(SearchType.class);
        sources.forEach(source -> this.sources.put(source.type(), source));
    }

    /** Brings the documents of these ids up to date (added, changed or removed). */
    public void changed(SearchType type, UUID orgId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        SearchSource source = sources.get(type);
        if (source == null) {
            return;
        }
        List<UUID> distinct = ids.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += SearchDocumentStore.BATCH) {
            List<UUID> batch = distinct.subList(from, Math.min(distinct.size(), from + SearchDocumentStore.BATCH));
            store.replace(orgId, type, batch, source.documents(orgId, batch));
        }
    }

    public void changed(SearchType type, UUID orgId, UUID id) {
        changed(type, orgId, List.of(id));
    }
}
