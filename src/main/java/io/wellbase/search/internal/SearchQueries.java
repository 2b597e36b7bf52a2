package io.wellbase.search.internal;

import io.wellbase.search.SearchType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The search itself, in two statements: the query's words without accents, each as a prefix and, from three letters,
 * with the organization's title words within one (three or four letters) or two edits of it (found through a
 * trigram index, checked with Levenshtein); documents matching every word, the caller's audience only; exact
 * matches before corrected ones, then by weight (title before subtitle before body).
 *
 * <p>Candidates are found through the documents' {@code prefixes} (every word with each of its prefixes, led by the
 * organization's tag, as exact lexemes: a word of the query is one posting list of the index holding only the
 * organization's documents, not a partial match over every word it begins) and
 * checked against the vector {@code tsv} with the prefix query itself, which also ranks them and names the terms to
 * highlight.
 */
@Component
class SearchQueries {

    /** Candidates per kind of match that are ranked; a broad prefix ("jo") ranks the first ones it meets. */
    static final int CANDIDATES = 200;

    private static final Pattern LEXEME = Pattern.compile("'((?:[^']|'')+)'(:\\*)?");

    private final JdbcClient jdbc;

    SearchQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Who is asking: staff types are those the caller's permissions show; participants' documents are their own. */
    record Audience(
            UUID userId,
            List<SearchType> staffTypes,
            List<SearchType> everyoneTypes,
            List<SearchType> participantTypes) {}

    record Hit(
            SearchType type,
            UUID id,
            String title,
            @Nullable String subtitle,
            @Nullable String body,
            String link,
            double score,
            boolean corrected) {}

    /** The hits, and the terms that matched (prefixes end with '*'), for highlighting. */
    record Found(List<Hit> hits, List<String> terms) {}

    /**
     * The query as tsqueries: each word as a prefix (exact), and with its corrections too (fuzzy), on the vector; the
     * same two as exact lexemes of the documents' prefixes: led by the organization's tag ({@code search_org_tag}, as
     * V82's {@code search_prefixes} stores them) and cut to the 20 letters a stored prefix has at most.
     */
    record Parsed(
            @Nullable String exact,
            @Nullable String fuzzy,
            @Nullable String exactPrefixes,
            @Nullable String fuzzyPrefixes,
            boolean corrected) {}

    @Transactional(readOnly = true)
    public Found search(UUID orgId, String q, Audience audience, int limit) {
        // the candidates' plan is made for this query's words and organization: the prefixes' index, or a scan in
        // order that stops at the candidates for a word most documents have ("cork" among a shop's products)
        jdbc.sql("""
                SELECT set_config('pg_trgm.similarity_threshold', '0.2', true),
                       set_config('plan_cache_mode', 'force_custom_plan', true)
                """).query().listOfRows();
        Parsed parsed = parse(orgId, q);
        if (parsed.exact() == null) {
            return new Found(List.of(), List.of());
        }
        List<Hit> hits = jdbc.sql("""
                SELECT c.doc_type, c.doc_id, c.title, c.subtitle, c.body, c.link, c.corrected,
                       ts_rank(c.tsv, CASE WHEN c.corrected THEN CAST(:fuzzy AS tsquery) ELSE CAST(:exact AS tsquery) END)
                           + CASE WHEN c.title_norm LIKE CAST(:firstWord AS text) || '%' THEN 0.5 ELSE 0 END AS score
                FROM (
                    (SELECT d.doc_type, d.doc_id, d.title, d.subtitle, d.body, d.link, d.tsv, d.title_norm,
                            false AS corrected
                     FROM search_documents d
                     WHERE d.org_id = :org
                       AND d.prefixes @@ CAST(:exactPrefixes AS tsquery)
                       AND d.tsv @@ CAST(:exact AS tsquery)
                       AND (    (d.audience IN ('staff', 'everyone') AND d.doc_type = ANY(CAST(:staffTypes AS text[])))
                             OR (d.audience = 'everyone' AND d.doc_type = ANY(CAST(:everyoneTypes AS text[])))
                             OR (d.audience = 'participants' AND d.doc_type = ANY(CAST(:participantTypes AS text[]))
                                 AND d.participants @> ARRAY[CAST(:user AS uuid)]))
                     LIMIT :candidates)
                    UNION ALL
                    (SELECT d.doc_type, d.doc_id, d.title, d.subtitle, d.body, d.link, d.tsv, d.title_norm,
                            true AS corrected
                     FROM search_documents d
                     WHERE CAST(:corrected AS boolean)
                       AND d.org_id = :org
                       AND d.prefixes @@ CAST(:fuzzyPrefixes AS tsquery)
                       AND d.tsv @@ CAST(:fuzzy AS tsquery)
                       AND NOT d.tsv @@ CAST(:exact AS tsquery)
                       AND (    (d.audience IN ('staff', 'everyone') AND d.doc_type = ANY(CAST(:staffTypes AS text[])))
                             OR (d.audience = 'everyone' AND d.doc_type = ANY(CAST(:everyoneTypes AS text[])))
                             OR (d.audience = 'participants' AND d.doc_type = ANY(CAST(:participantTypes AS text[]))
                                 AND d.participants @> ARRAY[CAST(:user AS uuid)]))
                     LIMIT :candidates)
                ) c
                ORDER BY c.corrected, score DESC, length(c.title), c.doc_id
                LIMIT :limit
                """)
                .param("org", orgId)
                .param("exact", parsed.exact())
                .param("fuzzy", parsed.fuzzy())
                .param("exactPrefixes", parsed.exactPrefixes())
                .param("fuzzyPrefixes", parsed.fuzzyPrefixes())
                .param("corrected", parsed.corrected())
                .param("firstWord", firstLexeme(parsed.exact()))
                .param("user", audience.userId())
                .param("staffTypes", values(audience.staffTypes()))
                .param("everyoneTypes", values(audience.everyoneTypes()))
                .param("participantTypes", values(audience.participantTypes()))
                .param("candidates", CANDIDATES)
                .param("limit", limit)
                .query((rs, n) -> hit(rs))
                .list();
        return new Found(hits, lexemes(parsed.fuzzy()));
    }

