-- Global search (search module): one row per thing to find, its words as a weighted vector (title A, subtitle B,
-- body C) without accents, and the distinct words of titles per organization for typo correction.
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

CREATE TABLE search_documents (
    org_id       UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    doc_type     TEXT        NOT NULL,
    doc_id       UUID        NOT NULL,
    title        TEXT        NOT NULL,
    subtitle     TEXT,
    body         TEXT,
    link         TEXT        NOT NULL,
    audience     TEXT        NOT NULL CHECK (audience IN ('staff', 'everyone', 'participants')),
    participants UUID[]      NOT NULL DEFAULT '{}',
    title_norm   TEXT        GENERATED ALWAYS AS (immutable_unaccent(lower(title))) STORED,
    -- words split on anything but letters and digits, as the query's words are: an email's parts, a hyphenated
    -- name's parts and a sku's parts are words of their own
    tsv          TSVECTOR    GENERATED ALWAYS AS (
                     setweight(to_tsvector('simple',
                         regexp_replace(immutable_unaccent(lower(title)), '[^[:alnum:]]+', ' ', 'g')), 'A')
                     || setweight(to_tsvector('simple',
                         regexp_replace(immutable_unaccent(lower(coalesce(subtitle, ''))), '[^[:alnum:]]+', ' ', 'g')), 'B')
                     || setweight(to_tsvector('simple',
                         regexp_replace(immutable_unaccent(lower(coalesce(body, ''))), '[^[:alnum:]]+', ' ', 'g')), 'C'))
                     STORED,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, doc_type, doc_id)
);
-- Two GIN indexes, chosen by the planner from the organization's share of the rows (each search is planned for its
-- own words and organization): within a small organization the one with org_id reads only its postings; within one
-- that holds most rows, the vector alone is faster (intersecting with a posting list of a million rows is not).
CREATE INDEX search_documents_org_tsv_idx ON search_documents USING gin (org_id, tsv);
CREATE INDEX search_documents_tsv_idx ON search_documents USING gin (tsv);
CREATE INDEX search_documents_participants_idx ON search_documents USING gin (participants)
    WHERE audience = 'participants';

CREATE TABLE search_terms (
    org_id UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    term   TEXT NOT NULL,
    PRIMARY KEY (org_id, term)
);
CREATE INDEX search_terms_trgm_idx ON search_terms USING gin (org_id, term gin_trgm_ops);

-- which sources were indexed in full, at which version: a source is built again once when its version rises
CREATE TABLE search_index_builds (
    doc_type   TEXT        PRIMARY KEY,
    version    INT         NOT NULL,
    built_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
