-- Typeahead without partial matches: every word of a document's title, subtitle and body (split and unaccented as
-- the vector's words are) stored with each of its prefixes, up to 20 letters, as exact lexemes, each led by the
-- organization's tag (the last 8 characters of its id). A query's word "jo" in an organization is then one posting
-- list holding only that organization's documents that have a word beginning with "jo": not the union of every word
-- beginning with "jo" (the GIN partial match on the vector built a bitmap of 90,000 rows at the bench's million
-- documents before the first candidate), nor an intersection with the organization's own posting list (the index on
-- (org_id, vector) read a million postings for the bench organization). Two organizations sharing a tag only cost
-- each other candidates: the query still filters on org_id. The vector `tsv` stays for the ranking and the
-- highlights, and rechecks every match (words over 20 letters).
-- The functions' names are qualified: a restore runs them with an empty search_path.
-- The tag, the one definition the index and the search's query both use.
CREATE FUNCTION search_org_tag(org UUID) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT pg_catalog.right(CAST(org AS pg_catalog.text), 8) $$;

CREATE FUNCTION search_prefixes(org UUID, title TEXT, subtitle TEXT, body TEXT) RETURNS TSVECTOR
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT coalesce(pg_catalog.array_to_tsvector(pg_catalog.array_agg(DISTINCT
                        public.search_org_tag(org) || pg_catalog.left(w.word, n.len))),
                    ''::pg_catalog.tsvector)
    FROM pg_catalog.regexp_split_to_table(
             public.immutable_unaccent(pg_catalog.lower(pg_catalog.concat_ws(' ', title, subtitle, body))),
             '[^[:alnum:]]+') AS w (word)
    CROSS JOIN LATERAL pg_catalog.generate_series(1, least(pg_catalog.length(w.word), 20)) AS n (len)
    WHERE w.word <> ''
$$;

ALTER TABLE search_documents
    ADD COLUMN prefixes TSVECTOR GENERATED ALWAYS AS (search_prefixes(org_id, title, subtitle, body)) STORED;

-- one index serves a small organization among many and one that holds most rows alike
DROP INDEX search_documents_org_tsv_idx;
DROP INDEX search_documents_tsv_idx;
CREATE INDEX search_documents_prefixes_idx ON search_documents USING gin (prefixes);