    /** The query's words (at most eight) without accents, and their corrections from the organization's titles. */
    private Parsed parse(UUID orgId, String q) {
        return jdbc.sql("""
                WITH words AS (
                    SELECT x.w, x.ord
                    FROM unnest(regexp_split_to_array(immutable_unaccent(lower(CAST(:q AS text))), '[^[:alnum:]]+'))
                         WITH ORDINALITY AS x (w, ord)
                    WHERE x.w <> ''
                    ORDER BY x.ord
                    LIMIT 8
                ),
                corrections AS (
                    SELECT words.ord, c.term
                    FROM words
                    CROSS JOIN LATERAL (
                        SELECT t.term
                        FROM search_terms t
                        WHERE t.org_id = :org
                          AND t.term % words.w
                          AND t.term <> words.w
                          AND levenshtein_less_equal(t.term, words.w, CASE WHEN length(words.w) >= 4 THEN 2 ELSE 1 END)
                              <= CASE WHEN length(words.w) >= 4 THEN 2 ELSE 1 END
                        ORDER BY levenshtein(t.term, words.w), similarity(t.term, words.w) DESC, t.term
                        LIMIT 5
                    ) c
                    WHERE length(words.w) >= 3
                ),
                tag AS (SELECT search_org_tag(CAST(:org AS uuid)) AS t),
                -- each word, and its corrections as alternatives (' | …'), as lexemes of the vector and of the
                -- tagged prefixes
                alternatives AS (
                    SELECT words.ord,
                           quote_literal(words.w) || ':*' AS on_vector,
                           coalesce(string_agg(' | ' || quote_literal(c.term), '' ORDER BY c.term), '')
                               AS corrections_on_vector,
                           quote_literal(tag.t || left(words.w, 20)) AS on_prefixes,
                           coalesce(string_agg(' | ' || quote_literal(tag.t || left(c.term, 20)), '' ORDER BY c.term), '')
                               AS corrections_on_prefixes
                    FROM words
                    CROSS JOIN tag
                    LEFT JOIN corrections c ON c.ord = words.ord
                    GROUP BY words.ord, words.w, tag.t
                )
                SELECT string_agg(a.on_vector, ' & ' ORDER BY a.ord) AS exact,
                       string_agg('(' || a.on_vector || a.corrections_on_vector || ')', ' & ' ORDER BY a.ord) AS fuzzy,
                       string_agg(a.on_prefixes, ' & ' ORDER BY a.ord) AS exact_prefixes,
                       string_agg('(' || a.on_prefixes || a.corrections_on_prefixes || ')', ' & ' ORDER BY a.ord)
                           AS fuzzy_prefixes,
                       EXISTS (SELECT 1 FROM corrections) AS corrected
                FROM alternatives a
                """)
                .param("q", q)
                .param("org", orgId)
                .query((rs, n) -> new Parsed(
                        rs.getString("exact"),
                        rs.getString("fuzzy"),
                        rs.getString("exact_prefixes"),
                        rs.getString("fuzzy_prefixes"),
                        rs.getBoolean("corrected")))
                .single();
    }

    /** The first word of {@code 'john':* & 'smi':*}: a title beginning with it ranks higher. */
    private static String firstLexeme(String tsquery) {
        List<String> all = lexemes(tsquery);
        String first = all.isEmpty() ? "" : all.getFirst();
        return first.endsWith("*") ? first.substring(0, first.length() - 1) : first;
    }

    private static String[] values(List<SearchType> types) {
        return types.stream().map(SearchType::value).toArray(String[]::new);
    }

    /** {@code 'john':* | 'joan'} → {@code john*}, {@code joan}. */
    static List<String> lexemes(@Nullable String tsquery) {
        List<String> out = new ArrayList<>();
        if (tsquery == null) {
            return out;
        }
        Matcher m = LEXEME.matcher(tsquery);
        while (m.find()) {
            out.add(m.group(1).replace("''", "'") + (m.group(2) != null ? "*" : ""));
        }
        return out;
    }

    private static Hit hit(ResultSet rs) throws SQLException {
        return new Hit(
                SearchType.parse(rs.getString("doc_type")).orElseThrow(),
                rs.getObject("doc_id", UUID.class),
                rs.getString("title"),
                rs.getString("subtitle"),
                rs.getString("body"),
                rs.getString("link"),
                rs.getDouble("score"),
                rs.getBoolean("corrected"));
    }
}
