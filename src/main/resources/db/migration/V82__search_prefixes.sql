-- Typeahead without partial matches: every word of a document's title, subtitle and body (split and unaccented as
-- the vector's words are) stored with each of its prefixes, up to 20 letters, as exact lexemes. A query's word "jo"
-- is then one posting list of the index, not the union of every word beginning with "jo" (which the GIN partial
-- match built as a bitmap of 90,000 rows on the bench's million documents before returning the first candidate).
-- The vector `tsv` stays for the ranking and the highlights, and rechecks every match (words over 20 letters).
-- The function's names are qualified: a restore runs it with an empty search_path.
CREATE FUNCTION search_prefixes(title TEXT, subtitle TEXT, body TEXT) RETURNS TSVECTOR
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT coalesce(pg_catalog.array_to_tsvector(pg_catalog.array_agg(DISTINCT pg_catalog.left(w.word, n.len))),
                    ''::pg_catalog.tsvector)
    FROM pg_catalog.regexp_split_to_table(
             public.immutable_unaccent(pg_catalog.lower(pg_catalog.concat_ws(' ', title, subtitle, body))),
             '[^[:alnum:]]+') AS w (word)
    CROSS JOIN LATERAL pg_catalog.generate_series(1, least(pg_catalog.length(w.word), 20)) AS n (len)
    WHERE w.word <> ''
$$;

ALTER TABLE search_documents
    ADD COLUMN prefixes TSVECTOR GENERATED ALWAYS AS (search_prefixes(title, subtitle, body)) STORED;

-- the same two shapes as before, on the prefixes: with org_id for a small organization among many, alone for an
-- organization that holds most rows (the planner chooses per query, each search planned for its own words)
DROP INDEX search_documents_org_tsv_idx;
DROP INDEX search_documents_tsv_idx;
CREATE INDEX search_documents_org_prefixes_idx ON search_documents USING gin (org_id, prefixes);
CREATE INDEX search_documents_prefixes_idx ON search_documents USING gin (prefixes);
