package io.wellbase.search.internal;

import io.wellbase.search.SearchDocument;
import io.wellbase.search.SearchType;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code search_documents} and {@code search_terms} tables: documents written many to a statement, and the words
 * of their titles kept once per organization for typo correction.
 */
@Component
public class SearchDocumentStore {

    /** Documents per statement. */
    public static final int BATCH = 1000;

    private final JdbcClient jdbc;

    SearchDocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the documents of {@code ids} that exist and drops those of the ids that are gone. */
    public void replace(UUID orgId, SearchType type, Collection<UUID> ids, List<SearchDocument> documents) {
        List<UUID> present = documents.stream().map(SearchDocument::id).toList();
        jdbc.sql("""
                DELETE FROM search_documents
                WHERE org_id = :org AND doc_type = :type AND doc_id = ANY(:ids) AND NOT doc_id = ANY(:present)
                """)
                .param("org", orgId)
                .param("type", type.value())
                .param("ids", ids.toArray(UUID[]::new))
                .param("present", present.toArray(UUID[]::new))
                .update();
        upsert(orgId, documents);
    }

    /** Adds or replaces documents (any types) of one organization. */
    void upsert(UUID orgId, List<SearchDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        String[] titles = documents.stream().map(d -> clip(d.title(), 500)).toArray(String[]::new);
        jdbc.sql("""
                INSERT INTO search_documents (org_id, doc_type, doc_id, title, subtitle, body, link, audience,
                                              participants)
                SELECT :org, d.doc_type, d.doc_id, d.title, d.subtitle, d.body, d.link, d.audience,
                       CAST(string_to_array(d.participants, ',') AS uuid[])
                FROM unnest(CAST(:types AS text[]), CAST(:ids AS uuid[]), CAST(:titles AS text[]),
                            CAST(:subtitles AS text[]), CAST(:bodies AS text[]), CAST(:links AS text[]),
                            CAST(:audiences AS text[]), CAST(:participants AS text[]))
                     AS d (doc_type, doc_id, title, subtitle, body, link, audience, participants)
                ON CONFLICT (org_id, doc_type, doc_id) DO UPDATE
                SET title = excluded.title, subtitle = excluded.subtitle, body = excluded.body, link = excluded.link,
                    audience = excluded.audience, participants = excluded.participants, updated_at = now()
                """)
                .param("org", orgId)
                .param("types", documents.stream().map(d -> d.type().value()).toArray(String[]::new))
                .param("ids", documents.stream().map(SearchDocument::id).toArray(UUID[]::new))
                .param("titles", titles)
                .param(
                        "subtitles",
                        documents.stream().map(d -> clip(d.subtitle(), 500)).toArray(String[]::new))
                .param(
                        "bodies",
                        documents.stream().map(d -> clip(d.body(), 4000)).toArray(String[]::new))
                .param("links", documents.stream().map(SearchDocument::link).toArray(String[]::new))
                .param(
                        "audiences",
                        documents.stream().map(d -> d.audience().value()).toArray(String[]::new))
                .param(
                        "participants",
                        documents.stream()
                                .map(d -> d.participants().stream()
                                        .map(UUID::toString)
                                        .collect(Collectors.joining(",")))
                                .toArray(String[]::new))
                .update();
        jdbc.sql("""
                INSERT INTO search_terms (org_id, term)
                SELECT DISTINCT :org, w.term
                FROM unnest(CAST(:titles AS text[])) AS t (title),
                     unnest(regexp_split_to_array(immutable_unaccent(lower(t.title)), '[^[:alnum:]]+')) AS w (term)
                WHERE length(w.term) >= 3
                ON CONFLICT DO NOTHING
                """).param("org", orgId).param("titles", titles).update();
    }

    /** Drops every document of a type in an organization (before it is built again). */
    void clear(UUID orgId, SearchType type) {
        jdbc.sql("DELETE FROM search_documents WHERE org_id = :org AND doc_type = :type")
                .param("org", orgId)
                .param("type", type.value())
                .update();
    }

    private static String clip(String value, int max) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }
}
